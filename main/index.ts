// Composition root of the Electron app (DESIGN.md "Processes and trust", conventions 7):
// single-instance lock first; before 'ready' the app:// scheme and deep-link listeners;
// on 'ready' the session guards, the scheme handler, the core with Electron adapters, IPC,
// and the window. Everything else lives in main/core (plain Node, tested without Electron).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, session, type BrowserWindow } from 'electron';
import { APP_ENTRY_URL, appOrigins } from './core/app/app-origin.policy';
import { DeepLinkQueue } from './core/app/deep-link.queue';
import { createCore, overriddenProviderOrigins, type Core } from './core/container';
import { fetchTransport } from './core/providers/http';
import { nodeRandom } from './core/vault/crypto';
import { decideAllWindowsClosed, decideWindowClose } from './core/reminders/close-to-tray.policy';
import type { Clock, Scheduler } from './core/ports';
import { handleAppScheme, registerAppScheme } from './electron/app-protocol';
import { createElectronBrowser } from './electron/browser';
import { createElectronClipboard } from './electron/clipboard';
import { createElectronFileDialog } from './electron/file-dialog';
import { createElectronSafeStorage } from './electron/safe-storage';
import { startDeepLinks } from './electron/deep-link';
import { createEventSender, registerIpc } from './electron/ipc';
import { createElectronNotifier } from './electron/notifier';
import { watchPower } from './electron/power';
import { electronStoreBackend } from './electron/store';
import { createAppTray, type AppTray } from './electron/tray';
import { createMainWindow, hardenSession, hardenWebContents } from './electron/window';

// Bundled layout: out/main/index.mjs, out/preload/index.cjs, out/renderer/.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'index.cjs');
// scripts/build.mjs copies assets/tray/ here.
const trayIconDir = join(here, '..', 'tray');

// The Vite dev server is trusted only in an unpackaged run (npm run dev).
const devServerUrl = app.isPackaged ? undefined : process.env['VITE_DEV_SERVER_URL'];
const origins = appOrigins(devServerUrl);

const systemClock: Clock & Scheduler = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    // Node timers overflow past 2^31-1 ms and would fire at once; callers re-arm if needed.
    const timer = setTimeout(callback, Math.min(delayMs, 2 ** 31 - 1));
    return { cancel: () => clearTimeout(timer) };
  },
};

// Tests and side-by-side dev runs use their own profile; a packaged app ignores the variable.
const userDataOverride = process.env['TOKENVAULT_USER_DATA'];
if (!app.isPackaged && userDataOverride) app.setPath('userData', userDataOverride);

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the vault; it receives our argv (and any deep link) and takes over.
  app.quit();
} else {
  start();
}

function start(): void {
  let window: BrowserWindow | undefined;
  let core: Core | undefined;
  let tray: AppTray | undefined;
  let quitting = false;
  const cleanups: Array<() => void> = [];
  const browser = createElectronBrowser(overriddenProviderOrigins(process.env));
  const clipboard = createElectronClipboard();
  const openExternal = (url: string) => {
    browser.openExternal(url).catch(() => undefined);
  };
  const deepLinks = new DeepLinkQueue();

  const focusWindow = () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const openWindow = () => {
    window = createMainWindow({
      preloadPath,
      entryUrl: devServerUrl ?? APP_ENTRY_URL,
      origins,
      devTools: !app.isPackaged,
      openExternal,
    });
    // With close-to-tray on, closing hides the window: reminders and the tray stay alive.
    window.on('close', (event) => {
      const closeToTray = core?.settings.get().closeToTray ?? false;
      if (decideWindowClose({ closeToTray, trayAvailable: !!tray, quitting }) === 'hide') {
        event.preventDefault();
        window?.hide();
      }
    });
    window.on('closed', () => (window = undefined));
  };
  // A notification or tray click: the window may be hidden, or closed (macOS).
  const showWindow = () => {
    if (!window || window.isDestroyed()) openWindow();
    else focusWindow();
  };

  // Before 'ready': macOS delivers a cold-start 'open-url' early.
  startDeepLinks({ onDeepLink: deepLinks.push, focusWindow });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, origins, openExternal);
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      handleAppScheme(rendererDir);

      core = createCore({
        dataDir: app.getPath('userData'),
        clock: systemClock,
        scheduler: systemClock,
        random: nodeRandom(),
        storeBackend: electronStoreBackend,
        emit: createEventSender(() => window),
        clipboard,
        notifier: createElectronNotifier(),
        browser,
        http: fetchTransport,
        env: process.env,
        systemLocale: () => app.getLocale(),
        // Report lines carry no secret or URL by contract; they go to stderr only.
        log: (line) => console.warn(`[tokenvault] ${line}`),
        focusWindow: showWindow,
        fileDialog: createElectronFileDialog(() => window),
        safeStorage: createElectronSafeStorage(),
        platform: process.platform,
      });
      const activeCore = core;
      activeCore.start();

      cleanups.push(
        registerIpc(activeCore.handlers, origins, {
          onAccepted: (channel) => activeCore.onRequest(channel),
          // The error's name only: its message could quote a secret or a path.
          onInternalError: (channel, error) =>
            console.error(
              `[tokenvault] ${channel} failed: ${error instanceof Error ? error.name : typeof error}`,
            ),
        }),
        watchPower((event) => activeCore.onPowerEvent(event)),
      );

      tray = createAppTray({
        iconDir: trayIconDir,
        model: () => activeCore.tray.model(),
        onModelChange: (listener) => activeCore.tray.onChange(listener),
        onCommand: (command) => void activeCore.onTrayCommand(command),
        onQuit: () => app.quit(),
      });
      cleanups.push(() => tray?.destroy());

      openWindow();
      deepLinks.attach((url) => activeCore.handleDeepLink(url));

      app.on('activate', () => {
        if (!window) openWindow();
        else focusWindow();
      });
    })
    .catch((error: unknown) => {
      console.error(
        `[tokenvault] start-up failed: ${error instanceof Error ? error.name : 'error'}`,
      );
      app.quit();
    });

  app.on('window-all-closed', () => {
    const closeToTray = core?.settings.get().closeToTray ?? false;
    const decision = decideAllWindowsClosed({
      platform: process.platform,
      closeToTray,
      trayAvailable: !!tray,
    });
    if (decision === 'quit') app.quit();
  });

  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    deepLinks.detach();
    for (const cleanup of cleanups.splice(0)) cleanup();
    core?.stop();
    // Let the clipboard clear (async in Electron 45) finish before the process goes.
    event.preventDefault();
    void clipboard.settle().finally(() => app.quit());
  });
}
