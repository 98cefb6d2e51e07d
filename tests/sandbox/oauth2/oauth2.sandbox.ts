// A strict generic OAuth 2.0 authorization server on 127.0.0.1 (issue 21), for integration
// tests, e2e and `npm run sandbox`. What it insists on is what a careful server may:
//   - RFC 8414 metadata at /.well-known/oauth-authorization-server (or, in 'oidc' mode, only
//     /.well-known/openid-configuration), with `iss` on every authorization response (RFC 9207)
//   - PKCE S256 required (RFC 7636); codes single use, 60 s, bound to client and redirect URI;
//     a code used twice revokes what it issued
//   - the redirect URI matched exactly (a loopback URI on any port, RFC 8252 7.3)
//   - the client authenticated exactly as registered (Basic, POST body, or not at all)
//   - rotating refresh tokens with reuse detection: a used one, presented again, revokes the
//     whole family; `refresh_token_expires_in` on every answer
//   - JSON answers, or form-encoded ones (GitHub's default) unless `Accept: application/json`
//   - RFC 7009 revocation; GET /api/me answers 200 only to a live access token.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SandboxAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

export interface OAuth2SandboxClient {
  clientId: string;
  clientSecret?: string;
  authMethod: SandboxAuthMethod;
  redirectUris: string[];
}

export const DEMO_OAUTH2_CLIENT: OAuth2SandboxClient = {
  clientId: 'tv-sandbox-client',
  clientSecret: 'tv-sandbox-client-secret',
  authMethod: 'client_secret_basic',
  redirectUris: ['dev.tokenvault:/oauth/oauth2', 'http://127.0.0.1/oauth/oauth2'],
};

export const DEMO_PUBLIC_CLIENT: OAuth2SandboxClient = {
  clientId: 'tv-sandbox-public',
  authMethod: 'none',
  redirectUris: ['dev.tokenvault:/oauth/oauth2', 'http://127.0.0.1/oauth/oauth2'],
};

export interface OAuth2SandboxOptions {
  clock?: () => number;
  clients?: OAuth2SandboxClient[];
  /** Default 3600. */
  accessTokenSeconds?: number;
  /** Default 30 days; null = refresh tokens do not expire (no refresh_token_expires_in). */
  refreshTokenSeconds?: number | null;
  /** 'oauth2' serves RFC 8414 metadata; 'oidc' only OpenID discovery. Default 'oauth2'. */
  discovery?: 'oauth2' | 'oidc';
  /**
   * Answer the token endpoint form-encoded (errors with HTTP 200): unless the client asks for
   * JSON (true, GitHub's way), or always ('always').
   */
  formEncoded?: boolean | 'always';
  /** The issuer the metadata claims, when it should differ from the real one (a mix-up). */
  advertisedIssuer?: string;
  /** A path after the host in the issuer (`http://127.0.0.1:p/tenant`). Default ''. */
  issuerPath?: string;
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Form fields of a POST. */
  form: Record<string, string>;
  query: Record<string, string>;
}

interface Grant {
  family: string;
  clientId: string;
  scope: string;
  revoked: boolean;
}

interface Code {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  expiresAt: number;
  used: boolean;
  family?: string;
}

interface RefreshToken {
  family: string;
  expiresAt: number | null;
  used: boolean;
}

export interface OAuth2SandboxControl {
  requests: SeenRequest[];
  /** Plays the browser: GET the authorize URL, return the redirect it answers with. */
  authorize(authorizeUrl: string, decision?: 'approve' | 'deny'): Promise<string>;
  /** Every access token stops working now (the next call gets a 401). */
  expireAccessTokens(): void;
  /** Every grant is revoked: refreshes answer invalid_grant. */
  revokeAll(): void;
  /** How many refresh_token grants were answered with new tokens. */
  refreshCount(): number;
  /** Grants revoked through /revoke or by reuse detection. */
  revokedFamilies(): number;
  setRefreshTokenSeconds(seconds: number | null): void;
}

