// Input checks for the mint form, run before any request (security.md 32). Every error names
// the field and the bad value so the form can show it beside the field.
import ipaddr from 'ipaddr.js';
import { SmsfactorValidationError } from './smsfactor.errors';

export const NAME_MAX = 100;
/** Longest value quoted back in an error message, so a pasted essay does not flood the UI. */
const QUOTE_MAX = 60;

const HOUR = 3600;
const DAY = 24 * HOUR;

/** TTL presets of the mint form, in seconds; null = unlimited (no `ttl` sent). */
export const TTL_PRESETS = [
  { id: '1h', label: '1 hour', seconds: HOUR },
  { id: '1d', label: '1 day', seconds: DAY },
  { id: '7d', label: '7 days', seconds: 7 * DAY },
  { id: '30d', label: '30 days', seconds: 30 * DAY },
  { id: '90d', label: '90 days', seconds: 90 * DAY },
  { id: '1y', label: '1 year', seconds: 365 * DAY },
  { id: 'unlimited', label: 'Unlimited', seconds: null },
] as const;

/** Upper bound for a custom TTL (10 years): beyond that "unlimited" is what the user means. */
export const TTL_MAX_SECONDS = 10 * 365 * DAY;

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > QUOTE_MAX ? `"${text.slice(0, QUOTE_MAX)}…"` : `"${text}"`;
}

export function validateName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new SmsfactorValidationError(field, `The ${field} is required (got ${quote(name)}).`);
  }
  const trimmed = name.trim();
  if ([...trimmed].length > NAME_MAX) {
    throw new SmsfactorValidationError(
      field,
      `The ${field} must be at most ${NAME_MAX} characters (got ${[...trimmed].length}: ${quote(trimmed)}).`,
    );
  }
  return trimmed;
}

/** null = unlimited. Otherwise a positive whole number of seconds. */
export function validateTtl(ttl: unknown): number | null {
  if (ttl === null || ttl === undefined) return null;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl <= 0) {
    throw new SmsfactorValidationError(
      'ttlSeconds',
      `The TTL must be a positive whole number of seconds (got ${quote(ttl)}).`,
    );
  }
  if (ttl > TTL_MAX_SECONDS) {
    throw new SmsfactorValidationError(
      'ttlSeconds',
      `The TTL must be at most ${TTL_MAX_SECONDS} seconds (10 years); choose "Unlimited" instead (got ${ttl}).`,
    );
  }
  return ttl;
}

function normaliseAddress(text: string): string | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toString();
  // Zone ids (`fe80::1%eth0`) name an interface on the caller's machine: meaningless remotely.
  if (text.includes(':') && !text.includes('%') && ipaddr.IPv6.isValid(text)) {
    const v6 = ipaddr.IPv6.parse(text);
    // RFC 5952 section 5: an IPv4-mapped address keeps its dotted quad.
    if (v6.isIPv4MappedAddress()) return `::ffff:${v6.toIPv4Address().toString()}`;
    return v6.toRFC5952String();
  }
  return undefined;
}

function normaliseCidr(text: string): string | undefined {
  const slash = text.indexOf('/');
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || normaliseAddress(addrText) === undefined) return undefined;
  const prefix = Number(prefixText);
  if (addrText.includes(':')) {
    if (prefix > 128) return undefined;
    const net = ipaddr.IPv6.networkAddressFromCIDR(`${addrText}/${prefix}`).toRFC5952String();
    return prefix === 128 ? net : `${net}/${prefix}`;
  }
  if (prefix > 32) return undefined;
  const net = ipaddr.IPv4.networkAddressFromCIDR(`${addrText}/${prefix}`).toString();
  // A full-length prefix is one address; writing it bare lets de-duplication see it.
  return prefix === 32 ? net : `${net}/${prefix}`;
}

/**
 * One allowed-IP entry: IPv4 (four decimal parts), IPv6, or either in CIDR form. Returns the
 * normalised text: IPv6 compressed lower-case (RFC 5952), CIDR reduced to its network address.
 */
export function normaliseAllowedIp(value: unknown, field = 'allowedIps'): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const out =
    text === '' ? undefined : text.includes('/') ? normaliseCidr(text) : normaliseAddress(text);
  if (out === undefined) {
    throw new SmsfactorValidationError(
      field,
      `${quote(value)} is not an IPv4 or IPv6 address or a CIDR range (e.g. 203.0.113.7, 2001:db8::1, 10.0.0.0/8).`,
    );
  }
  return out;
}

/** Validates, normalises and de-duplicates (first occurrence kept) the allowed IPs. */
export function validateAllowedIps(values: unknown): string[] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) {
    throw new SmsfactorValidationError(
      'allowedIps',
      `Allowed IPs must be a list (got ${quote(values)}).`,
    );
  }
  const out: string[] = [];
  for (const [i, v] of values.entries()) {
    // `allowedIps.<index>`, the same path the IPC schema check reports, so the form can mark
    // the one bad line.
    const n = normaliseAllowedIp(v, `allowedIps.${i}`);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** SMSFactor account ids are numeric; anything else would be pasted into the URL path. */
export function validateAccountId(value: unknown, field = 'subAccountId'): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,20}$/.test(text.trim())) {
    throw new SmsfactorValidationError(
      field,
      `The account id must be digits only (got ${quote(value)}).`,
    );
  }
  return text.trim();
}

export interface MintInput {
  name: string;
  ttlSeconds: number | null;
  allowedIps: string[];
  subAccountId?: string;
}

/** The whole mint form. Sub-account tokens take no allowed IPs on the wire (providers.md). */
export function validateMintInput(req: {
  name: unknown;
  ttlSeconds?: unknown;
  allowedIps?: unknown;
  subAccountId?: unknown;
}): MintInput {
  const name = validateName(req.name);
  const ttlSeconds = validateTtl(req.ttlSeconds);
  const allowedIps = validateAllowedIps(req.allowedIps);
  const hasSub =
    req.subAccountId !== undefined && req.subAccountId !== null && req.subAccountId !== '';
  if (!hasSub) return { name, ttlSeconds, allowedIps };
  const subAccountId = validateAccountId(req.subAccountId);
  if (allowedIps.length > 0) {
    throw new SmsfactorValidationError(
      'allowedIps',
      `SMSFactor does not take allowed IPs for a sub-account token (got ${quote(allowedIps.join(', '))}).`,
    );
  }
  return { name, ttlSeconds, allowedIps, subAccountId };
}
