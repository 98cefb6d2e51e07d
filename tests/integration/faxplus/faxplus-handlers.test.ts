// The faxplus:* IPC handlers over the real service: results and errors as the renderer sees
// them (errors as data, the form field named, no secret).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFaxplusHandlers } from '../../../main/core/ipc/handlers/faxplus.handlers';
import { toApiError } from '../../../main/core/ipc/ipc.errors';
import type { Harness } from './faxplus.harness';
import { demoConnect, startHarness } from './faxplus.harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ loopbackPort: 53682 });
});
afterEach(async () => {
  await h.close();
});

async function settle<T>(run: () => Promise<T> | T) {
  try {
    return { ok: true as const, value: await run() };
  } catch (err) {
    return { ok: false as const, error: toApiError(err) };
  }
}

describe('faxplus:* handlers', () => {
  it('answers every channel of the contract', async () => {
    const handlers = createFaxplusHandlers({ faxplus: h.service });
    expect(Object.keys(handlers).sort()).toEqual([
      'faxplus:add-pat',
      'faxplus:cancel-connect',
      'faxplus:connect',
      'faxplus:reauthorize',
      'faxplus:redirect-uri',
    ]);
    expect(await handlers['faxplus:redirect-uri']({ redirectMode: 'scheme' })).toBe(
      'dev.tokenvault:/oauth/faxplus',
    );
    expect(await handlers['faxplus:redirect-uri']({ redirectMode: 'loopback' })).toBe(
      'http://127.0.0.1:53682/oauth/faxplus',
    );
    const pending = await handlers['faxplus:connect'](demoConnect('ipc'));
    expect(pending.authorizeUrl).toBe(h.opened[0]);
    await handlers['faxplus:cancel-connect']({ flowId: pending.flowId });
    expect(h.events.at(-1)).toMatchObject({ outcome: 'cancelled' });
  });

  it('names the wrong field and never echoes the secret', async () => {
    const handlers = createFaxplusHandlers({ faxplus: h.service });
    const secret = 'TopSecretValue-123456789';
    const result = await settle(() =>
      handlers['faxplus:connect']({ ...demoConnect('x'), clientId: 'nope', clientSecret: secret }),
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'clientId', message: expect.stringContaining('APIK') },
    });
    const pat = await settle(() => handlers['faxplus:add-pat']({ label: 'p', pat: secret }));
    expect(pat).toMatchObject({ ok: false, error: { code: 'auth-error' } });
    expect(JSON.stringify([result, pat])).not.toContain(secret);
  });

  it('adds a PAT and returns its masked view', async () => {
    const handlers = createFaxplusHandlers({ faxplus: h.service });
    const token = h.sandbox.control.addPat().token;
    const view = await handlers['faxplus:add-pat']({ label: 'p', pat: token });
    expect(view).toMatchObject({ kind: 'faxplus-pat', preview: expect.stringContaining('…') });
    expect(JSON.stringify(view)).not.toContain(token);
  });
});
