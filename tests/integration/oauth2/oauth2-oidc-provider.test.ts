// The same connect, refresh, concurrent refresh and removal against a real, certified
// authorization server on loopback (issue 21 part 5): node-oidc-provider, which serves OpenID
// discovery only, sends `iss`, rotates refresh tokens and revokes the grant when a rotated one
// is reused. Its own login and consent pages are filled in as a user would, over HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectEvent, OAuth2Entry } from '../../../preload/api';
import { createLoopbackListener } from '../../../main/core/oauth/loopback.listener';
import { PendingFlows } from '../../../main/core/oauth/pending-flows.store';
import { HttpClient } from '../../../main/core/providers/http';
import type { OAuth2FlowData } from '../../../main/core/providers/oauth2/oauth2-connect.flow';
import { OAuth2Service } from '../../../main/core/providers/oauth2/oauth2.service';
import { nodeRandom } from '../../../main/core/vault/crypto';
import { LoopbackOnlyTransport } from '../../fakes/loopback-only-transport';
import { RecordingBrowser } from '../../fakes/recording-browser';
import { PASSWORD, makeVault, tempDir } from '../../unit/core/vault/vault-helpers';

const CLIENT = { id: 'tv-oidc-client', secret: 'tv-oidc-client-secret-0123456789' };
const HOUR = 3600e3;

let server: Server;
let issuer: string;
const dir = tempDir();
const { vault, clock } = makeVault(dir, () => 0);
const transport = new LoopbackOnlyTransport();
const browser = new RecordingBrowser();
const events: ConnectEvent[] = [];
const service = new OAuth2Service({
  vault,
  http: new HttpClient({ transport }),
  flows: new PendingFlows<OAuth2FlowData>({ clock, scheduler: clock, random: nodeRandom() }),
  browser,
  clock,
  scheduler: clock,
  loopback: createLoopbackListener,
  loopbackPort: () => 43119,
  emit: (event, payload) => {
    if (event === 'event:connect') events.push(payload as ConnectEvent);
  },
});

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        application_type: 'native',
        redirect_uris: ['dev.tokenvault:/oauth/oauth2'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    features: { revocation: { enabled: true } },
    pkce: { required: () => true },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    cookies: { keys: ['oidc-provider test cookie key'] },
  });
  server.on('request', provider.callback());
  await vault.create(PASSWORD);
});

afterAll(async () => {
  service.stop();
  vault.lock();
  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  rmSync(dir, { recursive: true, force: true });
});

/** The user's browser on oidc-provider's own pages: log in, consent, follow to the app link. */
async function signIn(authorizeUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  };
  let res = await go(authorizeUrl);
  for (let step = 0; step < 12; step++) {
    const location = res.headers.get('location');
    if (!location)
      throw new Error(`stuck at HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
    if (location.startsWith('dev.tokenvault:')) return location;
    const next = new URL(location, issuer).toString();
    if (/\/interaction\/[^/]+$/.test(new URL(next).pathname)) {
      const page = await (await go(next)).text();
      const prompt = page.includes('name="login"') ? 'login' : 'consent';
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login: 'ada', password: 'any' } : { prompt: 'consent' };
      res = await go(next, {
        method: 'POST',
        body: new URLSearchParams(form).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    } else {
      res = await go(next);
    }
  }
  throw new Error('too many redirects');
}

const refreshRequests = () =>
  transport.requests.filter(
    (r) => r.method === 'POST' && r.body?.includes('grant_type=refresh_token'),
  );

let id = '';

describe('against node-oidc-provider', () => {
  it('connects by OpenID discovery, with PKCE and a checked iss', async () => {
    const pending = await service.connect({
      label: 'oidc',
      issuer,
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      scopes: ['openid', 'offline_access'],
      redirectMode: 'scheme',
      refreshDays: 14,
    });
    const redirect = await signIn(pending.authorizeUrl);
    expect(new URL(redirect.replace('dev.tokenvault:', 'http://x')).searchParams.get('iss')).toBe(
      issuer,
    );
    await service.handleRedirect(redirect);
    const event = events.at(-1);
    expect(event?.outcome, JSON.stringify(event?.error)).toBe('connected');
    const entry = event?.entry as OAuth2Entry;
    id = entry.id;
    expect(entry).toMatchObject({
      issuer,
      issParameter: true,
      hasRefreshToken: true,
      refreshExpiresAt: clock.now() + 14 * 24 * HOUR,
    });
    expect(entry.revocationUrl).toBe(`${issuer}/token/revocation`);
  });

  it('refreshes once for five concurrent requests, rotating the refresh token', async () => {
    const before = vault.readSecret(id, 'refreshToken');
    clock.advance(2 * HOUR);
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => service.getAccessToken(id)));
    expect(new Set(tokens).size).toBe(1);
    expect(refreshRequests()).toHaveLength(1);
    expect(vault.readSecret(id, 'refreshToken')).not.toBe(before);
    expect(vault.get(id).status).toBe('active');
  });

  it('a reused rotated refresh token makes the server revoke the grant: one reconnect asked', async () => {
    // Somebody replays the refresh token this vault has already rotated away.
    const old = refreshRequests()[0]?.body ?? '';
    const replay = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`,
      },
      body: old,
    });
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant');
    clock.advance(2 * HOUR);
    await expect(service.getAccessToken(id)).rejects.toMatchObject({ code: 'needs-reauth' });
    expect(vault.get(id).status).toBe('needs-reauth');
    const asked = refreshRequests().length;
    await expect(service.getAccessToken(id)).rejects.toMatchObject({ code: 'needs-reauth' });
    expect(refreshRequests()).toHaveLength(asked);
  });

  it('reconnects, then removal revokes the new grant at the server', async () => {
    const pending = await service.reauthorize(id);
    await service.handleRedirect(await signIn(pending.authorizeUrl));
    expect(events.at(-1)?.outcome).toBe('connected');
    expect(vault.get(id).status).toBe('active');
    const refreshToken = vault.readSecret(id, 'refreshToken') ?? '';
    expect(await service.remove(id, { keepGrant: false })).toEqual({ revoked: true });
    expect(vault.list()).toEqual([]);
    const after = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    });
    expect(((await after.json()) as { error: string }).error).toBe('invalid_grant');
  });
});
