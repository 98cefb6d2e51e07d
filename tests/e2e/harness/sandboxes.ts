// Provider sandboxes for e2e runs, and the two ways the outside world reaches main during an
// OAuth flow: the system browser's redirect to the app's scheme (a deep link) and the loopback
// listener. The fixture starts one Fax.Plus sandbox per test and points the core's endpoints
// at it through the same TOKENVAULT_*_URL variables the app reads.
import type { Page } from '@playwright/test';
import { DeepLinkQueue } from '../../../main/core/app/deep-link.queue';
import type { Core } from '../../../main/core/container';
import { findDeepLink } from '../../../main/core/oauth/deep-link.finder';
import { APP_SCHEME } from '../../../main/core/oauth/redirect.parser';
import { startApiKeySandbox, type ApiKeySandbox } from '../../sandbox/api-key/api-key.sandbox';
import { startFaxplusSandbox, type FaxplusSandbox } from '../../sandbox/faxplus/faxplus.sandbox';
import { startOAuth2Sandbox, type OAuth2Sandbox } from '../../sandbox/oauth2/oauth2.sandbox';
import { startSmsfactorSandbox, type SmsfactorSandbox } from '../../sandbox/smsfactor';

export interface Sandboxes {
  faxplus: FaxplusSandbox;
  smsfactor: SmsfactorSandbox;
  /** "Any API" for API-key entries: its routes are their verification URLs. */
  apiKeys: ApiKeySandbox;
  /** A strict generic OAuth 2.0 server (discovery, PKCE, rotation, revocation). */
  oauth2: OAuth2Sandbox;
  /** TOKENVAULT_*_URL overrides for createCore's env. */
  env: Record<string, string>;
  /**
   * Makes the sandboxes follow another clock (the core's FakeClock), so advancing it expires
   * the sandbox's tokens as well. Until called they use real time.
   */
  useClock(now: () => number): void;
  close(): Promise<void>;
}

export async function startSandboxes(): Promise<Sandboxes> {
  let now: () => number = Date.now;
  const faxplus = await startFaxplusSandbox({ clock: () => now() });
  const smsfactor = await startSmsfactorSandbox({ clock: { now: () => now() } });
  const apiKeys = await startApiKeySandbox();
  const oauth2 = await startOAuth2Sandbox({ clock: () => now() });
  return {
    faxplus,
    smsfactor,
    apiKeys,
    oauth2,
    env: {
      TOKENVAULT_FAXPLUS_ACCOUNTS_URL: faxplus.accountsUrl,
      TOKENVAULT_FAXPLUS_API_URL: faxplus.apiUrl,
      TOKENVAULT_SMSFACTOR_API_URL: smsfactor.apiUrl,
    },
    useClock(clock) {
      now = clock;
    },
    close: async () => {
      await Promise.all([faxplus.close(), smsfactor.close(), apiKeys.close(), oauth2.close()]);
    },
  };
}

/**
 * The OS path of a deep link without Electron: main/electron/deep-link.ts picks the URL out of
 * a second instance's argv with findDeepLink and pushes it into main/index.ts's DeepLinkQueue,
 * which hands it to core.handleDeepLink. This door does exactly that, so a test delivers a
 * redirect through the same code a real one takes.
 */
export class DeepLinkDoor {
  private readonly queue = new DeepLinkQueue();

  attach(core: Pick<Core, 'handleDeepLink'>): void {
    this.queue.attach((url) => core.handleDeepLink(url));
  }

  detach(): void {
    this.queue.detach();
  }

  /** A second instance started by the OS with the URL among Chromium's flags. */
  secondInstance(url: string): void {
    const argv = [
      '/opt/Token Vault/tokenvault',
      '--no-sandbox',
      url,
      '--original-process-start-time=1',
    ];
    const found = findDeepLink(argv);
    if (found) this.queue.push(found);
  }
}

/**
 * Plays the system browser's part on the sandbox's approval page: the decision POST answers
 * a redirect, captured here. A `dev.tokenvault:` Location cannot be navigated to by a plain
 * Chromium, so it is handed to `deliver` (the OS would start the app with it). Any other
 * Location (the loopback listener) must be followed by the caller with `page.goto`, as the
 * browser would (Chromium does not follow a redirect fulfilled into a form POST). The page
 * shows a short note meanwhile. Returns the captured redirects, newest last.
 */
export async function captureAuthorizeRedirects(
  page: Page,
  accountsUrl: string,
  deliver: (url: string) => void,
): Promise<string[]> {
  const seen: string[] = [];
  await page.route(`${accountsUrl}/login/decision`, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const location = response.headers()['location'] ?? '';
    seen.push(location);
    if (location.toLowerCase().startsWith(APP_SCHEME)) deliver(location);
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Redirecting</title><p>You can return to Token Vault.</p>',
    });
  });
  return seen;
}
