// Where the app's own page lives, and the predicates that decide whether a URL, a navigation
// or an IPC sender belongs to it (security.md 3, 6, 7). The page is served from a privileged
// custom scheme, never file://, so "our origin" is one exact scheme + host pair.
//
// Note: Node's WHATWG URL reports `origin === 'null'` for non-special schemes such as app:,
// so every check here compares protocol and host explicitly instead of `URL.origin`.

export const APP_SCHEME = 'app';
export const APP_HOST = 'tokenvault';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the window loads in a packaged or built app. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Origins trusted as "the app's page". `devServerUrl` (Vite, `npm run dev`) is added only by
 * the shell when the app is not packaged; a packaged app trusts app://tokenvault alone.
 */
export function appOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl) {
    const parsed = parseUrl(devServerUrl);
    if (parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
      origins.push(`${parsed.protocol}//${parsed.host}`);
    }
  }
  return origins;
}

/** True when `url` is a page of the app itself (same scheme and host, no user-info). */
export function isAppUrl(url: string, origins: readonly string[] = [APP_ORIGIN]): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
  return origins.includes(`${parsed.protocol}//${parsed.host}`);
}

/** `will-navigate` / `will-redirect`: only the app's own pages (security.md 3). */
export function isAllowedNavigation(
  url: string,
  origins: readonly string[] = [APP_ORIGIN],
): boolean {
  return isAppUrl(url, origins);
}

/** What the shell knows about the frame that sent an IPC message. */
export interface SenderFrame {
  /** `event.senderFrame.url`; undefined when the frame is gone. */
  url: string | undefined;
  /** The frame is the top-level frame of its window (an iframe is never trusted). */
  isMainFrame: boolean;
}

/** An IPC call is answered only for the app's own top-level page (security.md 7). */
export function isTrustedSenderFrame(
  frame: SenderFrame | null | undefined,
  origins: readonly string[] = [APP_ORIGIN],
): boolean {
  if (!frame || !frame.isMainFrame || typeof frame.url !== 'string') return false;
  return isAppUrl(frame.url, origins);
}

function parseUrl(url: string): URL | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
