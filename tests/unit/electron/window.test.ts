// security.md 1, 3, 4: the real main/electron/window.ts, run against a fake `electron`. The
// predicates are tested in tests/unit/core/app; here we check that the shell actually wires
// them to every navigation event, the window-open handler, <webview> and the session.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../main/core/app/app-origin.policy';
import { createElectronBrowser } from '../../../main/electron/browser';
import { createMainWindow, hardenSession, hardenWebContents } from '../../../main/electron/window';
import {
  BrowserWindow,
  FakeSession,
  FakeWebContents,
  resetFakeElectron,
  shell,
  type NavigationEvent,
} from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Contents = Parameters<typeof hardenWebContents>[0];
type Session = Parameters<typeof hardenSession>[0];

const origins = [APP_ORIGIN];
const navigationEvents: NavigationEvent[] = [
  'will-navigate',
  'will-redirect',
  'will-frame-navigate',
];

const foreignUrls = [
  'https://evil.example/',
  'https://accounts.fax.plus/login',
  'http://tokenvault/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://user@tokenvault/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://localhost:5173/',
  'not a url',
];

const appUrls = [APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/assets/index.js#x`];

function hardened(openExternal: (url: string) => void = () => undefined) {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as Contents, origins, openExternal);
  return contents;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('navigation guards (security.md 3)', () => {
  const foreign = navigationEvents.flatMap((name) => foreignUrls.map((url) => [name, url]));
  it.each(foreign)('%s to %s -> prevented', (name, url) => {
    expect(hardened().navigate(name as NavigationEvent, url)).toBe(true);
  });

  const own = navigationEvents.flatMap((name) => appUrls.map((url) => [name, url]));
  it.each(own)('%s to the app page %s -> allowed', (name, url) => {
    expect(hardened().navigate(name as NavigationEvent, url)).toBe(false);
  });

  it('trusts the Vite dev server only when the shell passes its origin', () => {
    const contents = new FakeWebContents();
    hardenWebContents(
      contents as unknown as Contents,
      [APP_ORIGIN, 'http://localhost:5173'],
      () => {
        throw new Error('not expected');
      },
    );
    expect(contents.navigate('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(hardened().navigate('will-navigate', 'http://localhost:5173/index.html')).toBe(true);
  });

  it.each(['app://tokenvault/index.html', 'https://evil.example/'])(
    'a <webview src=%s> is never attached',
    (src) => {
      expect(hardened().attachWebview(src)).toBe(true);
    },
  );
});

describe('new windows (security.md 3, 5)', () => {
  it.each(['https://www.fax.plus/', 'https://evil.example/', 'app://tokenvault/index.html'])(
    'window.open(%s) -> denied, the URL handed to openExternal',
    (url) => {
      const handed: string[] = [];
      const contents = hardened((u) => handed.push(u));
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
      expect(handed).toEqual([url]);
    },
  );

  // The composition in main/index.ts: the Browser adapter decides what reaches the OS.
  it('with the Browser adapter, only an allow-listed https link reaches shell.openExternal', async () => {
    const browser = createElectronBrowser();
    const pending: Promise<unknown>[] = [];
    const contents = hardened((url) => {
      pending.push(browser.openExternal(url).catch(() => undefined));
    });
    for (const url of [
      'https://www.fax.plus/pricing',
      'https://evil.example/',
      'file:///etc/passwd',
      'https://user@www.fax.plus.evil.example/',
    ]) {
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    }
    await Promise.all(pending);
    expect(shell.openExternal.mock.calls).toEqual([['https://www.fax.plus/pricing']]);
  });
});

describe('session permissions (security.md 4)', () => {
  const permissions = [
    'notifications',
    'media',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'idle-detection',
    'unknown',
  ];

  function hardenedSession() {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    return session;
  }

  it.each(permissions)('a request for %s from the app page -> callback(false)', (permission) => {
    const { requestHandler } = hardenedSession();
    const answers: boolean[] = [];
    expect(requestHandler).toBeTypeOf('function');
    requestHandler?.({}, permission, (granted) => answers.push(granted), {
      requestingUrl: APP_ENTRY_URL,
      isMainFrame: true,
    });
    expect(answers).toEqual([false]);
  });

  it.each(permissions)('a check for %s -> false, from any origin', (permission) => {
    const { checkHandler } = hardenedSession();
    expect(checkHandler).toBeTypeOf('function');
    expect(checkHandler?.({}, permission, APP_ORIGIN, {})).toBe(false);
    expect(checkHandler?.(null, permission, 'https://evil.example', {})).toBe(false);
  });

  it('a device (HID, USB, serial) permission -> false', () => {
    const { deviceHandler } = hardenedSession();
    expect(deviceHandler).toBeTypeOf('function');
    for (const deviceType of ['hid', 'usb', 'serial']) {
      expect(deviceHandler?.({ deviceType, origin: APP_ORIGIN, device: {} })).toBe(false);
    }
  });
});

describe('createMainWindow (security.md 1, 3)', () => {
  function open(devTools = false) {
    const opened: string[] = [];
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      entryUrl: APP_ENTRY_URL,
      origins,
      devTools,
      openExternal: (url) => opened.push(url),
    });
    expect(BrowserWindow.instances).toHaveLength(1);
    const win = BrowserWindow.instances[0] as BrowserWindow;
    const options = win.options as { show: boolean; webPreferences: Record<string, unknown> };
    return { win, options, prefs: options.webPreferences, opened };
  }

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
    ['preload', '/app/out/preload/index.cjs'],
  ])('the BrowserWindow is built with %s: %s', (key, value) => {
    expect(open().prefs[key]).toBe(value);
  });

  it('enables no Blink feature, passes no extra renderer argument, has no custom session', () => {
    const { prefs } = open();
    for (const key of [
      'enableBlinkFeatures',
      'additionalArguments',
      'partition',
      'session',
      'enableRemoteModule',
    ]) {
      expect(prefs).not.toHaveProperty(key);
    }
  });

  it('devTools follow the option (unpackaged runs only)', () => {
    expect(open(true).prefs['devTools']).toBe(true);
  });

  it('loads the entry URL, stays hidden until ready-to-show, has no menu', () => {
    const { win, options } = open();
    expect(options.show).toBe(false);
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    expect(win.menuRemoved).toBe(true);
    expect(win.shown).toBe(0);
    win.emit('ready-to-show');
    expect(win.shown).toBe(1);
  });

  it("hardens the window's own web contents", () => {
    const { win, opened } = open();
    expect(win.webContents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.webContents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(win.webContents.attachWebview('https://evil.example/')).toBe(true);
    expect(win.webContents.openWindow('https://www.fax.plus/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.fax.plus/']);
    expect(win.webContents.navigate('will-navigate', APP_ENTRY_URL)).toBe(false);
  });
});
