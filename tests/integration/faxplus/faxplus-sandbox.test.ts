// The sandbox itself must be strict, or the client tests prove nothing: each rule of
// providers.md that the client must follow is refused here when broken.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaxplusSandbox } from '../../sandbox/faxplus/faxplus.sandbox';
import { DEMO_CLIENT, startFaxplusSandbox } from '../../sandbox/faxplus/faxplus.sandbox';

let now = Date.UTC(2026, 10, 22);
let sb: FaxplusSandbox;
beforeEach(async () => {
  now = Date.UTC(2026, 10, 22);
  sb = await startFaxplusSandbox({ clock: () => now });
});
afterEach(async () => {
  await sb.close();
});

const REDIRECT = 'dev.tokenvault:/oauth/faxplus';
const basic = (id = DEMO_CLIENT.clientId, secret = DEMO_CLIENT.clientSecret) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function authorizeUrl(overrides: Record<string, string | null> = {}): string {
  const url = new URL(`${sb.accountsUrl}/login`);
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: DEMO_CLIENT.clientId,
    redirect_uri: REDIRECT,
    scope: 'all',
    state: 'st',
    ...overrides,
  };
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}

async function code(): Promise<string> {
  const location = await sb.control.authorize(authorizeUrl());
  return new URL(location).searchParams.get('code') ?? '';
}

