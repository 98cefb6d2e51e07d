// Access tokens handed out for headers: proactive refresh, single flight, one retry on 401,
// invalid_grant -> needs re-authorization with one alert and no loop (security.md 17).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT } from '../../sandbox/faxplus/faxplus.sandbox';
import type { Harness } from './faxplus.harness';
import { startHarness } from './faxplus.harness';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
let h: Harness;
let id: string;

beforeEach(async () => {
  h = await startHarness();
  id = (await h.connectDemo('billing')).id;
});
afterEach(async () => {
  await h.close();
});

const refreshes = () =>
  h.sandbox.control.requests('/token').filter((r) => r.query.grant_type === 'refresh_token');

describe('Fax.Plus access tokens', () => {
  it('hands out the stored token while it has more than a minute left', async () => {
    const stored = h.vault.readSecret(id, 'accessToken');
    h.clock.advance(HOUR - 61_000);
    expect(await h.service.getAccessToken(id)).toBe(stored);
    expect(refreshes()).toHaveLength(0);
  });

  it('refreshes when the token expires within 60 s, as providers.md says', async () => {
    const old = h.vault.readSecret(id, 'accessToken');
    h.clock.advance(HOUR - 59_000);
    const token = await h.service.getAccessToken(id);
    expect(token).not.toBe(old);
    const [req] = refreshes();
    expect(req?.query).toEqual({ grant_type: 'refresh_token', refresh_token: expect.any(String) });
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual(req?.query);
    expect(req?.headers.authorization).toMatch(/^Basic /);
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(h.vault.get(id)).toMatchObject({ accessExpiresAt: h.clock.now() + HOUR });
    expect(h.vault.audit(id).map((a) => a.action)).toContain('refreshed');
  });

  it('refreshes exactly once for five concurrent header requests', async () => {
    h.clock.advance(2 * HOUR);
    const headers = await Promise.all(Array.from({ length: 5 }, () => h.service.headerPairs(id)));
    expect(refreshes()).toHaveLength(1);
    const token = h.vault.readSecret(id, 'accessToken');
    for (const pairs of headers) {
      expect(pairs).toEqual([
        ['Authorization', `Bearer ${token}`],
        ['x-fax-clientid', DEMO_CLIENT.clientId],
      ]);
    }
  });

  it('refreshes once and retries once when the provider answers 401', async () => {
    h.sandbox.control.expireAccessTokens();
    const entry = await h.service.verify(id);
    expect(entry.lastError).toBeUndefined();
    expect(refreshes()).toHaveLength(1);
    expect(h.sandbox.control.requests('/v3/accounts/self')).toHaveLength(3);
  });

  it('does not loop when the provider keeps answering 401', async () => {
    h.sandbox.control.setFault('unauthorized', { target: 'api' });
    await expect(h.service.verify(id)).rejects.toMatchObject({ code: 'auth-error' });
    expect(refreshes()).toHaveLength(1);
    expect(h.vault.get(id).lastError).toContain('HTTP 401');
  });

  it('marks needs-reauth on invalid_grant, alerts once, and stops asking', async () => {
    h.sandbox.control.revokeRefreshTokens();
    h.clock.advance(2 * HOUR);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => h.service.getAccessToken(id)),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(refreshes()).toHaveLength(1);
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]?.entry).toMatchObject({ id, status: 'needs-reauth' });
    expect(h.vault.get(id)).toMatchObject({
      status: 'needs-reauth',
      lastError: expect.stringContaining('invalid_grant'),
    });
    await expect(h.service.getAccessToken(id)).rejects.toMatchObject({ code: 'needs-reauth' });
    await expect(h.service.verify(id)).rejects.toMatchObject({ code: 'needs-reauth' });
    expect(refreshes()).toHaveLength(1);
    expect(h.alerts).toHaveLength(1);
    expect(h.vault.audit(id).filter((a) => a.action === 'needs-reauth')).toHaveLength(1);
  });

  it('asks for re-authorization after 30 days on advanced-security accounts', async () => {
    h.clock.advance(30 * DAY);
    await expect(h.service.getAccessToken(id)).rejects.toMatchObject({
      code: 'needs-reauth',
      message: expect.stringContaining('30-day'),
    });
    expect(refreshes()).toHaveLength(0);
    expect(h.alerts).toHaveLength(1);
  });

  it('keeps refreshing for months when advanced security is off', async () => {
    h.sandbox.control.setAdvancedSecurity(false);
    const other = await h.connectDemo('forever', { advancedSecurity: false });
    for (let month = 0; month < 3; month++) {
      h.clock.advance(31 * DAY);
      await expect(h.service.getAccessToken(other.id)).resolves.toMatch(/^fp_at_/);
    }
  });
});
