// What an API-key entry may hold, and how its header is made. Pure: the service, the CLI and
// the vault's header export all use these, and main never trusts what a form sent.
import type { ApiKeyEntry, HeaderLine } from '../../../../preload/api';
import { VaultError } from '../../vault/vault.types';
import type { AuthHeader } from '../contract';
import { isLoopbackHttp } from '../http';

/** An invalid-input VaultError that names the form field, so the dialog can point at it. */
export class ApiKeyInputError extends VaultError {
  constructor(
    readonly field: ApiKeyField,
    message: string,
  ) {
    super('invalid-input', message);
    this.name = 'ApiKeyInputError';
  }
}

export type ApiKeyField =
  | 'label'
  | 'secret'
  | 'headerName'
  | 'template'
  | 'basicUser'
  | 'extraHeaders'
  | 'expiresAt'
  | 'verifyUrl';

export const TOKEN = '{token}';
export const BASIC = '{basic}';
export const DEFAULT_HEADER = 'Authorization';
export const DEFAULT_TEMPLATE = `Bearer ${TOKEN}`;
export const BASIC_TEMPLATE = `Basic ${BASIC}`;

/**
 * The template a header implies when none is given: Basic with a user name, Bearer for
 * `Authorization`, and the bare key for any other header (`X-Api-Key: <key>`).
 */
export function defaultTemplate(headerName: string, basicUser: string | undefined): string {
  if (basicUser !== undefined) return BASIC_TEMPLATE;
  return headerName.trim().toLowerCase() === 'authorization' ? DEFAULT_TEMPLATE : TOKEN;
}

const MAX_SECRET = 4096;
const MAX_TEMPLATE = 200;
const MAX_USER = 200;
const MAX_VALUE = 1000;
const MAX_EXTRA = 20;
const MAX_URL = 2048;

/** RFC 9110 field names: a "token" of visible characters other than separators. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
/** Header values we send: visible ASCII and spaces (fetch refuses most else, HTTP smuggles CR/LF). */
const HEADER_TEXT = /^[\x20-\x7e]*$/;
/** Names the HTTP stack sets itself; a fixed value for them would break every request. */
const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

/** The metadata of an API-key entry as checked here (label and secret apart). */
export type ApiKeyShape = Pick<
  ApiKeyEntry,
  'headerName' | 'template' | 'basicUser' | 'extraHeaders' | 'expiresAt' | 'verifyUrl'
>;

export interface ApiKeyInput {
  headerName: string;
  template: string;
  basicUser?: string;
  extraHeaders: readonly HeaderLine[];
  expiresAt: number | null;
  verifyUrl?: string;
}

/** The key as it will be sent: trimmed, one word of visible ASCII. */
export function requireKey(secret: string): string {
  const clean = secret.trim();
  if (!clean) throw new ApiKeyInputError('secret', 'Paste the key.');
  if (/\s/.test(clean)) {
    throw new ApiKeyInputError('secret', 'The key cannot contain spaces or line breaks.');
  }
  if (!HEADER_TEXT.test(clean)) {
    throw new ApiKeyInputError('secret', 'The key can hold only plain ASCII characters.');
  }
  if (clean.length > MAX_SECRET) {
    throw new ApiKeyInputError('secret', `The key is longer than ${MAX_SECRET} characters.`);
  }
  return clean;
}

function headerName(name: string, field: ApiKeyField): string {
  const clean = name.trim();
  if (!clean) throw new ApiKeyInputError(field, 'Give the header a name.');
  if (!HEADER_NAME.test(clean)) {
    throw new ApiKeyInputError(
      field,
      `"${clean.slice(0, 100)}" is not a header name (letters, digits and - only, no spaces or colons).`,
    );
  }
  if (RESERVED.has(clean.toLowerCase())) {
    throw new ApiKeyInputError(field, `${clean} is set by the HTTP client itself.`);
  }
  return clean;
}

function template(text: string, basicUser: string | undefined): string {
  const clean = text.trim();
  const hasToken = clean.includes(TOKEN);
  const hasBasic = clean.includes(BASIC);
  if (!hasToken && !hasBasic) {
    throw new ApiKeyInputError(
      'template',
      `Put ${TOKEN} where the key goes (or ${BASIC} for Basic), e.g. "${DEFAULT_TEMPLATE}".`,
    );
  }
  if (hasToken && hasBasic) {
    throw new ApiKeyInputError('template', `Use ${TOKEN} or ${BASIC}, not both.`);
  }
  if (!HEADER_TEXT.test(clean) || clean.length > MAX_TEMPLATE) {
    throw new ApiKeyInputError(
      'template',
      `Keep the template to one line of plain ASCII, at most ${MAX_TEMPLATE} characters.`,
    );
  }
  if (hasBasic && basicUser === undefined) {
    throw new ApiKeyInputError('basicUser', `${BASIC} needs the Basic user name.`);
  }
  if (!hasBasic && basicUser !== undefined) {
    throw new ApiKeyInputError('basicUser', `A user name is used only with ${BASIC_TEMPLATE}.`);
  }
  return clean;
}

