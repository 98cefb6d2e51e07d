// The Playwright fixture every e2e test uses: a fresh user-data folder, the real core and IPC
// handlers in the test process, the built renderer served with the app's headers, and a page
// whose window.tokenVault is the real preload API wired to those handlers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import type { EventName } from '../../../preload/api';
import { startAppCore, type AppCore } from './app-core';
import { FakeIpcMain } from './fake-ipc-main';
import { installBridge, readApiBundle } from './page-bridge';
import { DeepLinkDoor, startSandboxes, type Sandboxes } from './sandboxes';
import { screenshot } from './screenshots';
import { startStaticServer, type StaticServer } from './static-server';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface AppHarness {
  page: Page;
  /** Folder holding vault.json and settings.json for this test. */
  dataDir: string;
  /** http://127.0.0.1:<port>, answering like app://tokenvault. */
  origin: string;
  /** The running core; replaced by restart(). */
  readonly core: AppCore;
  ipc: FakeIpcMain;
  /** Quits and starts main's core again on the same folder (an app restart); reload the page after. */
  restart(): Promise<void>;
  /** Loads the app page and waits for React's first screen. */
  open(): Promise<void>;
  /** Pushes a main -> renderer event. */
  emit(event: EventName, payload: unknown): Promise<void>;
  /** Saves test-results/screenshots/<name>.png and attaches it to the report. */
  shot(name: string): Promise<void>;
  /** CSP violations Chromium reported on the console so far (our own page must cause none). */
  cspViolations(): string[];
  /**
   * Everything the page wrote to its console (`<type>: <text>`) and every uncaught page error
   * (`pageerror: <message and stack>`), in order: where a leaked secret would show (security.md 34).
   */
  consoleOutput(): string[];
  /** Provider sandboxes on 127.0.0.1 the core's endpoints point at (sharing the core's clock). */
  sandboxes: Sandboxes;
  /** Delivers a redirect URL as the OS does (second-instance argv -> deep-link queue -> core). */
  deepLink(url: string): void;
}

interface WorkerFixtures {
  built: { rendererDir: string; apiBundle: string; server: StaticServer };
}

export const test = base.extend<{ app: AppHarness }, WorkerFixtures>({
  built: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const rendererDir = join(repoRoot, 'out/renderer');
      const apiBundle = readApiBundle(repoRoot);
      const server = await startStaticServer(rendererDir);
      await use({ rendererDir, apiBundle, server });
      await server.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ page, built }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tokenvault-e2e-'));
    const ipc = new FakeIpcMain();
    const violations: string[] = [];
    const consoleLines: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      consoleLines.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      consoleLines.push(`pageerror: ${error.message}\n${error.stack ?? ''}`);
    });
    const bridge = await installBridge(page, ipc, built.apiBundle);
    const sandboxes = await startSandboxes();
    const deepLinks = new DeepLinkDoor();
    const start = async () => {
      const core = await startAppCore({
        dataDir,
        ipc,
        trustedOrigins: [built.server.origin],
        env: sandboxes.env,
      });
      const stopEvents = core.onEvent((event, payload) => void bridge.emit(event, payload));
      sandboxes.useClock(() => core.clock.now());
      deepLinks.attach(core.core);
      return { core, stopEvents };
    };
    let running = await start();
    const harness: AppHarness = {
      page,
      dataDir,
      origin: built.server.origin,
      get core() {
        return running.core;
      },
      ipc,
      async restart() {
        running.stopEvents();
        await running.core.stop();
        running = await start();
      },
      async open() {
        await page.goto(`${built.server.origin}/index.html`);
        await page.locator('#root > *').first().waitFor();
      },
      emit: (event, payload) => bridge.emit(event, payload),
      async shot(name) {
        await screenshot(page, testInfo, name);
      },
      cspViolations: () => [...violations],
      consoleOutput: () => [...consoleLines],
      sandboxes,
      deepLink: (url) => deepLinks.secondInstance(url),
    };
    await use(harness);
    running.stopEvents();
    deepLinks.detach();
    await running.core.stop();
    await sandboxes.close();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
