// Connecting a generic OAuth 2.0 server (issue 21 part 1) against the strict sandbox: RFC 8414
// and OpenID discovery (issuer checked), explicit endpoints, PKCE S256, state fail-closed,
// RFC 9207 `iss`, the three client authentication methods, form-encoded answers, error
// answers in plain words, and nothing stored on any failure.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { OAuth2Entry } from '../../../preload/api';
import { DEMO_PUBLIC_CLIENT, type OAuth2SandboxOptions } from '../../sandbox/oauth2/oauth2.sandbox';
import { startOAuth2Harness, type OAuth2Harness } from './oauth2.harness';

const DAY = 24 * 3600e3;
let h: OAuth2Harness;

async function harness(options: OAuth2SandboxOptions = {}) {
  h = await startOAuth2Harness(options);
  return h;
}

afterEach(async () => {
  await h.close();
});

function withParam(url: string, key: string, value: string | undefined): string {
  const u = new URL(url.replace('dev.tokenvault:', 'http://x'));
  if (value === undefined) u.searchParams.delete(key);
  else u.searchParams.set(key, value);
  return url.slice(0, url.indexOf('?')) + u.search;
}

describe('connect by discovery', () => {
  it('RFC 8414 metadata, PKCE S256, state and iss: the tokens are stored, the verifier is not', async () => {
    await harness();
    const { pending, event, entry } = await h.connect('sandbox app');
    const authorize = new URL(pending.authorizeUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(h.sandbox.authorizeUrl);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'tv-sandbox-client',
      redirect_uri: 'dev.tokenvault:/oauth/oauth2',
      code_challenge_method: 'S256',
      scope: 'read',
    });
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(h.browser.opened).toEqual([pending.authorizeUrl]);
    expect(event?.outcome).toBe('connected');
    const now = h.clock.now();
    expect(entry).toMatchObject({
      kind: 'oauth2',
      provider: 'oauth2',
      label: 'sandbox app',
      status: 'active',
      issuer: h.sandbox.issuer,
      issParameter: true,
      clientAuth: 'basic',
      accessExpiresAt: now + 3600e3,
      refreshExpiresAt: now + 30 * DAY,
      hasRefreshToken: true,
      scopes: ['read'],
    });
    const [discovery] = h.sandbox.control.requests;
    expect(discovery?.path).toBe('/.well-known/oauth-authorization-server');
    const exchange = h.tokenRequests()[0];
    expect(exchange?.form['code_verifier']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(exchange?.headers.authorization).toMatch(/^Basic /);
    const file = readFileSync(h.path, 'utf8');
    expect(file).not.toContain(exchange?.form['code_verifier']);
    expect(file).not.toContain('tv-sandbox-client-secret');
    expect(h.vault.readSecret(entry?.id ?? '', 'refreshToken')).toMatch(/^rt_/);
  });

  it('OpenID discovery when there is no RFC 8414 document; an issuer path goes after it', async () => {
    await harness({ discovery: 'oidc', issuerPath: '/tenant' });
    const { entry } = await h.connect('oidc app');
    expect((entry as OAuth2Entry).issuer).toBe(`${h.sandbox.url}/tenant`);
    expect(h.sandbox.control.requests.slice(0, 2).map((r) => r.path)).toEqual([
      '/.well-known/oauth-authorization-server/tenant',
      '/tenant/.well-known/openid-configuration',
    ]);
  });

  it('metadata naming another issuer is refused before anything else is asked', async () => {
    await harness({ advertisedIssuer: 'https://evil.example' });
    await expect(h.service.connect(h.request('mixup'))).rejects.toThrow(/names another issuer/);
    expect(h.browser.opened).toEqual([]);
    expect(h.vault.list()).toEqual([]);
  });
});

