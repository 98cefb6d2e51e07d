// Gives the page the same `window.tokenVault` the preload builds in the app: the real
// `createApi` from preload/api.ts (bundled by scripts/build.mjs to out/e2e/api.js), whose
// invoke goes through a Playwright binding into main's registered IPC handlers and whose
// events are pushed from the test process. Init scripts run before any page script and are
// not subject to the page's CSP (like a preload).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { EventName } from '../../../preload/api';
import type { FakeIpcMain } from './fake-ipc-main';

/** The global the IIFE bundle out/e2e/api.js defines (see scripts/build.mjs). */
export const API_BUNDLE_GLOBAL = 'TokenVaultPreloadApi';
const BINDING = '__tokenVaultInvoke';
const EMIT = '__tokenVaultEmit';

export function readApiBundle(repoRoot: string): string {
  const file = resolve(repoRoot, 'out/e2e/api.js');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests.`);
  }
  return readFileSync(file, 'utf8');
}

/** Page-side glue: a listener registry standing in for ipcRenderer.on, then createApi. */
function glue(): string {
  return `(() => {
  const listeners = new Map();
  const invoke = (channel, payload) => window[${JSON.stringify(BINDING)}](channel, payload);
  const subscribe = (event, listener) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const relay = (payload) => listener(payload);
    set.add(relay);
    return () => { set.delete(relay); };
  };
  Object.defineProperty(window, ${JSON.stringify(EMIT)}, {
    value: (event, payload) => { for (const relay of listeners.get(event) ?? []) relay(payload); },
  });
  const api = ${API_BUNDLE_GLOBAL}.createApi(invoke, subscribe);
  Object.defineProperty(window, 'tokenVault', { value: api, enumerable: true });
})();`;
}

export interface PageBridge {
  /** Pushes a main -> renderer event into the page, as webContents.send would. */
  emit(event: EventName, payload: unknown): Promise<void>;
}

export async function installBridge(
  page: Page,
  ipc: FakeIpcMain,
  apiBundle: string,
): Promise<PageBridge> {
  await page.exposeBinding(BINDING, (source, channel: unknown, payload: unknown) =>
    ipc.invoke(String(channel), payload, {
      senderFrame: {
        url: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame(),
      },
    }),
  );
  await page.addInitScript({ content: `${apiBundle}\n;${glue()}` });
  return {
    async emit(event, payload) {
      try {
        await page.evaluate(
          ([name, value, emit]) => {
            const relay = (window as unknown as Record<string, unknown>)[emit];
            if (typeof relay === 'function') relay(name, value);
          },
          [event, payload, EMIT] as const,
        );
      } catch {
        // The page is navigating or closed; the next load fetches fresh state anyway.
      }
    },
  };
}
