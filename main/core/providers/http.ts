// Shared HTTP rules for every provider (providers.md "HTTP client rules for both"):
// 15 s timeout, a User-Agent naming the app, one retry for idempotent GETs on a network error
// or a 5xx, never a retry of a POST, and no secret in any error message.
import type { HttpRequest, HttpResponse, HttpTransport } from '../ports';

export const APP_USER_AGENT = 'TokenVault/0.1.0 (+desktop)';
export const DEFAULT_TIMEOUT_MS = 15_000;

export type ProviderErrorCode =
  'network-error' | 'timeout' | 'provider-error' | 'auth-error' | 'needs-reauth';

/** A provider call that failed. The message is for the user and carries no secret. */
export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    readonly status?: number,
    /** Provider's own error code (e.g. `invalid_grant`, SMSFactor status -7). */
    readonly providerCode?: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/**
 * Plain http to this machine (127.0.0.0/8, localhost, [::1]): the only servers Token Vault
 * sends a secret to without TLS (test servers, the sandbox, local development).
 */
export function isLoopbackHttp(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (
      protocol === 'http:' &&
      (hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname))
    );
  } catch {
    return false;
  }
}

/** Removes query strings and user-info from a URL for messages (token URLs carry secrets). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Replaces every occurrence of each secret in `text` with a mask. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  }
  return out;
}

export interface HttpClientOptions {
  transport: HttpTransport;
  timeoutMs?: number;
  userAgent?: string;
}

export class HttpClient {
  private readonly timeoutMs: number;
  private readonly userAgent: string;

  constructor(private readonly options: HttpClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.userAgent = options.userAgent ?? APP_USER_AGENT;
  }

  async request(req: Omit<HttpRequest, 'timeoutMs'>): Promise<HttpResponse> {
    const full: HttpRequest = {
      ...req,
      headers: { 'User-Agent': this.userAgent, ...req.headers },
      timeoutMs: this.timeoutMs,
    };
    const attempts = req.method === 'GET' ? 2 : 1;
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const res = await this.options.transport.send(full);
        if (res.status >= 500 && attempt < attempts) {
          last = undefined;
          continue;
        }
        return res;
      } catch (err) {
        last = err;
        if (err instanceof ProviderError && err.code === 'timeout' && req.method !== 'GET') break;
      }
    }
    if (last instanceof ProviderError) throw last;
    throw new ProviderError('network-error', `Could not reach ${redactUrl(req.url)}.`);
  }
}

/** No provider answer we use comes near this; a larger one is refused, not parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a response body, aborting once it grows past `limit` bytes. */
async function readCapped(res: Response, limit: number, controller: AbortController) {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      controller.abort();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

class BodyTooLargeError extends Error {}

/** The real transport: Node's fetch with an abort timer. */
export const fetchTransport: HttpTransport = {
  async send(req: HttpRequest): Promise<HttpResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), req.timeoutMs);
    try {
      const res = await fetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: controller.signal,
        redirect: 'manual',
      });
      const body = await readCapped(res, MAX_BODY_BYTES, controller);
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => (headers[key] = value));
      return { status: res.status, headers, body };
    } catch (err) {
      const where = redactUrl(req.url);
      if (err instanceof BodyTooLargeError) {
        throw new ProviderError(
          'provider-error',
          `${where} sent an answer larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; it was not read.`,
        );
      }
      if (controller.signal.aborted) {
        throw new ProviderError(
          'timeout',
          `${where} did not answer within ${Math.round(req.timeoutMs / 1000)} s.`,
        );
      }
      const reason = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
      // The cause of a fetch failure names host and port only (no query), so it is safe to show.
      throw new ProviderError(
        'network-error',
        `Could not reach ${where}${reason ? ` (${reason.replace(/\?.*$/, '')})` : ''}.`,
      );
    } finally {
      clearTimeout(timer);
    }
  },
};
