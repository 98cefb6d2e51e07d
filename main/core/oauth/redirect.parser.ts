// Strict parsing of OAuth callbacks (security.md 14). The URL arrives from the OS (any local
// program can launch `dev.tokenvault:` links) or from the loopback listener, so it is hostile
// until proven otherwise: the shape is checked on the raw text, not after URL normalisation,
// which would quietly resolve `..`, percent-encoding and backslashes.

export const APP_SCHEME = 'dev.tokenvault:';
/** Fax.Plus's callback path (the default of every function here). */
export const CALLBACK_PATH = '/oauth/faxplus';
/** Any other OAuth 2.0 server's callback path. */
export const OAUTH2_CALLBACK_PATH = '/oauth/oauth2';
export const SCHEME_REDIRECT_URI = `${APP_SCHEME}${CALLBACK_PATH}`;
export const MAX_REDIRECT_URL_LENGTH = 4096;

export function schemeRedirectUri(path = CALLBACK_PATH): string {
  return `${APP_SCHEME}${path}`;
}

export function loopbackRedirectUri(port: number, path = CALLBACK_PATH): string {
  return `http://127.0.0.1:${port}${path}`;
}

/** The callback path of a redirect URL (scheme or loopback), to route it; undefined if neither. */
export function redirectPathOf(url: string): string | undefined {
  const base = url.split('?')[0] ?? '';
  if (base.slice(0, APP_SCHEME.length).toLowerCase() === APP_SCHEME) {
    return base.slice(APP_SCHEME.length);
  }
  return /^http:\/\/127\.0\.0\.1:\d{1,5}(\/[^?#]*)$/.exec(base)?.[1];
}

export interface RedirectParams {
  code?: string;
  state?: string;
  /** RFC 9207: the issuer that sent the answer. */
  iss?: string;
  error?: string;
  errorDescription?: string;
}

export type ParsedRedirect =
  | { ok: true; via: 'scheme'; params: RedirectParams }
  | { ok: true; via: 'loopback'; port: number; params: RedirectParams }
  | { ok: false; reason: string };

const ALLOWED_KEYS = new Set([
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'scope',
  // Google adds these to its answers; they are read past, never used.
  'authuser',
  'prompt',
  'hd',
]);
// Values after decoding. Codes and states are opaque but never need more than URL-safe text.
const VALUE_RULES: Record<string, RegExp> = {
  code: /^[A-Za-z0-9._~+/=-]{1,1024}$/,
  state: /^[A-Za-z0-9_-]{1,256}$/,
  error: /^[a-z_]{1,64}$/,
  error_description: /^[\x20-\x7e]{0,500}$/,
  error_uri: /^https:\/\/[\x21-\x7e]{1,500}$/,
  scope: /^[\x20-\x7e]{0,1000}$/,
  iss: /^https?:\/\/[\x21-\x7e]{1,500}$/,
  authuser: /^\d{1,3}$/,
  prompt: /^[a-z ]{1,64}$/,
  hd: /^[A-Za-z0-9.-]{1,253}$/,
};
const RAW_QUERY = /^[A-Za-z0-9._~%+=&/:-]*$/;

function fail(reason: string): ParsedRedirect {
  return { ok: false, reason };
}

/** Parses the query string of a callback (without the leading `?`). */
export function parseRedirectQuery(
  query: string,
): { ok: true; params: RedirectParams } | { ok: false; reason: string } {
  if (!query) return { ok: false, reason: 'no parameters' };
  if (!RAW_QUERY.test(query)) return { ok: false, reason: 'unexpected characters' };
  const seen = new Map<string, string>();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return { ok: false, reason: 'malformed parameter' };
    const key = pair.slice(0, eq);
    if (!ALLOWED_KEYS.has(key)) return { ok: false, reason: 'unexpected parameter' };
    if (seen.has(key)) return { ok: false, reason: 'duplicate parameter' };
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      return { ok: false, reason: 'bad percent-encoding' };
    }
    const rule = VALUE_RULES[key];
    if (!rule || !rule.test(value)) return { ok: false, reason: `invalid ${key}` };
    seen.set(key, value);
  }
  const params: RedirectParams = {};
  const code = seen.get('code');
  const state = seen.get('state');
  const error = seen.get('error');
  const description = seen.get('error_description');
  const iss = seen.get('iss');
  if (iss !== undefined) params.iss = iss;
  if (code !== undefined) params.code = code;
  if (state !== undefined) params.state = state;
  if (error !== undefined) params.error = error;
  if (description) params.errorDescription = description;
  if ((code === undefined) === (error === undefined)) {
    return { ok: false, reason: 'needs exactly one of code or error' };
  }
  return { ok: true, params };
}

/**
 * Parses `dev.tokenvault:<path>?...` or `http://127.0.0.1:<port><path>?...`, path
 * `/oauth/faxplus` unless another is named.
 */
export function parseRedirectUrl(url: unknown, path = CALLBACK_PATH): ParsedRedirect {
  if (typeof url !== 'string') return fail('not a string');
  if (url.length > MAX_REDIRECT_URL_LENGTH) return fail('too long');
  if (!/^[\x21-\x7e]+$/.test(url)) return fail('unexpected characters');
  if (url.includes('#')) return fail('fragment not allowed');
  const q = url.indexOf('?');
  if (q < 0) return fail('no parameters');
  const base = url.slice(0, q);
  const query = parseRedirectQuery(url.slice(q + 1));
  // Scheme names are case-insensitive (RFC 3986 3.1); the path is not.
  const schemeLength = APP_SCHEME.length;
  if (base.slice(0, schemeLength).toLowerCase() === APP_SCHEME) {
    if (base.slice(schemeLength) !== path) return fail('wrong path');
    return query.ok ? { ok: true, via: 'scheme', params: query.params } : fail(query.reason);
  }
  const loop = /^http:\/\/127\.0\.0\.1:([1-9][0-9]{0,4})(\/.*)$/.exec(base);
  if (!loop) return fail('wrong scheme or host');
  const port = Number(loop[1]);
  if (port > 65535) return fail('bad port');
  if (loop[2] !== path) return fail('wrong path');
  return query.ok ? { ok: true, via: 'loopback', port, params: query.params } : fail(query.reason);
}
