// Every sandbox fault, seen through the service: what the user is told, what is stored.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaxplusFault } from '../../sandbox/faxplus/faxplus.sandbox';
import type { Harness } from './faxplus.harness';
import { demoConnect, startHarness } from './faxplus.harness';

const HOUR = 3600 * 1000;
let h: Harness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function failConnect(fault: FaxplusFault, timeoutMs?: number) {
  h = await startHarness(timeoutMs ? { timeoutMs } : {});
  const pending = await h.service.connect(demoConnect('billing'));
  const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
  h.sandbox.control.setFault(fault, { target: 'token' });
  await h.service.handleRedirect(redirect);
  return h.events.at(-1);
}

describe('Fax.Plus faults during the code exchange', () => {
  it.each<[FaxplusFault, string, RegExp]>([
    ['server-error', 'provider-error', /server error .*HTTP 500.*server_error/],
    ['unauthorized', 'auth-error', /refused the credentials .*HTTP 401.*unauthorized/],
    ['invalid-grant', 'needs-reauth', /invalid_grant: Refresh token is invalid/],
    ['html', 'provider-error', /unexpected answer \(HTML page, HTTP 502\)/],
  ])('%s -> failed flow with %s, nothing stored', async (fault, code, message) => {
    const event = await failConnect(fault);
    expect(event).toMatchObject({ outcome: 'failed', error: { code } });
    expect(event?.error?.message).toMatch(message);
    expect(h?.vault.list()).toHaveLength(0);
    // A code exchange is a POST: never retried.
    expect(h?.sandbox.control.requests('/token')).toHaveLength(1);
  });

  it('slow answer past the client timeout -> timeout error, no retry', async () => {
    const event = await failConnect('slow', 300);
    expect(event).toMatchObject({
      outcome: 'failed',
      error: { code: 'timeout', message: expect.stringMatching(/did not answer/) },
    });
    expect(event?.error?.message).not.toContain('?');
    expect(h?.sandbox.control.requests('/token')).toHaveLength(1);
  });
});

describe('Fax.Plus lenient token answers', () => {
  it('assumes one hour when expires_in is missing', async () => {
    h = await startHarness({ sandbox: { accessTokenSeconds: 600 } });
    h.sandbox.control.setFault('no-expires-in', { target: 'token', times: 1 });
    const entry = await h.connectDemo('billing');
    expect(entry).toMatchObject({ accessExpiresAt: h.clock.now() + HOUR });
  });

  it('honours a configured access-token lifetime', async () => {
    h = await startHarness({ sandbox: { accessTokenSeconds: 900 } });
    const entry = await h.connectDemo('billing');
    expect(entry).toMatchObject({ accessExpiresAt: h.clock.now() + 900_000 });
  });

  it('keeps the old refresh token when a refresh brings none', async () => {
    h = await startHarness();
    const { id } = await h.connectDemo('billing');
    const refresh = h.vault.readSecret(id, 'refreshToken');
    h.sandbox.control.setRefreshRotation('none');
    for (let i = 0; i < 2; i++) {
      h.clock.advance(2 * HOUR);
      await h.service.getAccessToken(id);
      expect(h.vault.readSecret(id, 'refreshToken')).toBe(refresh);
    }
  });

  it('stores the new refresh token when a refresh rotates it', async () => {
    h = await startHarness();
    const { id } = await h.connectDemo('billing');
    const refresh = h.vault.readSecret(id, 'refreshToken');
    h.sandbox.control.setRefreshRotation('new');
    for (let i = 0; i < 2; i++) {
      h.clock.advance(2 * HOUR);
      await h.service.getAccessToken(id);
    }
    expect(h.vault.readSecret(id, 'refreshToken')).not.toBe(refresh);
    expect(h.vault.get(id).status).toBe('active');
  });
});

describe('Fax.Plus faults during refresh and verification', () => {
  it.each<[FaxplusFault, string]>([
    ['server-error', 'provider-error'],
    ['html', 'provider-error'],
    ['unauthorized', 'auth-error'],
  ])('refresh hit by %s -> %s, entry stays usable later', async (fault, code) => {
    h = await startHarness();
    const { id } = await h.connectDemo('billing');
    h.clock.advance(2 * HOUR);
    h.sandbox.control.setFault(fault, { target: 'token', times: 1 });
    await expect(h.service.getAccessToken(id)).rejects.toMatchObject({ code });
    expect(h.vault.get(id)).toMatchObject({ status: 'active', lastError: expect.any(String) });
    await expect(h.service.getAccessToken(id)).resolves.toMatch(/^fp_at_/);
    expect(h.vault.get(id).lastError).toBeUndefined();
  });

  it('a single 500 on a GET is retried once and the check passes', async () => {
    h = await startHarness();
    const { id } = await h.connectDemo('billing');
    h.sandbox.control.setFault('server-error', { target: 'api', times: 1 });
    await expect(h.service.verify(id)).resolves.toMatchObject({ lastVerifiedAt: h.clock.now() });
  });

  it('a lasting 500 fails the check with a clear message', async () => {
    h = await startHarness();
    const { id } = await h.connectDemo('billing');
    h.sandbox.control.setFault('server-error', { target: 'api' });
    await expect(h.service.verify(id)).rejects.toThrow(/server error during account check/);
    expect(h.vault.get(id).lastError).toMatch(/HTTP 500/);
  });

  it('an HTML page from the API is an unexpected answer, not a crash', async () => {
    h = await startHarness();
    const { id } = await h.connectDemo('billing');
    h.sandbox.control.setFault('html', { target: 'api' });
    await expect(h.service.verify(id)).rejects.toMatchObject({
      code: 'provider-error',
      message: expect.stringContaining('unexpected answer (HTML page'),
    });
  });

  it('a slow API answer times out with a clear message', async () => {
    h = await startHarness({ timeoutMs: 300 });
    const { id } = await h.connectDemo('billing');
    h.sandbox.control.setFault('slow', { target: 'api' });
    await expect(h.service.verify(id)).rejects.toMatchObject({ code: 'timeout' });
  });

  it('a verification failure right after connect keeps the entry with its error shown', async () => {
    h = await startHarness();
    h.sandbox.control.setFault('server-error', { target: 'api' });
    const entry = await h.connectDemo('billing');
    expect(entry.status).toBe('active');
    expect(entry.lastError).toMatch(/server error during account check/);
    expect(entry.account).toBeUndefined();
  });
});