export interface OAuth2Sandbox {
  /** The issuer identifier (what discovery must echo). */
  issuer: string;
  /** The origin, e.g. http://127.0.0.1:41234 */
  url: string;
  authorizeUrl: string;
  tokenUrl: string;
  revocationUrl: string;
  apiUrl: string;
  control: OAuth2SandboxControl;
  close(): Promise<void>;
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');
const token = (prefix: string) => `${prefix}_${b64url(randomBytes(24))}`;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startOAuth2Sandbox(
  options: OAuth2SandboxOptions = {},
): Promise<OAuth2Sandbox> {
  const now = options.clock ?? (() => Date.now());
  const clients = options.clients ?? [DEMO_OAUTH2_CLIENT, DEMO_PUBLIC_CLIENT];
  const accessSeconds = options.accessTokenSeconds ?? 3600;
  let refreshSeconds =
    options.refreshTokenSeconds === undefined ? 30 * 24 * 3600 : options.refreshTokenSeconds;
  const issuerPath = options.issuerPath ?? '';
  const requests: SeenRequest[] = [];
  const codes = new Map<string, Code>();
  const grants = new Map<string, Grant>();
  const refreshTokens = new Map<string, RefreshToken>();
  const accessTokens = new Map<string, { family: string; expiresAt: number }>();
  let refreshes = 0;
  let origin = '';
  const issuer = () => `${origin}${issuerPath}`;

  const metadata = () => ({
    issuer: options.advertisedIssuer ?? issuer(),
    authorization_endpoint: `${origin}${issuerPath}/authorize`,
    token_endpoint: `${origin}${issuerPath}/token`,
    revocation_endpoint: `${origin}${issuerPath}/revoke`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    revocation_endpoint_auth_methods_supported: [
      'client_secret_basic',
      'client_secret_post',
      'none',
    ],
    authorization_response_iss_parameter_supported: true,
    scopes_supported: ['read', 'write', 'offline_access'],
  });

  const redirectAllowed = (client: OAuth2SandboxClient, uri: string): boolean =>
    client.redirectUris.some((allowed) => {
      if (allowed === uri) return true;
      const loop = /^http:\/\/127\.0\.0\.1(?::\d{1,5})?(\/.*)$/.exec(uri);
      return loop !== null && allowed === `http://127.0.0.1${loop[1]}`;
    });

  /** The client the request authenticates as, or a reason it does not. */
  const authenticate = (
    req: IncomingMessage,
    form: Record<string, string>,
  ): OAuth2SandboxClient | string => {
    const header = req.headers.authorization;
    let id = form['client_id'];
    let secret: string | undefined;
    let used: SandboxAuthMethod = 'none';
    if (header) {
      const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
      if (!m?.[1]) return 'malformed Authorization header';
      const [rawId, ...rest] = Buffer.from(m[1], 'base64').toString('utf8').split(':');
      id = decodeURIComponent(rawId ?? '');
      secret = decodeURIComponent(rest.join(':'));
      used = 'client_secret_basic';
      if (form['client_secret'] !== undefined) return 'two client authentication methods';
    } else if (form['client_secret'] !== undefined) {
      secret = form['client_secret'];
      used = 'client_secret_post';
    }
    const client = clients.find((c) => c.clientId === id);
    if (!client) return 'unknown client';
    if (client.authMethod !== used) return `this client authenticates with ${client.authMethod}`;
    if (used !== 'none' && secret !== client.clientSecret) return 'wrong client secret';
    return client;
  };

  const issue = (family: string, scope: string) => {
    const access = token('at');
    accessTokens.set(access, { family, expiresAt: now() + accessSeconds * 1000 });
    const refresh = token('rt');
    const refreshExpiresAt = refreshSeconds === null ? null : now() + refreshSeconds * 1000;
    refreshTokens.set(refresh, { family, expiresAt: refreshExpiresAt, used: false });
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: accessSeconds,
      refresh_token: refresh,
      ...(refreshSeconds === null ? {} : { refresh_token_expires_in: refreshSeconds }),
      scope,
    };
  };

