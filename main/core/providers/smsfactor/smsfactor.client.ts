// SMSFactor REST client (providers.md "SMSFactor"): one wire format per instance, JSON or XML
// both ways, success only on status 1. The bearer token travels in the header only; it is
// never put in a URL, a log line or an error message.
import type { WireFormat } from '../../../../preload/api';
import type { HttpClient } from '../http';
import { ProviderError, redactUrl } from '../http';
import type { Body } from './smsfactor.wire';
import {
  asBool,
  asId,
  asInt,
  asList,
  asRecord,
  asText,
  checkStatus,
  decodeBody,
} from './smsfactor.wire';
import { buildXml } from './smsfactor.xml';

export interface SmsfactorClientOptions {
  http: HttpClient;
  /** e.g. `https://api.smsfactor.com`, or a sandbox on 127.0.0.1. */
  baseUrl: string;
  format: WireFormat;
}

export interface SmsfactorAccount {
  id?: string;
  parentId?: string;
  email?: string;
  company?: string;
  name?: string;
}

export interface SmsfactorCredits {
  credits?: string;
  postpaid?: string;
}

export interface WireToken {
  tokenId: string;
  name: string;
  createdAt?: string;
  expiresAt: string | null;
  ttlSeconds: number | null;
  active: boolean;
  allowedIps: string[];
}

export interface MintRequest {
  name: string;
  ttlSeconds: number | null;
  allowedIps: string[];
}

export interface MintAnswer {
  token: string;
  tokenId?: string;
  allowedIps: string[];
}

const MIME: Record<WireFormat, string> = { json: 'application/json', xml: 'application/xml' };

export class SmsfactorClient {
  constructor(private readonly options: SmsfactorClientOptions) {}

  get format(): WireFormat {
    return this.options.format;
  }

  async account(token: string): Promise<SmsfactorAccount> {
    const body = await this.call(token, 'GET', '/account');
    const acc = asRecord(body.account) ?? {};
    const first = asText(acc.firstname) ?? asText(acc.first_name);
    const last = asText(acc.lastname) ?? asText(acc.last_name);
    return {
      id: asId(acc.client_id) ?? asId(acc.id),
      parentId: asId(acc.parent_client_id),
      email: asText(acc.email),
      company: asText(acc.company),
      name: [first, last].filter(Boolean).join(' ') || undefined,
    };
  }

  async credits(token: string): Promise<SmsfactorCredits> {
    const body = await this.call(token, 'GET', '/credits');
    return { credits: asText(body.credits), postpaid: asText(body.postpaid) };
  }

  async subAccounts(token: string): Promise<SmsfactorAccount[]> {
    const body = await this.call(token, 'GET', '/sub-accounts');
    const out: SmsfactorAccount[] = [];
    for (const item of asList(body['sub-accounts'] ?? body.sub_accounts)) {
      const r = asRecord(item);
      const id = r && (asId(r.client_id) ?? asId(r.id));
      if (!r || !id) continue;
      out.push({ id, email: asText(r.email), company: asText(r.company) });
    }
    return out;
  }

  async listTokens(token: string): Promise<WireToken[]> {
    const body = await this.call(token, 'GET', '/token');
    return asList(body.tokens)
      .map(readToken)
      .filter((t): t is WireToken => t !== undefined);
  }

  async getToken(token: string, tokenId: string): Promise<WireToken | undefined> {
    const body = await this.call(token, 'GET', `/token/${encodeURIComponent(tokenId)}`);
    return readToken(body.token);
  }

  /** POST /token. Never retried: a second try would mint a second token. */
  async createToken(token: string, req: MintRequest): Promise<MintAnswer> {
    const fields: Record<string, string | number | string[]> = { name: req.name };
    if (req.ttlSeconds !== null) fields.ttl = req.ttlSeconds;
    if (req.allowedIps.length > 0) fields.allowed_ips = req.allowedIps;
    return readMint(await this.call(token, 'POST', '/token', fields));
  }

  /** POST /token/account/:id for one of the caller's sub-accounts (no allowed IPs on the wire). */
  async createSubAccountToken(
    token: string,
    accountId: string,
    req: Omit<MintRequest, 'allowedIps'>,
  ): Promise<MintAnswer> {
    const fields: Record<string, string | number> = { name: req.name };
    if (req.ttlSeconds !== null) fields.ttl = req.ttlSeconds;
    const path = `/token/account/${encodeURIComponent(accountId)}`;
    return readMint(await this.call(token, 'POST', path, fields));
  }

  async deleteToken(token: string, tokenId: string): Promise<string | undefined> {
    const body = await this.call(token, 'DELETE', `/token/${encodeURIComponent(tokenId)}`);
    return asId(body.deleted_token);
  }

  private async call(
    token: string,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    tokenFields?: Record<string, string | number | string[]>,
  ): Promise<Body> {
    const { format, baseUrl, http } = this.options;
    const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
    const headers: Record<string, string> = {
      Accept: MIME[format],
      Authorization: `Bearer ${token}`,
    };
    let body: string | undefined;
    if (tokenFields) {
      headers['Content-Type'] = MIME[format];
      body =
        format === 'json' ? JSON.stringify({ token: tokenFields }) : buildXml('token', tokenFields);
    }
    const res = await http.request({ method, url, headers, body });
    try {
      const decoded = decodeBody(res.body, res.status);
      return checkStatus(decoded, res.status, [token]);
    } catch (err) {
      if (err instanceof ProviderError) throw err;
      // Anything unexpected is reported without its text, which could quote the body.
      throw new ProviderError(
        'provider-error',
        `SMSFactor answer from ${redactUrl(url)} could not be read.`,
      );
    }
  }
}

function readToken(v: unknown): WireToken | undefined {
  const r = asRecord(v);
  const tokenId = r && (asId(r.api_token_id) ?? asId(r.token_id) ?? asId(r.id));
  if (!r || !tokenId) return undefined;
  return {
    tokenId,
    name: asText(r.name) ?? '',
    createdAt: asText(r.created_at),
    expiresAt: asText(r.expired_at) ?? asText(r.expires_at) ?? null,
    ttlSeconds: asInt(r.ttl),
    active: asBool(r.is_active),
    allowedIps: asList(r.allowed_ips)
      .map(asText)
      .filter((x): x is string => !!x),
  };
}

function readMint(body: Body): MintAnswer {
  const token = asText(body.token);
  if (!token || token.trim() === '') {
    // The token may exist at SMSFactor all the same: say where to look.
    throw new ProviderError(
      'provider-error',
      'SMSFactor reported success but sent no token. Check the remote token list and revoke tokens you do not know.',
    );
  }
  return {
    token: token.trim(),
    tokenId: asId(body.token_id),
    allowedIps: asList(body.allowed_ips)
      .map(asText)
      .filter((x): x is string => !!x),
  };
}
