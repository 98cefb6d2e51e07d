// Which URLs the app may hand to the system browser (security.md 5). shell.openExternal with
// an attacker-chosen URL can start local programs (file:, smb:, custom schemes), so only
// https links to the providers' own hosts pass, written exactly as a browser would parse them.

/** Hosts of the providers' consoles and docs (providers.md). */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'accounts.fax.plus',
  'restapi.fax.plus',
  'www.fax.plus',
  'apidoc.fax.plus',
  'www.smsfactor.com',
  'dev.smsfactor.com',
];

/**
 * `extraOrigins`: exact origins added by configuration, for the provider endpoints overridden
 * through TOKENVAULT_FAXPLUS_ACCOUNTS_URL & co. (the local sandbox). Only https origins or
 * http on a loopback address are accepted there; anything else in that list is ignored.
 */
export function isAllowedExternalUrl(url: unknown, extraOrigins: readonly string[] = []): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return false;
  // Whitespace or control characters are stripped silently by the URL parser; a URL that
  // needed such cleaning is not one we produced.
  if (hasControlOrSpace(url) || url.includes('\\')) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  const origin = `${parsed.protocol}//${parsed.host}`;
  if (extraOrigins.some((o) => isAcceptableExtraOrigin(o) && normalizeOrigin(o) === origin)) {
    return true;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '') return false;
  return EXTERNAL_HOST_ALLOW_LIST.includes(parsed.hostname);
}

function normalizeOrigin(origin: string): string | undefined {
  try {
    const u = new URL(origin);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

function isAcceptableExtraOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    if (u.username !== '' || u.password !== '') return false;
    if (u.protocol === 'https:') return true;
    return u.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(u.hostname);
  } catch {
    return false;
  }
}

/** Any character at or below U+0020 (controls, space) or DEL. */
function hasControlOrSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return true;
  }
  return false;
}
