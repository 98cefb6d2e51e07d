// Turns Fax.Plus answers into ProviderError with a sentence the user can act on.
// Fax.Plus documents `{error, description}`; OAuth servers usually send `error_description`;
// an HTML page means a proxy or an outage. Every message passes through redaction because a
// provider may echo what we sent (codes, refresh tokens) back in its description.
import type { HttpResponse } from '../../ports';
import { ProviderError, redactSecrets } from '../http';

const MAX_DESCRIPTION = 200;

export function looksLikeHtml(res: HttpResponse): boolean {
  const type = res.headers['content-type'] ?? '';
  return /text\/html/i.test(type) || /^\s*</.test(res.body);
}

/** Parses a JSON body; undefined when the body is not a JSON object. */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function clean(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  // Strip control characters and cap the length: the text ends up in the UI and in logs.
  const flat = Array.from(text, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
    .join('')
    .replace(/ +/g, ' ')
    .trim();
  if (!flat) return undefined;
  return flat.length > MAX_DESCRIPTION ? `${flat.slice(0, MAX_DESCRIPTION)}…` : flat;
}

/**
 * Maps a failed (non-2xx, HTML, unparsable or `error`-carrying) answer to a ProviderError.
 * `what` names the operation for the message ("token exchange", "account check").
 */
export function faxplusError(
  res: HttpResponse,
  what: string,
  secrets: readonly (string | undefined)[],
): ProviderError {
  if (looksLikeHtml(res)) {
    return new ProviderError(
      'provider-error',
      `Fax.Plus gave an unexpected answer (HTML page, HTTP ${res.status}) during ${what}.`,
      res.status,
    );
  }
  const json = parseJsonObject(res.body);
  const code = clean(json?.error);
  const description = clean(json?.error_description) ?? clean(json?.description);
  // The description's own final period would double the sentence's: "(… expired.)."
  const detail = [code, description?.replace(/[.\s]+$/, '')].filter(Boolean).join(': ');
  const suffix = detail ? ` (${redactSecrets(detail, secrets)})` : '';

  if (code === 'invalid_grant') {
    return new ProviderError(
      'needs-reauth',
      `Fax.Plus no longer accepts this authorization during ${what}${suffix}. Re-authorize the entry.`,
      res.status,
      code,
    );
  }
  if (res.status === 401 || res.status === 403 || code === 'invalid_client') {
    return new ProviderError(
      'auth-error',
      `Fax.Plus refused the credentials during ${what} (HTTP ${res.status})${suffix}.`,
      res.status,
      code,
    );
  }
  if (res.status >= 500) {
    return new ProviderError(
      'provider-error',
      `Fax.Plus had a server error during ${what} (HTTP ${res.status})${suffix}.`,
      res.status,
      code,
    );
  }
  if (!json) {
    return new ProviderError(
      'provider-error',
      `Fax.Plus gave an unexpected answer during ${what} (HTTP ${res.status}, not JSON).`,
      res.status,
    );
  }
  return new ProviderError(
    'provider-error',
    `Fax.Plus rejected the ${what} (HTTP ${res.status})${suffix}.`,
    res.status,
    code,
  );
}

/** Re-wraps any thrown value so that no secret survives in its message. */
export function redactError(err: unknown, secrets: readonly (string | undefined)[]): ProviderError {
  if (err instanceof ProviderError) {
    const message = redactSecrets(err.message, secrets);
    return message === err.message
      ? err
      : new ProviderError(err.code, message, err.status, err.providerCode);
  }
  const text = err instanceof Error ? err.message : String(err);
  return new ProviderError(
    'network-error',
    redactSecrets(`Fax.Plus call failed: ${text}`, secrets),
  );
}
