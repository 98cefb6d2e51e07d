// Keeping a generic OAuth 2.0 entry working (issue 21 part 2): proactive refresh before
// expires_in, single flight, rotation (the new refresh token replaces the old one; the old one
// is never sent again), the refresh deadline from refresh_token_expires_in or typed days,
// "Verify" refreshing once on a 401, invalid_grant -> needs re-authorization once (no loop),
// reconnect, and removal revoking the grant (RFC 7009) unless it is kept.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_MINUTES } from '../../../main/core/reminders/reminder.types';
import { listReminderItems } from '../../../main/core/reminders/reminder-items';
import { startOAuth2Harness, type OAuth2Harness } from './oauth2.harness';

const HOUR = 3600e3;
const DAY = 24 * HOUR;
let h: OAuth2Harness;

afterEach(async () => {
  await h.close();
});

async function connected(options: Parameters<typeof startOAuth2Harness>[0] = {}) {
  h = await startOAuth2Harness(options);
  const { entry } = await h.connect('app', { verifyUrl: h.sandbox.apiUrl });
  if (!entry) throw new Error(`not connected: ${JSON.stringify(h.events.at(-1))}`);
  return entry.id;
}

const refreshGrants = () =>
  h.tokenRequests().filter((r) => r.form['grant_type'] === 'refresh_token');

describe('refresh', () => {
  it('hands out the stored token while it is fresh, and refreshes a minute before it ends', async () => {
    const id = await connected();
    const first = await h.service.getAccessToken(id);
    h.clock.advance(HOUR - 2 * 60e3);
    expect(await h.service.getAccessToken(id)).toBe(first);
    expect(refreshGrants()).toHaveLength(0);
    h.clock.advance(90e3);
    const second = await h.service.getAccessToken(id);
    expect(second).not.toBe(first);
    expect(refreshGrants()).toHaveLength(1);
    expect(h.vault.get(id)).toMatchObject({
      accessExpiresAt: h.clock.now() + HOUR,
      refreshExpiresAt: h.clock.now() + 30 * DAY,
    });
    expect(h.vault.audit(id).map((a) => a.action)).toContain('refreshed');
  });

  it('five concurrent requests on an expired token cause exactly one refresh', async () => {
    const id = await connected();
    h.clock.advance(2 * HOUR);
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => h.service.getAccessToken(id)));
    expect(new Set(tokens).size).toBe(1);
    expect(refreshGrants()).toHaveLength(1);
  });

  it('rotation: each refresh sends the newest refresh token, so the family is never revoked', async () => {
    const id = await connected();
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) {
      const before = h.vault.readSecret(id, 'refreshToken');
      h.clock.advance(2 * HOUR);
      await h.service.getAccessToken(id);
      sent.push(refreshGrants().at(-1)?.form['refresh_token'] ?? '');
      expect(sent.at(-1)).toBe(before);
      expect(h.vault.readSecret(id, 'refreshToken')).not.toBe(before);
    }
    expect(new Set(sent).size).toBe(3);
    expect(h.sandbox.control.revokedFamilies()).toBe(0);
  });

  it('without refresh_token_expires_in, the typed days set the deadline', async () => {
    h = await startOAuth2Harness({ refreshTokenSeconds: null });
    const { entry } = await h.connect('google-ish', { refreshDays: 7 });
    expect(entry?.kind === 'oauth2' && entry.refreshExpiresAt).toBe(h.clock.now() + 7 * DAY);
  });
});

describe('when the grant ends', () => {
  it('invalid_grant marks it once, alerts once, and never asks the server again', async () => {
    const id = await connected();
    h.sandbox.control.revokeAll();
    h.clock.advance(2 * HOUR);
    await expect(h.service.getAccessToken(id)).rejects.toMatchObject({ code: 'needs-reauth' });
    expect(h.vault.get(id)).toMatchObject({
      status: 'needs-reauth',
      lastError: `${h.sandbox.tokenUrl} refused the refresh (invalid_grant: grant revoked). Reconnect it.`,
    });
    const asked = refreshGrants().length;
    await expect(h.service.getAccessToken(id)).rejects.toMatchObject({ code: 'needs-reauth' });
    await expect(h.service.getAccessToken(id)).rejects.toMatchObject({ code: 'needs-reauth' });
    expect(refreshGrants().length).toBe(asked);
    expect(h.alerts).toHaveLength(1);
    const [item] = listReminderItems(
      h.vault.list(),
      { reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] },
      h.clock.now(),
    );
    expect(item).toMatchObject({
      kind: 'needs-reauth',
      message: "Re-authorize OAuth 2.0 app 'app' now",
    });
  });

  it('one reconnect brings the same entry back', async () => {
    const id = await connected();
    h.sandbox.control.revokeAll();
    h.clock.advance(2 * HOUR);
    await expect(h.service.getAccessToken(id)).rejects.toThrow();
    const pending = await h.service.reauthorize(id);
    await h.service.handleRedirect(await h.sandbox.control.authorize(pending.authorizeUrl));
    expect(h.events.at(-1)?.outcome).toBe('connected');
    expect(h.vault.list()).toHaveLength(1);
    expect(h.vault.get(id).status).toBe('active');
    expect(h.vault.get(id).lastError).toBeUndefined();
    expect(await h.service.getAccessToken(id)).toMatch(/^at_/);
    expect(h.vault.audit(id).map((a) => a.action)).toContain('re-authorized');
  });

  it('the refresh deadline is a reminder; past it, the entry asks for a reconnect', async () => {
    const id = await connected();
    const settings = { reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] };
    h.clock.advance(27 * DAY);
    expect(listReminderItems(h.vault.list(), settings, h.clock.now())[0]).toMatchObject({
      kind: 'refresh-expiry',
      severity: 'warning',
      message: "Re-authorize OAuth 2.0 app 'app' within 3 days",
    });
    h.clock.advance(4 * DAY);
    await expect(h.service.getAccessToken(id)).rejects.toMatchObject({ code: 'needs-reauth' });
    expect(refreshGrants()).toHaveLength(0);
  });
});

describe('verify and remove', () => {
  it('Verify: a 401 refreshes once and tries again', async () => {
    const id = await connected();
    h.sandbox.control.expireAccessTokens();
    const entry = await h.service.verify(id);
    expect(entry).toMatchObject({ status: 'active', lastVerifiedAt: h.clock.now() });
    expect(refreshGrants()).toHaveLength(1);
    expect(h.sandbox.control.requests.filter((r) => r.path === '/api/me')).toHaveLength(2);
  });

  it('removing revokes the grant at the server; --keep-grant leaves it', async () => {
    const id = await connected();
    expect(await h.service.remove(id, { keepGrant: false })).toEqual({ revoked: true });
    expect(h.sandbox.control.revokedFamilies()).toBe(1);
    expect(h.vault.list()).toEqual([]);
    const { entry } = await h.connect('kept');
    expect(await h.service.remove(entry?.id ?? '', { keepGrant: true })).toEqual({
      revoked: false,
    });
    expect(h.sandbox.control.revokedFamilies()).toBe(1);
  });
});
