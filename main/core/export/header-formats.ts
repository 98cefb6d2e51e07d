// Pure functions: which HTTP headers an entry needs (providers.md) and how to render them for
// each client a user pastes into. No I/O, no secrets kept: callers pass the secret in and
// decide where the text goes (clipboard, stdout).
import type { EntryView, HeaderFormat } from '../../../preload/api';
import { moduleOf } from '../providers/registry';

export const HEADER_FORMATS: readonly HeaderFormat[] = [
  'http',
  'curl',
  'json',
  'env',
  'fetch',
  'python',
] as const;

export interface HeaderPair {
  name: string;
  value: string;
}

/** Where the secret sits in a pair list, so previews can mask exactly that text. */
export interface HeaderSet {
  pairs: HeaderPair[];
  /** The stored secret (what `tokenvault token` prints). */
  secret: string;
  /** The text made from it in the header values; every occurrence is masked in previews. */
  sensitive: string;
}

/**
 * Header pairs for one entry: the header its provider module builds from the secret
 * (`Authorization: Bearer <secret>` for most), then the ones it adds (providers.md:
 * `x-fax-clientid` for a Fax.Plus OAuth app, `Accept` for SMSFactor, an API key's own).
 */
export function headerPairs(entry: EntryView, secret: string): HeaderSet {
  assertHeaderSafe(secret);
  const module = moduleOf(entry);
  const { sensitive, ...auth } = module.authHeader(entry, secret);
  const pairs: HeaderPair[] = [auth, ...module.extraHeaders(entry)];
  for (const pair of pairs) assertHeaderSafe(pair.value);
  return { pairs, secret, sensitive };
}

/**
 * A value with CR, LF or NUL would let one header smuggle another (or a request line) into
 * the `http` text and into curl; no real token has them, so refuse instead of escaping.
 */
function assertHeaderSafe(value: string): void {
  // eslint-disable-next-line no-control-regex
  if (value === '' || /[\r\n\u0000]/.test(value)) {
    throw new Error('The stored value cannot be used in an HTTP header.');
  }
}

/** Keeps the last 4 characters of long secrets so the user can tell tokens apart. */
export function maskSecret(secret: string): string {
  const dots = '••••••••';
  return secret.length >= 16 ? `${dots}${secret.slice(-4)}` : dots;
}

/** The same pairs with the secret masked wherever it appears. */
export function maskedPairs(set: HeaderSet): HeaderPair[] {
  const mask = maskSecret(set.sensitive);
  return set.pairs.map((p) => ({ name: p.name, value: p.value.split(set.sensitive).join(mask) }));
}

/** Renders pairs in one format. Output carries no trailing newline (clean clipboard paste). */
export function formatHeaders(pairs: readonly HeaderPair[], format: HeaderFormat): string {
  switch (format) {
    case 'http':
      return pairs.map((p) => `${p.name}: ${p.value}`).join('\n');
    case 'curl':
      return curlArgs(pairs).join(' ');
    case 'json':
      return JSON.stringify(Object.fromEntries(pairs.map((p) => [p.name, p.value])), null, 2);
    case 'env':
      return pairs.map((p) => `${envName(p.name)}=${dotenvQuote(p.value)}`).join('\n');
    case 'fetch':
      return `{\n  headers: {\n${objectLines(pairs, '    ')}\n  },\n}`;
    case 'python':
      return `{\n${objectLines(pairs, '    ')}\n}`;
  }
}

/** Masked rendering for previews (renderer, CLI `--help` examples). */
export function formatPreview(set: HeaderSet, format: HeaderFormat): string {
  return formatHeaders(maskedPairs(set), format);
}

/**
 * curl arguments, chosen so that BOTH uses work:
 *   - pasted into a shell command line, and
 *   - `curl $(tokenvault headers <label> --format curl) <url>`, where the shell splits the
 *     output on whitespace and does NOT remove quotes.
 * So no argument may contain a space: the bearer goes through `--oauth2-bearer` (curl sends
 * it as `Authorization: Bearer <token>`), and other headers are written `-H Name:value`
 * (the space after the colon is optional in HTTP). An argument is shell-quoted only when it
 * holds characters outside a conservative safe set; such a token still pastes correctly but
 * then needs `eval "curl $(…)"` in scripts.
 */
export function curlArgs(pairs: readonly HeaderPair[]): string[] {
  const args: string[] = [];
  for (const p of pairs) {
    const bearer = /^Bearer (\S+)$/.exec(p.value);
    if (p.name.toLowerCase() === 'authorization' && bearer?.[1] !== undefined) {
      args.push('--oauth2-bearer', shellWord(bearer[1]));
    } else if (!/\s/.test(p.value)) {
      args.push('-H', shellWord(`${p.name}:${p.value}`));
    } else {
      args.push('-H', shellWord(`${p.name}: ${p.value}`));
    }
  }
  return args;
}

/** POSIX shell quoting: bare when every character is safe, else single quotes. */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.split("'").join(`'\\''`)}'`;
}

/**
 * dotenv variable names: `TOKENVAULT_` + the header name upper-cased with every other
 * character turned into `_`, e.g. TOKENVAULT_AUTHORIZATION, TOKENVAULT_X_FAX_CLIENTID,
 * TOKENVAULT_ACCEPT. The prefix keeps them from clashing with a project's own variables.
 */
export function envName(headerName: string): string {
  return `TOKENVAULT_${headerName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * Single quotes are literal both for dotenv parsers and for `sh` (`set -a; . ./.env`), so
 * they are used whenever possible; a value holding `'` falls back to double quotes with
 * the characters the shell would expand escaped.
 */
function dotenvQuote(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** `"name": "value",` lines; JSON string literals are valid in JavaScript and Python alike. */
function objectLines(pairs: readonly HeaderPair[], indent: string): string {
  return pairs
    .map((p) => `${indent}${JSON.stringify(p.name)}: ${JSON.stringify(p.value)},`)
    .join('\n');
}
