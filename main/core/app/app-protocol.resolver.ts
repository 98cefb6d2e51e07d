// Maps app://tokenvault/<path> requests to files of the built renderer (security.md 6).
// The page is served from this privileged scheme rather than file://, so it gets a real
// origin, a CSP header, and no access to the rest of the disk: any path that tries to leave
// the root (raw or percent-encoded dot segments, encoded slashes, backslashes, NUL, drive
// letters) is answered 404 before the file system is touched.
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.policy';
import { CONTENT_SECURITY_POLICY } from './csp.policy';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRequestPlan =
  { status: 200; filePath: string; headers: Record<string, string> } | { status: 404 };

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** Raw-URL patterns refused before parsing, since the URL parser would hide them. */
const RAW_TRAVERSAL = /(^|[/\\])(\.|%2e){2}([/\\?#]|$)|%2f|%5c|%00|\\/i;

/** Decides which file answers `url`, without touching the disk. */
export function resolveAppRequest(rootDir: string, url: string): AppRequestPlan {
  if (typeof url !== 'string' || url.length > 4096) return { status: 404 };
  const afterScheme = url.slice(`${APP_SCHEME}://`.length);
  if (!url.toLowerCase().startsWith(`${APP_SCHEME}://`) || RAW_TRAVERSAL.test(afterScheme)) {
    return { status: 404 };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 404 };
  }
  if (parsed.host !== APP_HOST || parsed.username !== '' || parsed.password !== '') {
    return { status: 404 };
  }
  const rawSegments = parsed.pathname.split('/').filter((s) => s !== '');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return { status: 404 };
    }
    if (decoded === '.' || decoded === '..' || /[/\\:]/.test(decoded) || decoded.includes('\0')) {
      return { status: 404 };
    }
    segments.push(decoded);
  }
  if (segments.length === 0) segments.push('index.html');
  if (parsed.pathname.endsWith('/') && rawSegments.length > 0) return { status: 404 };

  const root = resolve(rootDir);
  const filePath = resolve(root, ...segments);
  if (!filePath.startsWith(root + sep)) return { status: 404 };

  const ext = extname(filePath).toLowerCase();
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  if (ext === '.html') headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return { status: 200, filePath, headers };
}

const NOT_FOUND: AppResponse = {
  status: 404,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body: new TextEncoder().encode('Not found'),
};

/**
 * Answers one request: the plan above plus the file read. `readFile` is injected (fs in the
 * shell, a temp dir in tests); any read failure (missing file, a directory) is a 404.
 */
export async function serveAppRequest(
  rootDir: string,
  request: { url: string; method: string },
  readFile: (path: string) => Promise<Uint8Array>,
): Promise<AppResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, headers: { Allow: 'GET, HEAD' }, body: null };
  }
  const plan = resolveAppRequest(rootDir, request.url);
  if (plan.status !== 200) return NOT_FOUND;
  let body: Uint8Array;
  try {
    body = await readFile(plan.filePath);
  } catch {
    return NOT_FOUND;
  }
  return { status: 200, headers: plan.headers, body: request.method === 'HEAD' ? null : body };
}
