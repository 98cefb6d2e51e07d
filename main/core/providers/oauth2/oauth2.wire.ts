// oauth4webapi speaks fetch; this is its fetch, over the app's HttpClient (timeouts, one retry
// of a GET, no retry of a POST, loopback-only transport in tests). It also evens out what
// real servers send (providers.md), so the protocol code stays generic:
//   - a form-encoded token answer (GitHub's default) becomes the same JSON
//   - an error sent with HTTP 200 (GitHub's `error` field, Slack's `"ok": false`) becomes
//     the 400 error answer RFC 6749 5.2 describes, so it is handled as one
//   - Slack's bot token answer has no `token_type`; it is a bearer token
import {
  allowInsecureRequests as allowInsecure,
  customFetch,
  type CustomFetchOptions,
} from 'oauth4webapi';
import { APP_USER_AGENT, isLoopbackHttp, type HttpClient } from '../http';

type Fetch = (url: string, options: CustomFetchOptions<string, unknown>) => Promise<Response>;

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  throw new TypeError('Unsupported request body.');
}

/** JSON of a token-endpoint answer, whatever its encoding; undefined when it is neither. */
export function tokenAnswerJson(
  contentType: string,
  text: string,
): Record<string, unknown> | undefined {
  if (/application\/x-www-form-urlencoded/i.test(contentType)) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (/json/i.test(contentType)) {
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The answer as RFC 6749 would have it: JSON, errors as 400, a bearer token_type. */
export function normaliseTokenAnswer(
  status: number,
  contentType: string,
  text: string,
): { status: number; json?: Record<string, unknown> } {
  const json = tokenAnswerJson(contentType, text);
  if (!json) return { status };
  if (json['ok'] === false) {
    return {
      status: status === 200 ? 400 : status,
      json: { error: String(json['error'] ?? 'invalid_request'), ...json },
    };
  }
  if (status === 200 && typeof json['error'] === 'string') return { status: 400, json };
  if (status === 200 && typeof json['access_token'] === 'string' && !json['token_type']) {
    return { status, json: { ...json, token_type: 'bearer' } };
  }
  // expires_in sent as a string by form-encoded answers.
  for (const key of ['expires_in', 'refresh_token_expires_in']) {
    const value = json[key];
    if (typeof value === 'string' && /^\d+$/.test(value)) json[key] = Number(value);
  }
  return { status, json };
}

/** The fetch oauth4webapi calls, bound to our HTTP client. */
export function wireFetch(http: Pick<HttpClient, 'request'>): Fetch {
  return async (url, options) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers)) {
      // Ours names the app; theirs would be sent as a second User-Agent.
      if (name.toLowerCase() !== 'user-agent') headers[name] = value;
    }
    headers['User-Agent'] = APP_USER_AGENT;
    const method = options.method === 'POST' ? 'POST' : 'GET';
    // Form-encoded answers are asked for as JSON where the server honours it (GitHub).
    if (method === 'POST') headers['accept'] = 'application/json';
    const body = bodyText(options.body);
    const res = await http.request({ method, url, headers, ...(body ? { body } : {}) });
    const contentType = res.headers['content-type'] ?? '';
    if (method === 'POST') {
      const normal = normaliseTokenAnswer(res.status, contentType, res.body);
      if (normal.json) {
        return new Response(JSON.stringify(normal.json), {
          status: normal.status,
          headers: { 'content-type': 'application/json' },
        });
      }
    }
    return new Response(res.status === 204 || res.status === 304 ? null : res.body, {
      status: res.status,
      headers: res.headers,
    });
  };
}

/** The options every oauth4webapi call gets: our fetch, and plain http only to loopback. */
export function wireOptions(http: Pick<HttpClient, 'request'>, url: string) {
  return {
    [customFetch]: wireFetch(http),
    ...(isLoopbackHttp(url) ? { [allowInsecure]: true } : {}),
  };
}