function basicUser(user: string | undefined): string | undefined {
  if (user === undefined) return undefined;
  const clean = user.trim();
  if (!clean) throw new ApiKeyInputError('basicUser', 'Type the user name.');
  if (clean.includes(':')) {
    throw new ApiKeyInputError('basicUser', 'A Basic user name cannot contain a colon.');
  }
  if (!HEADER_TEXT.test(clean) || clean.length > MAX_USER) {
    throw new ApiKeyInputError(
      'basicUser',
      `Keep the user name to plain ASCII, at most ${MAX_USER} characters.`,
    );
  }
  return clean;
}

function extraHeaders(lines: readonly HeaderLine[], authName: string): HeaderLine[] {
  if (lines.length > MAX_EXTRA) {
    throw new ApiKeyInputError('extraHeaders', `At most ${MAX_EXTRA} extra headers.`);
  }
  const seen = new Set([authName.toLowerCase()]);
  return lines.map((line) => {
    const name = headerName(line.name, 'extraHeaders');
    const value = line.value.trim();
    if (seen.has(name.toLowerCase())) {
      throw new ApiKeyInputError(
        'extraHeaders',
        name.toLowerCase() === authName.toLowerCase()
          ? `${name} already carries the key.`
          : `${name} is there twice.`,
      );
    }
    seen.add(name.toLowerCase());
    if (!value) throw new ApiKeyInputError('extraHeaders', `${name} has no value.`);
    if (!HEADER_TEXT.test(value) || value.length > MAX_VALUE) {
      throw new ApiKeyInputError(
        'extraHeaders',
        `The value of ${name} must be one line of plain ASCII, at most ${MAX_VALUE} characters.`,
      );
    }
    return { name, value };
  });
}

/** `Name: value` (CLI `--extra-header`, one line of the dialog's box) -> a header line. */
export function parseHeaderLine(line: string): HeaderLine {
  const colon = line.indexOf(':');
  if (colon <= 0) {
    throw new ApiKeyInputError(
      'extraHeaders',
      `"${line.trim().slice(0, 100)}" is not "Name: value".`,
    );
  }
  return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
}

/**
 * The verification address: https, or plain http to this machine only (a test server), since
 * the request carries the key. No user:password@ and no fragment.
 */
export function verifyUrl(url: string | undefined): string | undefined {
  const clean = url?.trim();
  if (!clean) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(clean);
  } catch {
    throw new ApiKeyInputError(
      'verifyUrl',
      'Type a full address, e.g. https://api.example.com/v1/me.',
    );
  }
  if (parsed.protocol !== 'https:' && !isLoopbackHttp(clean)) {
    throw new ApiKeyInputError(
      'verifyUrl',
      'Use an https:// address: the check sends the key (plain http only to this computer).',
    );
  }
  if (parsed.username || parsed.password) {
    throw new ApiKeyInputError('verifyUrl', 'Leave user names and passwords out of the address.');
  }
  parsed.hash = '';
  const out = parsed.toString();
  if (out.length > MAX_URL) {
    throw new ApiKeyInputError('verifyUrl', `Keep the address under ${MAX_URL} characters.`);
  }
  return out;
}

function expiresAt(at: number | null, now: number): number | null {
  if (at === null) return null;
  if (!Number.isSafeInteger(at) || at <= 0) {
    throw new ApiKeyInputError('expiresAt', 'That is not a date.');
  }
  if (at <= now) throw new ApiKeyInputError('expiresAt', 'That date has already passed.');
  return at;
}

/** Checks and normalises everything but label and key; the first problem is thrown. */
export function checkApiKeyInput(input: ApiKeyInput, now: number): ApiKeyShape {
  const user = basicUser(input.basicUser);
  const name = headerName(input.headerName, 'headerName');
  const shape: ApiKeyShape = {
    headerName: name,
    template: template(input.template, user),
    extraHeaders: extraHeaders(input.extraHeaders, name),
    expiresAt: expiresAt(input.expiresAt, now),
  };
  if (user !== undefined) shape.basicUser = user;
  const url = verifyUrl(input.verifyUrl);
  if (url !== undefined) shape.verifyUrl = url;
  return shape;
}

/** The entry's header with the key in it; `sensitive` is what previews mask. */
export function fillTemplate(
  entry: Pick<ApiKeyEntry, 'headerName' | 'template' | 'basicUser'>,
  secret: string,
): AuthHeader {
  const basic =
    entry.basicUser === undefined
      ? undefined
      : Buffer.from(`${entry.basicUser}:${secret}`, 'utf8').toString('base64');
  const sensitive = basic !== undefined && entry.template.includes(BASIC) ? basic : secret;
  const value = entry.template
    .split(TOKEN)
    .join(secret)
    .split(BASIC)
    .join(basic ?? secret);
  return { name: entry.headerName, value, sensitive };
}

/**
 * The preview stored with the entry: a recognisable prefix such as `sk_live_` or `ghp_`
 * (up to 6 letters then `_` or `-`, at most twice) and the last 4 characters.
 */
export function keyPreview(secret: string): string {
  if (secret.length < 12) return '…';
  const prefix = /^(?:[A-Za-z]{1,6}[_-]){1,2}/.exec(secret)?.[0] ?? '';
  return `${prefix.length <= secret.length - 8 ? prefix : ''}…${secret.slice(-4)}`;
}
