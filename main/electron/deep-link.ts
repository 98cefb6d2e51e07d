// OS integration of the OAuth redirect scheme (DESIGN.md "Flows", RFC 8252 section 7.1):
// registration as the scheme's handler, and the three ways a URL arrives — another instance's
// argv (Windows/Linux), this process's argv on a cold start, and 'open-url' on macOS. The URL
// is picked from argv by its scheme prefix, never by its position (security.md 15).
import { resolve } from 'node:path';
import { app } from 'electron';
import { findDeepLink } from '../core/oauth/deep-link.finder';

export const DEEP_LINK_SCHEME = 'dev.tokenvault';

export interface DeepLinkOptions {
  /** Receives every candidate URL; the OAuth code parses and rejects junk. */
  onDeepLink(url: string): void;
  /** Bring the existing window forward when the user starts the app again. */
  focusWindow(): void;
}

/**
 * Call right after the single-instance lock was obtained and BEFORE 'ready': macOS may
 * deliver 'open-url' for a cold start before the app is ready.
 */
export function startDeepLinks(options: DeepLinkOptions): void {
  if (process.defaultApp) {
    // Unpackaged (`electron .`): the OS must start electron with the app folder as argument.
    const entry = process.argv[1];
    if (entry) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(entry)]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }

  app.on('second-instance', (_event, argv) => {
    options.focusWindow();
    const url = findDeepLink(argv);
    if (url) options.onDeepLink(url);
  });

  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (findDeepLink([url])) options.onDeepLink(url);
  });

  const coldStart = findDeepLink(process.argv);
  if (coldStart) options.onDeepLink(coldStart);
}
