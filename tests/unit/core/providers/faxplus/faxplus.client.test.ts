// The wire client against a scripted transport: request shapes from providers.md, lenient
// parsing, error mapping and redaction (security.md 29, 31, 34).
import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../../../../main/core/ports';
import { HttpClient, ProviderError } from '../../../../../main/core/providers/http';
import {
  FAXPLUS_DEFAULT_ENDPOINTS,
  FaxplusClient,
  faxplusEndpoints,
  faxplusHeaderPairs,
} from '../../../../../main/core/providers/faxplus/faxplus.client';

const ENDPOINTS = { accountsUrl: 'https://accounts.example/', apiUrl: 'https://api.example/v3' };
const SECRET = 'client-secret-abcdef123';
const RT = 'refresh-token-zyxw98765';
const CODE = 'auth-code-55555';

function scripted(answers: (HttpResponse | Error)[]) {
  const sent: HttpRequest[] = [];
  const transport: HttpTransport = {
    async send(req) {
      sent.push(req);
      const next = answers.shift() ?? { status: 599, headers: {}, body: '' };
      if (next instanceof Error) throw next;
      return next;
    },
  };
  const client = new FaxplusClient({
    http: new HttpClient({ transport }),
    endpoints: () => ENDPOINTS,
  });
  return { client, sent };
}

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('FaxplusClient requests', () => {
  it('builds the authorize URL with code, client id, redirect URI, scope all and state', () => {
    const { client } = scripted([]);
    const url = new URL(
      client.authorizeUrl({
        clientId: 'APIKx',
        redirectUri: 'dev.tokenvault:/oauth/faxplus',
        state: 's1',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://accounts.example/login');
    expect([...url.searchParams]).toEqual([
      ['response_type', 'code'],
      ['client_id', 'APIKx'],
      ['redirect_uri', 'dev.tokenvault:/oauth/faxplus'],
      ['scope', 'all'],
      ['state', 's1'],
    ]);
  });

  it('exchanges a code with Basic auth, form type, parameters in query and body, once', async () => {
    const { client, sent } = scripted([json(500, { error: 'server_error' })]);
    await expect(
      client.exchangeCode({
        clientId: 'APIKx',
        clientSecret: SECRET,
        code: CODE,
        redirectUri: 'r:/x',
      }),
    ).rejects.toBeInstanceOf(ProviderError);
    expect(sent).toHaveLength(1);
    const [req] = sent;
    const url = new URL(req?.url ?? '');
    expect(req?.method).toBe('POST');
    expect(url.origin + url.pathname).toBe('https://accounts.example/token');
    expect(req?.headers['Authorization']).toBe(
      `Basic ${Buffer.from(`APIKx:${SECRET}`).toString('base64')}`,
    );
    expect(req?.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    const expected = {
      grant_type: 'authorization_code',
      client_id: 'APIKx',
      code: CODE,
      redirect_uri: 'r:/x',
    };
    expect(Object.fromEntries(url.searchParams)).toEqual(expected);
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual(expected);
  });

  it('refreshes with grant_type and refresh_token in query and body, never retried', async () => {
    const { client, sent } = scripted([new ProviderError('timeout', 'timed out'), json(200, {})]);
    await expect(
      client.refresh({ clientId: 'APIKx', clientSecret: SECRET, refreshToken: RT }),
    ).rejects.toMatchObject({ code: 'timeout' });
    expect(sent).toHaveLength(1);
    const expected = { grant_type: 'refresh_token', refresh_token: RT };
    expect(Object.fromEntries(new URL(sent[0]?.url ?? '').searchParams)).toEqual(expected);
    expect(Object.fromEntries(new URLSearchParams(sent[0]?.body))).toEqual(expected);
  });

  it.each([
    [
      'OAuth',
      { kind: 'oauth', accessToken: 'at1', clientId: 'APIKx' } as const,
      { Authorization: 'Bearer at1', 'x-fax-clientid': 'APIKx' },
    ],
    ['PAT', { kind: 'pat', pat: 'alohi_pat_1' } as const, { Authorization: 'Bearer alohi_pat_1' }],
  ])('sends the %s headers to the API and nothing more', async (_name, auth, headers) => {
    const { client, sent } = scripted([json(200, { uid: 'u1' })]);
    await client.accountSelf(auth);
    expect(sent[0]?.url).toBe('https://api.example/v3/accounts/self');
    expect(sent[0]?.headers).toMatchObject(headers);
    expect('x-fax-clientid' in (sent[0]?.headers ?? {})).toBe(auth.kind === 'oauth');
    expect(faxplusHeaderPairs(auth)).toEqual(Object.entries(headers));
  });
});

describe('FaxplusClient lenient parsing', () => {
  it.each<
    [string, unknown, { accessToken: string; refreshToken?: string; expiresInSeconds: number }]
  >([
    [
      'full',
      { access_token: 'a', refresh_token: 'r', expires_in: 1800 },
      { accessToken: 'a', refreshToken: 'r', expiresInSeconds: 1800 },
    ],
    [
      'no expires_in',
      { access_token: 'a', refresh_token: 'r' },
      { accessToken: 'a', refreshToken: 'r', expiresInSeconds: 3600 },
    ],
    [
      'expires_in as text',
      { access_token: 'a', expires_in: '900' },
      { accessToken: 'a', expiresInSeconds: 900 },
    ],
    [
      'nonsense expires_in',
      { access_token: 'a', expires_in: -5 },
      { accessToken: 'a', expiresInSeconds: 3600 },
    ],
    [
      'no refresh token',
      { access_token: 'a', expires_in: 3600 },
      { accessToken: 'a', expiresInSeconds: 3600 },
    ],
    [
      'extra fields',
      { access_token: 'a', token_type: 'Bearer', scope: 'all', x: [1] },
      { accessToken: 'a', expiresInSeconds: 3600 },
    ],
  ])('token answer: %s', async (_name, body, expected) => {
    const { client } = scripted([json(200, body)]);
    await expect(
      client.refresh({ clientId: 'APIKx', clientSecret: SECRET, refreshToken: RT }),
    ).resolves.toEqual(expected);
  });

  it('reads a PAT description from /auth/token', async () => {
    const { client } = scripted([
      json(200, {
        token_type: 'pat',
        scopes: ['fax:all:read'],
        id: 12,
        name: 'ci',
        preview: 'alohi_pat_...abcd',
        created_date: 1700000000000,
        expiration_date: 1800000000000,
        last_used: null,
      }),
    ]);
    await expect(client.tokenInfo({ kind: 'pat', pat: 'p' })).resolves.toEqual({
      tokenType: 'pat',
      scopes: ['fax:all:read'],
      id: '12',
      name: 'ci',
      preview: 'alohi_pat_...abcd',
      createdAt: 1700000000000,
      expiresAt: 1800000000000,
      lastUsedAt: null,
    });
  });

  it('reads the account from /accounts/self', async () => {
    const { client } = scripted([
      json(200, {
        uid: 'u1',
        email: 'a@b.c',
        name: 'Ada',
        lastname: 'L',
        account_type: 'individual',
        status: 'active',
      }),
    ]);
    await expect(client.accountSelf({ kind: 'pat', pat: 'p' })).resolves.toEqual({
      id: 'u1',
      email: 'a@b.c',
      name: 'Ada L',
      accountType: 'individual',
    });
  });
});

describe('FaxplusClient errors (security.md 29)', () => {
  const html: HttpResponse = {
    status: 200,
    headers: { 'content-type': 'text/html' },
    body: '<html>login</html>',
  };
  it.each<[string, string, HttpResponse, RegExp]>([
    [
      'invalid_grant',
      'needs-reauth',
      json(400, { error: 'invalid_grant', error_description: 'expired' }),
      /invalid_grant: expired/,
    ],
    [
      '401 with description',
      'auth-error',
      json(401, { error: 'unauthorized', description: 'bad token' }),
      /HTTP 401\) \(unauthorized: bad token\)/,
    ],
    ['invalid_client', 'auth-error', json(400, { error: 'invalid_client' }), /invalid_client/],
    [
      '500',
      'provider-error',
      json(500, { error: 'server_error', description: 'boom' }),
      /server error .*HTTP 500.*boom/,
    ],
    ['HTML page with 200', 'provider-error', html, /unexpected answer \(HTML page, HTTP 200\)/],
    ['truncated JSON', 'provider-error', json(200, '{"access_tok'), /not JSON/],
    ['JSON array', 'provider-error', json(200, '[1,2]'), /not JSON/],
    [
      '200 with error',
      'provider-error',
      json(200, { error: 'temporarily_unavailable' }),
      /temporarily_unavailable/,
    ],
    [
      'no access token',
      'provider-error',
      json(200, { refresh_token: 'r' }),
      /without an access token/,
    ],
    [
      'wrong types',
      'provider-error',
      json(200, { access_token: { x: 1 } }),
      /without an access token/,
    ],
    [
      'huge body',
      'provider-error',
      json(400, { error: 'x'.repeat(100_000), description: 'y'.repeat(100_000) }),
      /^.{0,600}$/s,
    ],
  ])('%s -> %s', async (_name, code, res, message) => {
    const { client } = scripted([res]);
    const err = await client
      .refresh({ clientId: 'APIKx', clientSecret: SECRET, refreshToken: RT })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toMatch(message);
  });

  it('redacts secrets a provider echoes back in its error description', async () => {
    const { client } = scripted([
      json(400, {
        error: 'invalid_request',
        error_description: `bad refresh_token=${RT} for ${SECRET}`,
      }),
    ]);
    const err = (await client
      .refresh({ clientId: 'APIKx', clientSecret: SECRET, refreshToken: RT })
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('[redacted]');
    expect(err.message).not.toContain(RT);
    expect(err.message).not.toContain(SECRET);
  });

  it('redacts secrets from transport failures that quote the URL', async () => {
    const { client } = scripted([
      new Error(`connect ECONNREFUSED https://accounts.example/token?refresh_token=${RT}`),
    ]);
    const err = (await client
      .refresh({ clientId: 'APIKx', clientSecret: SECRET, refreshToken: RT })
      .catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.message).not.toContain(RT);
  });

  it('fuzzed bodies always end in a ProviderError, never a crash', async () => {
    const bodies = [
      '',
      'null',
      'true',
      '"x"',
      '{',
      '{"access_token":null}',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
      '\u0000\u0001',
      '{"expires_in":"soon","access_token":""}',
    ];
    for (const body of bodies) {
      for (const status of [200, 400, 503]) {
        const { client } = scripted([
          { status, headers: {}, body },
          { status, headers: {}, body },
        ]);
        await expect(
          client.exchangeCode({
            clientId: 'APIKx',
            clientSecret: SECRET,
            code: CODE,
            redirectUri: 'r:/x',
          }),
        ).rejects.toBeInstanceOf(ProviderError);
        await expect(client.tokenInfo({ kind: 'pat', pat: 'p' })).rejects.toBeInstanceOf(
          ProviderError,
        );
      }
    }
  });
});

describe('faxplusEndpoints', () => {
  it.each([
    [{}, FAXPLUS_DEFAULT_ENDPOINTS],
    [
      {
        TOKENVAULT_FAXPLUS_ACCOUNTS_URL: 'http://127.0.0.1:4000/',
        TOKENVAULT_FAXPLUS_API_URL: 'http://127.0.0.1:4001/v3',
      },
      { accountsUrl: 'http://127.0.0.1:4000', apiUrl: 'http://127.0.0.1:4001/v3' },
    ],
    [
      {
        TOKENVAULT_FAXPLUS_ACCOUNTS_URL: 'javascript:alert(1)',
        TOKENVAULT_FAXPLUS_API_URL: 'nope',
      },
      FAXPLUS_DEFAULT_ENDPOINTS,
    ],
  ])('env %j -> %j', (env, expected) => {
    expect(faxplusEndpoints(env)).toEqual(expected);
  });
});
