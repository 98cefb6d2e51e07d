// Personal access tokens: paste, verify through /v3/auth/token, fill expiry and scopes,
// keep only a masked preview visible (issue 3 item 5).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './faxplus.harness';
import { startHarness } from './faxplus.harness';

const DAY = 24 * 3600 * 1000;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('Fax.Plus personal access tokens', () => {
  it('fills expiry and scopes from the provider and shows only a masked preview', async () => {
    const expiresAt = h.clock.now() + 60 * DAY;
    const pat = h.sandbox.control.addPat({ scopes: ['fax:all:read', 'fax:fax:edit'], expiresAt });
    const entry = await h.service.addPat({ label: 'ops pat', pat: pat.token });
    expect(entry).toMatchObject({
      kind: 'faxplus-pat',
      label: 'ops pat',
      status: 'active',
      expiresAt,
      scopes: ['fax:all:read', 'fax:fax:edit'],
      patId: pat.id,
      preview: `alohi_pat_…${pat.token.slice(-4)}`,
      account: { email: 'ada@example.test' },
    });
    expect(JSON.stringify(entry)).not.toContain(pat.token);
    expect(h.vault.readSecret(entry.id, 'pat')).toBe(pat.token);
    expect(await h.service.headerPairs(entry.id)).toEqual([
      ['Authorization', `Bearer ${pat.token}`],
    ]);
  });

  it('sends the PAT as Bearer alone, without x-fax-clientid', async () => {
    const pat = h.sandbox.control.addPat();
    await h.service.addPat({ label: 'p', pat: pat.token });
    for (const req of h.sandbox.control.requests().filter((r) => r.path.startsWith('/v3/'))) {
      expect(req.headers.authorization).toBe(`Bearer ${pat.token}`);
      expect(req.headers['x-fax-clientid']).toBeUndefined();
    }
  });

  it('refuses an expiry already past, beside the date field, before asking Fax.Plus', async () => {
    const pat = h.sandbox.control.addPat();
    const before = h.sandbox.control.requests().length;
    await expect(
      h.service.addPat({ label: 'late', pat: pat.token, expiresAt: h.clock.now() - DAY }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'expiry',
      message: 'That expiry date has already passed.',
    });
    expect(h.sandbox.control.requests().length).toBe(before);
    expect(h.vault.list()).toEqual([]);
  });

  it('keeps the expiry and scopes the user typed', async () => {
    const pat = h.sandbox.control.addPat({ scopes: ['fax:all:read'] });
    const typed = h.clock.now() + 5 * DAY;
    const entry = await h.service.addPat({
      label: 'typed',
      pat: pat.token,
      expiresAt: typed,
      scopes: ['fax:fax:read'],
    });
    expect(entry).toMatchObject({ expiresAt: typed, scopes: ['fax:fax:read'] });
  });

  it('records no expiry for a PAT that never expires', async () => {
    const pat = h.sandbox.control.addPat({ expiresAt: null });
    expect(await h.service.addPat({ label: 'forever', pat: pat.token })).toMatchObject({
      expiresAt: null,
    });
  });

  it('stores a PAT without account read scope, without account details', async () => {
    const pat = h.sandbox.control.addPat({ scopes: ['fax:fax:read'] });
    const entry = await h.service.addPat({ label: 'narrow', pat: pat.token });
    expect(entry.account).toBeUndefined();
    expect(entry.status).toBe('active');
  });

  it.each([
    ['an unknown token', 'alohi_pat_thisIsNotARealTokenAtAll0000'],
    ['an expired token', 'expired'],
  ])('refuses %s with a clear error and stores nothing', async (_name, value) => {
    const token =
      value === 'expired'
        ? h.sandbox.control.addPat({ expiresAt: h.clock.now() - 1 }).token
        : value;
    const err = await h.service.addPat({ label: 'bad', pat: token }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'auth-error',
      message: expect.stringMatching(/refused the credentials during token check \(HTTP 401\)/),
    });
    expect((err as Error).message).not.toContain(token);
    expect(h.vault.list()).toHaveLength(0);
  });

  it('refuses an OAuth access token pasted as a PAT', async () => {
    const oauth = await h.connectDemo('billing');
    const access = h.vault.readSecret(oauth.id, 'accessToken') ?? '';
    // Without the client-id header the sandbox refuses it, like Fax.Plus would.
    await expect(h.service.addPat({ label: 'wrong', pat: access })).rejects.toMatchObject({
      code: 'auth-error',
    });
  });

  it('verify refreshes the account and flags a PAT that stopped working', async () => {
    const pat = h.sandbox.control.addPat({ expiresAt: h.clock.now() + DAY });
    const entry = await h.service.addPat({ label: 'short', pat: pat.token });
    h.clock.advance(2 * DAY);
    await expect(h.service.verify(entry.id)).rejects.toMatchObject({ code: 'auth-error' });
    expect(h.vault.get(entry.id)).toMatchObject({ status: 'error', lastError: /HTTP 401/ });
  });

  it('refuses a duplicate label and an empty token', async () => {
    const pat = h.sandbox.control.addPat();
    await h.service.addPat({ label: 'p', pat: pat.token });
    await expect(h.service.addPat({ label: 'P', pat: pat.token })).rejects.toMatchObject({
      code: 'duplicate-label',
    });
    await expect(h.service.addPat({ label: 'q', pat: '   ' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'pat',
    });
  });
});
