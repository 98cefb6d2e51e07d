// Turns an SMSFactor body (JSON or XML) into a checked object, and reads its fields leniently:
// ids come as strings or numbers, XML gives every leaf as a string and arrays as repeated
// siblings (one element looks like a plain value), null may be the text `null`.
import { ProviderError } from '../http';
import { parseXml, rootElement, XmlParseError, MAX_XML_BYTES } from './smsfactor.xml';

export type Body = Record<string, unknown>;

const ERROR_TEXT_MAX = 200;

function isRecord(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(reason: string, status?: number): ProviderError {
  return new ProviderError(
    'provider-error',
    `SMSFactor sent an answer that could not be read (${reason}).`,
    status,
  );
}

/** Parses by what the body looks like, not only by what was asked: the API may answer XML. */
export function decodeBody(raw: string, httpStatus: number): Body {
  if (Buffer.byteLength(raw, 'utf8') > MAX_XML_BYTES) throw bad('answer too large', httpStatus);
  const text = raw.trim();
  // Judged by the body, not the Content-Type: PHP back ends often label JSON as text/html.
  if (/^(<!doctype\s+html|<html[\s>])/i.test(text)) {
    throw new ProviderError(
      'provider-error',
      httpStatus >= 400
        ? `SMSFactor is unavailable (HTTP ${httpStatus}, an HTML error page).`
        : 'SMSFactor sent a web page instead of an API answer.',
      httpStatus,
    );
  }
  if (text.startsWith('<')) {
    try {
      const doc = parseXml(text);
      const root = rootElement(doc);
      if (!root) throw bad('XML without a single root element', httpStatus);
      return root;
    } catch (err) {
      if (err instanceof XmlParseError) throw bad(err.message, httpStatus);
      throw err;
    }
  }
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw bad('malformed JSON', httpStatus);
    }
    if (isRecord(parsed)) return parsed;
  }
  throw bad(text === '' ? 'empty body' : 'neither JSON nor XML', httpStatus);
}

/** Control characters out, length capped: provider text is shown in the UI as is. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > ERROR_TEXT_MAX ? `${flat.slice(0, ERROR_TEXT_MAX)}…` : flat;
}

export function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v === 'null' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** An id that may come as `"2"` or `2`; always returned as a string. */
export function asId(v: unknown): string | undefined {
  const t = asText(v)?.trim();
  return t && /^[0-9A-Za-z_-]{1,64}$/.test(t) ? t : undefined;
}

export function asBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  const t = asText(v)?.toLowerCase();
  return t === '1' || t === 'true' || t === 'yes';
}

export function asInt(v: unknown): number | null {
  const t = asText(v);
  if (t === undefined || !/^\d+$/.test(t.trim())) return null;
  return Number(t);
}

/**
 * A list that may be a JSON array, repeated XML siblings (already an array), one element (a
 * plain value), a wrapper element (`<tokens><token>…</token></tokens>`), empty or null.
 */
export function asList(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '' || v === 'null') return [];
  if (Array.isArray(v)) return v.flatMap((x) => (Array.isArray(x) ? asList(x) : [x]));
  if (isRecord(v)) {
    const keys = Object.keys(v);
    const only = keys.length === 1 ? v[keys[0] as string] : undefined;
    if (only !== undefined && (Array.isArray(only) || isRecord(only))) return asList(only);
    if (keys.length === 0) return [];
  }
  return [v];
}

export function asRecord(v: unknown): Body | undefined {
  return isRecord(v) ? v : undefined;
}

/**
 * Success is `status === 1` (number or string), never the HTTP code: a bad token comes back
 * as HTTP 200 with status -1. A body with only `error` is an error too.
 */
export function checkStatus(body: Body, httpStatus: number, secrets: readonly string[]): Body {
  const status = asText(body.status)?.trim();
  if (status === '1') return body;
  const raw = asText(body.details) ?? asText(body.message) ?? asText(body.error);
  let text = raw ? clean(raw) : '';
  for (const s of secrets) if (s.length >= 4) text = text.split(s).join('[redacted]');
  if (status === '-1') {
    return fail('auth-error', `SMSFactor refused the token: ${text || 'authentication error'}.`);
  }
  if (status === undefined && raw === undefined) {
    throw bad(`no status (HTTP ${httpStatus})`, httpStatus);
  }
  const label = status ? `status ${status}` : `HTTP ${httpStatus}`;
  return fail('provider-error', `SMSFactor error (${label}): ${text || 'no details'}.`);

  function fail(code: 'auth-error' | 'provider-error', message: string): never {
    throw new ProviderError(code, message, httpStatus, status);
  }
}