async function token(
  params: Record<string, string>,
  init: { auth?: string; type?: string; query?: Record<string, string> } = {},
) {
  const query = new URLSearchParams(init.query ?? params).toString();
  const res = await fetch(`${sb.accountsUrl}/token?${query}`, {
    method: 'POST',
    headers: {
      'Content-Type': init.type ?? 'application/x-www-form-urlencoded',
      Authorization: init.auth ?? basic(),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const exchange = (c: string, extra: Record<string, string> = {}) => ({
  grant_type: 'authorization_code',
  client_id: DEMO_CLIENT.clientId,
  code: c,
  redirect_uri: REDIRECT,
  ...extra,
});

describe('Fax.Plus sandbox /login', () => {
  it('shows an accessible approval page with Approve and Deny and no external assets', async () => {
    const res = await fetch(authorizeUrl());
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<button type="submit"[^>]*>Approve<\/button>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Deny<\/button>/);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it.each([
    ['unknown client', { client_id: 'APIKnobody' }],
    ['unregistered redirect URI', { redirect_uri: 'https://evil.example/cb' }],
    ['wrong response type', { response_type: 'token' }],
    ['wrong scope', { scope: 'fax' }],
  ])('refuses %s without redirecting', async (_name, overrides) => {
    const res = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('redirects with code and state, or with error=access_denied', async () => {
    const ok = new URL(await sb.control.authorize(authorizeUrl()));
    expect(ok.protocol + ok.pathname).toBe(REDIRECT);
    expect(ok.searchParams.get('state')).toBe('st');
    expect(ok.searchParams.get('code')).toBeTruthy();
    const no = new URL(await sb.control.authorize(authorizeUrl(), 'deny'));
    expect(no.searchParams.get('error')).toBe('access_denied');
    expect(no.searchParams.get('code')).toBeNull();
  });

  it('accepts a loopback redirect URI on any port', async () => {
    const url = authorizeUrl({ redirect_uri: 'http://127.0.0.1:49152/oauth/faxplus' });
    expect(await sb.control.authorize(url)).toMatch(
      /^http:\/\/127\.0\.0\.1:49152\/oauth\/faxplus\?code=/,
    );
  });
});

describe('Fax.Plus sandbox /token', () => {
  it('issues tokens for a good exchange, once per code', async () => {
    const c = await code();
    const first = await token(exchange(c));
    expect(first).toMatchObject({
      status: 200,
      body: {
        access_token: expect.any(String),
        refresh_token: expect.any(String),
        expires_in: 3600,
      },
    });
    expect(await token(exchange(c))).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it.each<
    [
      string,
      (c: string) => Promise<{ status: number; body: Record<string, unknown> }>,
      number,
      string,
    ]
  >([
    ['no Basic auth', (c) => token(exchange(c), { auth: 'Bearer x' }), 401, 'invalid_client'],
    [
      'wrong secret',
      (c) => token(exchange(c), { auth: basic(DEMO_CLIENT.clientId, 'nope') }),
      401,
      'invalid_client',
    ],
    [
      'JSON content type',
      (c) => token(exchange(c), { type: 'application/json' }),
      400,
      'invalid_request',
    ],
    [
      'query and body disagree',
      (c) => token(exchange(c), { query: exchange(`${c}x`) }),
      400,
      'invalid_request',
    ],
    [
      'other redirect URI',
      (c) => token(exchange(c, { redirect_uri: 'http://127.0.0.1:1/oauth/faxplus' })),
      400,
      'invalid_grant',
    ],
    [
      'unknown grant type',
      (c) => token(exchange(c, { grant_type: 'password' })),
      400,
      'unsupported_grant_type',
    ],
    ['expired code', (c) => ((now += 601_000), token(exchange(c))), 400, 'invalid_grant'],
  ])('refuses %s', async (_name, send, status, error) => {
    const c = await code();
    expect(await send(c)).toMatchObject({ status, body: { error } });
  });

  it('binds a code to its client', async () => {
    sb.control.addClient({
      clientId: 'APIKother',
      clientSecret: 'other-secret',
      redirectUris: [REDIRECT],
    });
    const c = await code();
    const res = await token(exchange(c, { client_id: 'APIKother' }), {
      auth: basic('APIKother', 'other-secret'),
    });
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

describe('Fax.Plus sandbox API', () => {
  async function api(path: string, headers: Record<string, string>) {
    const res = await fetch(`${sb.apiUrl}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('wants Bearer + x-fax-clientid for OAuth tokens, and expires them after an hour', async () => {
    const { body } = await token(exchange(await code()));
    const bearer = `Bearer ${String(body.access_token)}`;
    expect(await api('/accounts/self', { Authorization: bearer })).toMatchObject({ status: 401 });
    expect(
      await api('/accounts/self', { Authorization: bearer, 'x-fax-clientid': 'APIKwrong' }),
    ).toMatchObject({ status: 401 });
    const ok = await api('/accounts/self', {
      Authorization: bearer,
      'x-fax-clientid': DEMO_CLIENT.clientId,
    });
    expect(ok).toMatchObject({
      status: 200,
      body: { email: 'ada@example.test', uid: expect.any(String) },
    });
    now += 3600_000;
    expect(
      await api('/auth/token', { Authorization: bearer, 'x-fax-clientid': DEMO_CLIENT.clientId }),
    ).toMatchObject({ status: 401 });
  });

  it('wants Bearer alone for PATs and describes them', async () => {
    const pat = sb.control.addPat({ name: 'ci', scopes: ['fax:all:read'], expiresAt: now + 1000 });
    const bearer = `Bearer ${pat.token}`;
    expect(
      await api('/auth/token', { Authorization: bearer, 'x-fax-clientid': DEMO_CLIENT.clientId }),
    ).toMatchObject({ status: 400 });
    expect(await api('/auth/token', { Authorization: bearer })).toEqual({
      status: 200,
      body: {
        token_type: 'pat',
        scopes: ['fax:all:read'],
        id: pat.id,
        name: 'ci',
        preview: expect.stringMatching(/^alohi_pat_\.\.\..{4}$/),
        created_date: now,
        expiration_date: now + 1000,
        last_used: now,
      },
    });
  });

  it('expires refresh tokens after 30 days on advanced-security accounts', async () => {
    const { body } = await token(exchange(await code()));
    const rt = String(body.refresh_token);
    now += 30 * 24 * 3600_000;
    expect(await token({ grant_type: 'refresh_token', refresh_token: rt })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });
});
