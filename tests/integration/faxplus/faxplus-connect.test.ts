// The OAuth connect flow end to end against the sandbox: browser hand-off, state, callback,
// exchange, storage, verification and the ways a flow ends (security.md 11-13).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultError } from '../../../main/core/vault/vault.types';
import { DEMO_ACCOUNT, DEMO_CLIENT } from '../../sandbox/faxplus/faxplus.sandbox';
import type { Harness } from './faxplus.harness';
import { demoConnect, startHarness } from './faxplus.harness';

const DAY = 24 * 3600 * 1000;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const tokenRequests = () => h.sandbox.control.requests('/token');

describe('Fax.Plus connect (OAuth)', () => {
  it('opens the authorize URL in the system browser and nothing else', async () => {
    const pending = await h.service.connect(demoConnect('billing'));
    expect(h.opened).toEqual([pending.authorizeUrl]);
    const url = new URL(pending.authorizeUrl);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(`${h.sandbox.accountsUrl}/login`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: DEMO_CLIENT.clientId,
      redirect_uri: 'dev.tokenvault:/oauth/faxplus',
      scope: 'all',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(pending.redirectUri).toBe('dev.tokenvault:/oauth/faxplus');
    expect(pending.expiresAt).toBe(h.clock.now() + 10 * 60 * 1000);
  });

  it('stores a verified entry after Approve, with both secrets sealed', async () => {
    const entry = await h.connectDemo('billing');
    expect(entry).toMatchObject({
      kind: 'faxplus-oauth',
      label: 'billing',
      status: 'active',
      clientId: DEMO_CLIENT.clientId,
      account: { email: DEMO_ACCOUNT.email, name: 'Ada Lovelace', accountType: 'corporate_admin' },
      authorizedAt: h.clock.now(),
      accessExpiresAt: h.clock.now() + 3600 * 1000,
      refreshExpiresAt: h.clock.now() + 30 * DAY,
    });
    expect(h.vault.readSecret(entry.id, 'clientSecret')).toBe(DEMO_CLIENT.clientSecret);
    expect(h.vault.readSecret(entry.id, 'accessToken')).toMatch(/^fp_at_/);
    expect(h.vault.readSecret(entry.id, 'refreshToken')).toMatch(/^fp_rt_/);
    expect(h.vault.audit(entry.id).map((a) => a.action)).toEqual(
      expect.arrayContaining(['created', 'verified']),
    );
  });

  it('sends the exchange exactly as providers.md says', async () => {
    await h.connectDemo('billing');
    const [req] = tokenRequests();
    const basic = Buffer.from(`${DEMO_CLIENT.clientId}:${DEMO_CLIENT.clientSecret}`).toString(
      'base64',
    );
    expect(req?.headers.authorization).toBe(`Basic ${basic}`);
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const body = Object.fromEntries(new URLSearchParams(req?.body));
    expect(body).toEqual(req?.query);
    expect(body).toMatchObject({
      grant_type: 'authorization_code',
      client_id: DEMO_CLIENT.clientId,
      redirect_uri: 'dev.tokenvault:/oauth/faxplus',
    });
  });

  it('stores no refresh-token deadline when advanced security is off', async () => {
    const entry = await h.connectDemo('plain', { advancedSecurity: false });
    expect(entry).toMatchObject({ refreshExpiresAt: null, advancedSecurity: false });
  });

  it('reports Deny as a failure and stores nothing', async () => {
    const pending = await h.service.connect(demoConnect('billing'));
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl, 'deny');
    await h.service.handleRedirect(redirect);
    expect(h.events.at(-1)).toMatchObject({
      flowId: pending.flowId,
      outcome: 'failed',
      error: { code: 'auth-error', message: expect.stringContaining('access_denied') },
    });
    expect(tokenRequests()).toHaveLength(0);
    expect(h.vault.list()).toHaveLength(0);
  });

  it('ignores the same callback delivered twice (one exchange, one entry)', async () => {
    const pending = await h.service.connect(demoConnect('billing'));
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    expect(await h.service.handleRedirect(redirect)).toMatchObject({ handled: true });
    expect(await h.service.handleRedirect(redirect)).toEqual({
      handled: false,
      reason: 'callback with replayed state',
    });
    expect(tokenRequests()).toHaveLength(1);
    expect(h.vault.list()).toHaveLength(1);
    expect(h.events).toHaveLength(1);
  });

  it.each([
    ['a wrong state', (u: URL) => u.searchParams.set('state', 'A'.repeat(43)), 'unknown'],
    ['no state', (u: URL) => u.searchParams.delete('state'), 'missing'],
  ])('makes no token request for %s, and the flow keeps waiting', async (_name, edit, reason) => {
    const pending = await h.service.connect(demoConnect('billing'));
    const redirect = new URL(await h.sandbox.control.authorize(pending.authorizeUrl));
    edit(redirect);
    const report = await h.service.handleRedirect(redirect.toString());
    expect(report).toEqual({ handled: false, reason: `callback with ${reason} state` });
    expect(tokenRequests()).toHaveLength(0);
    expect(h.flows.get(pending.flowId)).toBeDefined();
    expect(h.logs.at(-1)).toContain('ignored');
  });

  it('accepts a provider that drops state only when the entry allows it', async () => {
    h.sandbox.control.setFault('drop-state', { target: 'login' });
    const strict = await h.service.connect(demoConnect('strict'));
    const r1 = await h.sandbox.control.authorize(strict.authorizeUrl);
    expect(new URL(r1).searchParams.has('state')).toBe(false);
    expect(await h.service.handleRedirect(r1)).toMatchObject({ handled: false });
    h.service.cancel(strict.flowId);

    const lenient = await h.connectDemo('lenient', { allowMissingState: true });
    expect(lenient).toMatchObject({ label: 'lenient', allowMissingState: true });
  });

  it('expires a flow after 10 minutes; a late callback is ignored', async () => {
    const pending = await h.service.connect(demoConnect('billing'));
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    h.clock.advance(10 * 60 * 1000);
    expect(h.events).toEqual([{ flowId: pending.flowId, outcome: 'expired' }]);
    expect(await h.service.handleRedirect(redirect)).toMatchObject({ handled: false });
    expect(tokenRequests()).toHaveLength(0);
  });

  it('treats a callback after a clock jump past the deadline as expired', async () => {
    const pending = await h.service.connect(demoConnect('billing'));
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    h.clock.jump(11 * 60 * 1000);
    expect(await h.service.handleRedirect(redirect)).toEqual({
      handled: false,
      reason: 'callback with expired state',
    });
    expect(tokenRequests()).toHaveLength(0);
  });

  it('cancels a flow; its callback is then ignored', async () => {
    const pending = await h.service.connect(demoConnect('billing'));
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    h.service.cancel(pending.flowId);
    expect(h.events).toEqual([{ flowId: pending.flowId, outcome: 'cancelled' }]);
    expect(await h.service.handleRedirect(redirect)).toMatchObject({ handled: false });
    expect(h.vault.list()).toHaveLength(0);
  });

  it('fails the flow when the code has outlived its lifetime at the provider', async () => {
    await h.close();
    h = await startHarness({ sandbox: { codeSeconds: 60 } });
    const pending = await h.service.connect(demoConnect('billing'));
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    h.clock.advance(61_000);
    await h.service.handleRedirect(redirect);
    expect(h.events.at(-1)).toMatchObject({
      outcome: 'failed',
      error: { message: expect.stringContaining('invalid_grant') },
    });
    expect(h.vault.list()).toHaveLength(0);
  });

  it.each([
    [{ label: '  ' }, 'invalid-input', 'label'],
    [{ clientId: 'abc123' }, 'invalid-input', 'clientId'],
    [{ clientSecret: '' }, 'invalid-input', 'clientSecret'],
  ])('refuses bad input %j before opening the browser', async (patch, code, field) => {
    const err = await h.service.connect({ ...demoConnect('x'), ...patch }).catch((e) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect(err).toMatchObject({ code, field });
    expect(h.opened).toHaveLength(0);
  });

  it('refuses a label already used by a Fax.Plus entry or a pending flow', async () => {
    await h.connectDemo('billing');
    await expect(h.service.connect(demoConnect('Billing'))).rejects.toMatchObject({
      code: 'duplicate-label',
    });
    await h.service.connect(demoConnect('ops'));
    await expect(h.service.connect(demoConnect('ops'))).rejects.toMatchObject({
      code: 'duplicate-label',
    });
  });

  it('re-authorizes the same entry with the stored client id and secret', async () => {
    const entry = await h.connectDemo('billing');
    h.sandbox.control.revokeRefreshTokens();
    h.clock.advance(3600 * 1000);
    await expect(h.service.getAccessToken(entry.id)).rejects.toMatchObject({
      code: 'needs-reauth',
    });
    expect(h.vault.get(entry.id).status).toBe('needs-reauth');

    const pending = await h.service.reauthorize(entry.id);
    expect(new URL(pending.authorizeUrl).searchParams.get('client_id')).toBe(DEMO_CLIENT.clientId);
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    await h.service.handleRedirect(redirect);
    expect(h.events.at(-1)).toMatchObject({ outcome: 'connected', entry: { id: entry.id } });
    expect(h.vault.list()).toHaveLength(1);
    expect(h.vault.get(entry.id)).toMatchObject({ status: 'active', authorizedAt: h.clock.now() });
    expect(h.vault.audit(entry.id).map((a) => a.action)).toContain('re-authorized');
    await expect(h.service.getAccessToken(entry.id)).resolves.toMatch(/^fp_at_/);
  });
});