describe('the callback is checked before the code is exchanged', () => {
  it.each([
    ['a wrong iss', (url: string) => withParam(url, 'iss', 'https://evil.example')],
    ['a missing iss', (url: string) => withParam(url, 'iss', undefined)],
  ])('%s: failed, no token request, nothing stored', async (_name, tamper) => {
    await harness();
    const pending = await h.service.connect(h.request('x'));
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    await h.service.handleRedirect(tamper(redirect));
    expect(h.events.at(-1)).toMatchObject({
      outcome: 'failed',
      error: { message: expect.stringMatching(/"iss"/) },
    });
    expect(h.tokenRequests()).toEqual([]);
    expect(h.vault.list()).toEqual([]);
  });

  it('an unknown or replayed state is only reported', async () => {
    await harness();
    const { redirect } = await h.connect('once');
    const before = h.tokenRequests().length;
    expect(await h.service.handleRedirect(redirect)).toEqual({
      handled: false,
      reason: 'callback with replayed state',
    });
    expect(
      await h.service.handleRedirect(withParam(redirect, 'state', 'x'.repeat(43))),
    ).toMatchObject({
      handled: false,
    });
    expect(h.tokenRequests().length).toBe(before);
    expect(h.vault.list()).toHaveLength(1);
  });

  it('the user says no: the reason in words, nothing stored', async () => {
    await harness();
    const pending = await h.service.connect(h.request('denied'));
    await h.service.handleRedirect(await h.sandbox.control.authorize(pending.authorizeUrl, 'deny'));
    expect(h.events.at(-1)).toMatchObject({
      outcome: 'failed',
      error: {
        code: 'auth-error',
        message: 'Access was denied on the sign-in page (access_denied: The user said no).',
      },
    });
    expect(h.vault.list()).toEqual([]);
  });
});

describe('client authentication and answer formats', () => {
  it('a public client (none): no secret sent, PKCE alone', async () => {
    await harness();
    const { entry } = await h.connect('public', {
      clientId: DEMO_PUBLIC_CLIENT.clientId,
      clientSecret: undefined,
    });
    expect(entry).toMatchObject({ clientAuth: 'none' });
    const exchange = h.tokenRequests()[0];
    expect(exchange?.headers.authorization).toBeUndefined();
    expect(exchange?.form['client_secret']).toBeUndefined();
  });

  it('client_secret_post: the secret in the body, never in a header', async () => {
    await harness({
      clients: [
        {
          clientId: 'post-client',
          clientSecret: 'post-client-secret',
          authMethod: 'client_secret_post',
          redirectUris: ['dev.tokenvault:/oauth/oauth2'],
        },
      ],
    });
    await h.connect('post', {
      clientId: 'post-client',
      clientSecret: 'post-client-secret',
      clientAuth: 'post',
    });
    const exchange = h.tokenRequests()[0];
    expect(exchange?.form['client_secret']).toBe('post-client-secret');
    expect(exchange?.headers.authorization).toBeUndefined();
    expect(h.vault.list()).toHaveLength(1);
  });

  it('a wrong client secret: the server’s words, nothing stored, the secret in no message', async () => {
    await harness();
    await h.connect('wrong', { clientSecret: 'not-the-secret-at-all' });
    const event = h.events.at(-1);
    expect(event).toMatchObject({
      outcome: 'failed',
      error: {
        code: 'auth-error',
        message: `${h.sandbox.tokenUrl} refused the code exchange (invalid_client: wrong client secret).`,
      },
    });
    expect(JSON.stringify(event)).not.toContain('not-the-secret-at-all');
    expect(h.vault.list()).toEqual([]);
  });

  it('explicit endpoints, form-encoded answers with errors as HTTP 200 (GitHub’s way)', async () => {
    await harness({ formEncoded: 'always' });
    const explicit = {
      issuer: undefined,
      authorizeUrl: h.sandbox.authorizeUrl,
      tokenUrl: h.sandbox.tokenUrl,
    };
    const { entry } = await h.connect('form', explicit);
    expect(h.sandbox.control.requests.some((r) => r.path.includes('well-known'))).toBe(false);
    expect(entry).toMatchObject({ issParameter: false, hasRefreshToken: true });
    expect((entry as OAuth2Entry).issuer).toBeUndefined();
    expect((entry as OAuth2Entry).accessExpiresAt).toBe(h.clock.now() + 3600e3);
    await h.connect('form bad', { ...explicit, clientSecret: 'nope-nope-nope' });
    expect(h.events.at(-1)?.error?.message).toMatch(/invalid_client: wrong client secret/);
  });

  it('asks for a secret the method needs, and refuses a taken label, before the browser opens', async () => {
    await harness();
    await expect(
      h.service.connect(h.request('s', { clientSecret: undefined, clientAuth: 'basic' })),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'clientSecret' });
    await h.connect('taken');
    await expect(h.service.connect(h.request('TAKEN'))).rejects.toMatchObject({
      code: 'duplicate-label',
    });
    expect(h.browser.opened).toHaveLength(1);
  });
});