  const revokeFamily = (family: string) => {
    const grant = grants.get(family);
    if (grant) grant.revoked = true;
  };

  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: Record<string, string | number>,
  ) => {
    const wantsJson = String(req.headers.accept ?? '').includes('application/json');
    res.setHeader('cache-control', 'no-store');
    if (options.formEncoded === 'always' || (options.formEncoded && !wantsJson)) {
      const text = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)]));
      // GitHub answers errors with HTTP 200 too.
      res.writeHead(200, {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      });
      res.end(text.toString());
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const oauthError = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    error: string,
    description: string,
  ) => answer(req, res, status, { error, error_description: description });

  const handleAuthorize = (url: URL, res: ServerResponse) => {
    const q = Object.fromEntries(url.searchParams);
    const client = clients.find((c) => c.clientId === q['client_id']);
    const redirectUri = q['redirect_uri'] ?? '';
    // Without a trustworthy redirect URI the error is shown here, never redirected.
    if (!client || !redirectAllowed(client, redirectUri)) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown client or redirect_uri');
      return;
    }
    const back = (params: Record<string, string>) => {
      const target = new URL(redirectUri);
      for (const [k, v] of Object.entries({ ...params, state: q['state'] ?? '', iss: issuer() })) {
        if (v) target.searchParams.set(k, v);
      }
      res.writeHead(302, { location: target.toString() }).end();
    };
    if (q['response_type'] !== 'code') return back({ error: 'unsupported_response_type' });
    if (
      q['code_challenge_method'] !== 'S256' ||
      !/^[A-Za-z0-9_-]{43}$/.test(q['code_challenge'] ?? '')
    ) {
      return back({ error: 'invalid_request', error_description: 'PKCE S256 is required' });
    }
    if (q['decision'] === 'deny') {
      return back({ error: 'access_denied', error_description: 'The user said no' });
    }
    const code = token('code');
    codes.set(code, {
      clientId: client.clientId,
      redirectUri,
      challenge: q['code_challenge'] ?? '',
      scope: q['scope'] ?? '',
      expiresAt: now() + 60_000,
      used: false,
    });
    back({ code });
  };

  const handleToken = (req: IncomingMessage, res: ServerResponse, form: Record<string, string>) => {
    const client = authenticate(req, form);
    if (typeof client === 'string') return oauthError(req, res, 401, 'invalid_client', client);
    if (form['grant_type'] === 'authorization_code') {
      const code = codes.get(form['code'] ?? '');
      if (!code || code.clientId !== client.clientId) {
        return oauthError(req, res, 400, 'invalid_grant', 'unknown code');
      }
      if (code.used) {
        if (code.family) revokeFamily(code.family);
        return oauthError(req, res, 400, 'invalid_grant', 'code already used');
      }
      code.used = true;
      if (code.expiresAt <= now())
        return oauthError(req, res, 400, 'invalid_grant', 'code expired');
      if (form['redirect_uri'] !== code.redirectUri) {
        return oauthError(req, res, 400, 'invalid_grant', 'redirect_uri does not match');
      }
      const verifier = form['code_verifier'] ?? '';
      const challenge = b64url(createHash('sha256').update(verifier).digest());
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || challenge !== code.challenge) {
        return oauthError(req, res, 400, 'invalid_grant', 'PKCE verification failed');
      }
      const family = b64url(randomBytes(9));
      code.family = family;
      grants.set(family, { family, clientId: client.clientId, scope: code.scope, revoked: false });
      return answer(req, res, 200, issue(family, code.scope));
    }
    if (form['grant_type'] === 'refresh_token') {
      const presented = refreshTokens.get(form['refresh_token'] ?? '');
      const grant = presented ? grants.get(presented.family) : undefined;
      if (!presented || !grant || grant.clientId !== client.clientId) {
        return oauthError(req, res, 400, 'invalid_grant', 'unknown refresh token');
      }
      if (presented.used) {
        // Reuse detection (RFC 9700 4.14.2): the family is compromised.
        revokeFamily(presented.family);
        return oauthError(req, res, 400, 'invalid_grant', 'refresh token reused; grant revoked');
      }
      if (grant.revoked) return oauthError(req, res, 400, 'invalid_grant', 'grant revoked');
      if (presented.expiresAt !== null && presented.expiresAt <= now()) {
        return oauthError(req, res, 400, 'invalid_grant', 'refresh token expired');
      }
      presented.used = true;
      refreshes += 1;
      return answer(req, res, 200, issue(presented.family, grant.scope));
    }
    return oauthError(req, res, 400, 'unsupported_grant_type', form['grant_type'] ?? '');
  };

  const handleRevoke = (
    req: IncomingMessage,
    res: ServerResponse,
    form: Record<string, string>,
  ) => {
    const client = authenticate(req, form);
    if (typeof client === 'string') return oauthError(req, res, 401, 'invalid_client', client);
    const presented = form['token'] ?? '';
    const family = refreshTokens.get(presented)?.family ?? accessTokens.get(presented)?.family;
    if (family && grants.get(family)?.clientId === client.clientId) revokeFamily(family);
    res.writeHead(200).end();
  };

  const handleApi = (req: IncomingMessage, res: ServerResponse) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const access = accessTokens.get(bearer);
    const grant = access ? grants.get(access.family) : undefined;
    if (!access || !grant || grant.revoked || access.expiresAt <= now()) {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ sub: 'sandbox-user', scope: grant.scope }));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const body = req.method === 'POST' ? await readBody(req) : '';
      const form = Object.fromEntries(new URLSearchParams(body));
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        headers: { ...req.headers },
        form,
        query: Object.fromEntries(url.searchParams),
      });
      const path = url.pathname;
      const wellKnown =
        options.discovery === 'oidc'
          ? `${issuerPath}/.well-known/openid-configuration`
          : `/.well-known/oauth-authorization-server${issuerPath}`;
      if (req.method === 'GET' && path === wellKnown) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(metadata()));
      } else if (req.method === 'GET' && path === `${issuerPath}/authorize`) {
        handleAuthorize(url, res);
      } else if (req.method === 'POST' && path === `${issuerPath}/token`) {
        handleToken(req, res, form);
      } else if (req.method === 'POST' && path === `${issuerPath}/revoke`) {
        handleRevoke(req, res, form);
      } else if (req.method === 'GET' && path === '/api/me') {
        handleApi(req, res);
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const control: OAuth2SandboxControl = {
    requests,
    async authorize(authorizeUrl, decision = 'approve') {
      const url = new URL(authorizeUrl);
      if (decision === 'deny') url.searchParams.set('decision', 'deny');
      const res = await fetch(url, { redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status !== 302 || !location) {
        throw new Error(`authorize answered ${res.status}: ${await res.text()}`);
      }
      return location;
    },
    expireAccessTokens() {
      for (const access of accessTokens.values()) access.expiresAt = now() - 1;
    },
    revokeAll() {
      for (const grant of grants.values()) grant.revoked = true;
    },
    refreshCount: () => refreshes,
    revokedFamilies: () => [...grants.values()].filter((g) => g.revoked).length,
    setRefreshTokenSeconds(seconds) {
      refreshSeconds = seconds;
    },
  };

  return {
    issuer: issuer(),
    url: origin,
    authorizeUrl: `${origin}${issuerPath}/authorize`,
    tokenUrl: `${origin}${issuerPath}/token`,
    revocationUrl: `${origin}${issuerPath}/revoke`,
    apiUrl: `${origin}/api/me`,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
