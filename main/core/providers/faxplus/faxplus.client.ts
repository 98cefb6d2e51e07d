// Fax.Plus wire client (providers.md "Fax.Plus"). Knows URLs, headers, bodies and lenient
// parsing; knows nothing about the vault. Base URLs are injected so tests and `npm run sandbox`
// point it at tests/sandbox; no test ever reaches the real provider.
import type { AccountInfo } from '../../../../preload/api';
import type { HttpResponse } from '../../ports';
import type { HttpClient } from '../http';
import { ProviderError } from '../http';
import { faxplusError, looksLikeHtml, parseJsonObject, redactError } from './faxplus.errors';

export const FAXPLUS_DEFAULT_ENDPOINTS: FaxplusEndpoints = {
  accountsUrl: 'https://accounts.fax.plus',
  apiUrl: 'https://restapi.fax.plus/v3',
};

/** The access-token lifetime Fax.Plus documents, used when `expires_in` is missing. */
export const DEFAULT_ACCESS_TOKEN_SECONDS = 3600;

export interface FaxplusEndpoints {
  /** Authorization server, e.g. `https://accounts.fax.plus` (serves /login and /token). */
  accountsUrl: string;
  /** REST API base including the version, e.g. `https://restapi.fax.plus/v3`. */
  apiUrl: string;
}

export type FaxplusAuth =
  { kind: 'oauth'; accessToken: string; clientId: string } | { kind: 'pat'; pat: string };

export interface TokenSet {
  accessToken: string;
  /** Absent when the server did not send one (keep the previous refresh token then). */
  refreshToken?: string;
  expiresInSeconds: number;
}

export interface TokenInfo {
  tokenType: 'pat' | 'oauth' | 'unknown';
  scopes: string[];
  id?: string;
  name?: string;
  preview?: string;
  createdAt?: number;
  /** null = no expiry reported. */
  expiresAt: number | null;
  lastUsedAt?: number | null;
}

export interface FaxplusClientDeps {
  http: HttpClient;
  /** A function so a settings change applies without rebuilding the client. */
  endpoints: () => FaxplusEndpoints;
}

/**
 * Base URLs from settings, overridden by TOKENVAULT_FAXPLUS_ACCOUNTS_URL and
 * TOKENVAULT_FAXPLUS_API_URL (DESIGN.md "Provider endpoints are configurable"). A value that
 * is not an http(s) URL is ignored rather than trusted.
 */
export function faxplusEndpoints(
  env: Readonly<Record<string, string | undefined>>,
  base: FaxplusEndpoints = FAXPLUS_DEFAULT_ENDPOINTS,
): FaxplusEndpoints {
  const pick = (value: string | undefined, fallback: string): string => {
    if (!value) return fallback;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:' ? trimSlash(value) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    accountsUrl: pick(env.TOKENVAULT_FAXPLUS_ACCOUNTS_URL, base.accountsUrl),
    apiUrl: pick(env.TOKENVAULT_FAXPLUS_API_URL, base.apiUrl),
  };
}

/** Header pairs a caller must send with a credential of each kind (DESIGN.md "Headers"). */
export function faxplusHeaderPairs(auth: FaxplusAuth): [string, string][] {
  if (auth.kind === 'pat') return [['Authorization', `Bearer ${auth.pat}`]];
  return [
    ['Authorization', `Bearer ${auth.accessToken}`],
    ['x-fax-clientid', auth.clientId],
  ];
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function basic(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function epochMs(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
}

function scopesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

export class FaxplusClient {
  constructor(private readonly deps: FaxplusClientDeps) {}

  authorizeUrl(p: { clientId: string; redirectUri: string; state: string }): string {
    const url = new URL(`${trimSlash(this.deps.endpoints().accountsUrl)}/login`);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', p.clientId);
    url.searchParams.set('redirect_uri', p.redirectUri);
    url.searchParams.set('scope', 'all');
    url.searchParams.set('state', p.state);
    return url.toString();
  }

  exchangeCode(p: {
    clientId: string;
    clientSecret: string;
    code: string;
    redirectUri: string;
  }): Promise<TokenSet> {
    const params = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: p.clientId,
      code: p.code,
      redirect_uri: p.redirectUri,
    });
    return this.tokenCall(params, p.clientId, p.clientSecret, 'token exchange', [
      p.clientSecret,
      p.code,
    ]);
  }

  refresh(p: { clientId: string; clientSecret: string; refreshToken: string }): Promise<TokenSet> {
    const params = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: p.refreshToken,
    });
    return this.tokenCall(params, p.clientId, p.clientSecret, 'token refresh', [
      p.clientSecret,
      p.refreshToken,
    ]);
  }

  async accountSelf(auth: FaxplusAuth): Promise<AccountInfo> {
    const json = await this.apiGet('/accounts/self', auth, 'account check');
    const fullName = [str(json.name), str(json.lastname)].filter(Boolean).join(' ');
    const account: AccountInfo = {};
    const id = str(json.uid) ?? str(json.id);
    const email = str(json.email);
    const accountType = str(json.account_type);
    if (id) account.id = id;
    if (email) account.email = email;
    if (fullName) account.name = fullName;
    if (accountType) account.accountType = accountType;
    return account;
  }

  async tokenInfo(auth: FaxplusAuth): Promise<TokenInfo> {
    const json = await this.apiGet('/auth/token', auth, 'token check');
    const type = json.token_type;
    if (typeof type !== 'string') {
      throw new ProviderError(
        'provider-error',
        'Fax.Plus gave an unexpected answer during token check (no token_type).',
      );
    }
    const info: TokenInfo = {
      tokenType: type === 'pat' || type === 'oauth' ? type : 'unknown',
      scopes: scopesOf(json.scopes),
      expiresAt: epochMs(json.expiration_date),
    };
    const id = str(json.id);
    const name = str(json.name);
    const preview = str(json.preview);
    const created = epochMs(json.created_date);
    if (id) info.id = id;
    if (name) info.name = name;
    if (preview) info.preview = preview;
    if (created !== null) info.createdAt = created;
    if ('last_used' in json) info.lastUsedAt = epochMs(json.last_used);
    return info;
  }

  // Exchange and refresh: the docs put the parameters in the query string, the official
  // Python sample in the form body, the PHP sample in both; we send both (providers.md).
  // These POSTs are never retried: a code is single use and a refresh may rotate.
  private async tokenCall(
    params: URLSearchParams,
    clientId: string,
    clientSecret: string,
    what: string,
    secrets: string[],
  ): Promise<TokenSet> {
    const url = `${trimSlash(this.deps.endpoints().accountsUrl)}/token?${params.toString()}`;
    let res: HttpResponse;
    try {
      res = await this.deps.http.request({
        method: 'POST',
        url,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: basic(clientId, clientSecret),
          Accept: 'application/json',
        },
        body: params.toString(),
      });
    } catch (err) {
      throw redactError(err, secrets);
    }
    const json = this.checked(res, what, secrets);
    const accessToken = str(json.access_token);
    if (!accessToken) {
      throw new ProviderError(
        'provider-error',
        `Fax.Plus answered the ${what} without an access token.`,
        res.status,
      );
    }
    const set: TokenSet = { accessToken, expiresInSeconds: DEFAULT_ACCESS_TOKEN_SECONDS };
    const refreshToken = str(json.refresh_token);
    if (refreshToken) set.refreshToken = refreshToken;
    const expiresIn = Number(json.expires_in);
    if (json.expires_in !== undefined && json.expires_in !== null && expiresIn > 0) {
      set.expiresInSeconds = Math.floor(expiresIn);
    }
    return set;
  }

  private async apiGet(
    path: string,
    auth: FaxplusAuth,
    what: string,
  ): Promise<Record<string, unknown>> {
    const secrets = auth.kind === 'pat' ? [auth.pat] : [auth.accessToken];
    const headers: Record<string, string> = { Accept: 'application/json' };
    for (const [name, value] of faxplusHeaderPairs(auth)) headers[name] = value;
    let res: HttpResponse;
    try {
      res = await this.deps.http.request({
        method: 'GET',
        url: `${trimSlash(this.deps.endpoints().apiUrl)}${path}`,
        headers,
      });
    } catch (err) {
      throw redactError(err, secrets);
    }
    return this.checked(res, what, secrets);
  }

  /** A 2xx JSON object without `error`, or a mapped ProviderError. */
  private checked(
    res: HttpResponse,
    what: string,
    secrets: readonly string[],
  ): Record<string, unknown> {
    if (res.status < 200 || res.status >= 300 || looksLikeHtml(res)) {
      throw faxplusError(res, what, secrets);
    }
    const json = parseJsonObject(res.body);
    if (!json || json.error !== undefined) throw faxplusError(res, what, secrets);
    return json;
  }
}
