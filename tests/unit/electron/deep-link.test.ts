// security.md 15: main/electron/deep-link.ts. The OAuth redirect reaches the app as an argv
// entry (cold start, or another instance on Windows/Linux) with Chromium flags around it, or
// as macOS 'open-url'; the URL is picked by its scheme prefix, never by its position.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEEP_LINK_SCHEME, startDeepLinks } from '../../../main/electron/deep-link';
import { app, fakeEvent, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const LINK = 'dev.tokenvault:/oauth/faxplus?code=abc123&state=xyz';
const savedArgv = process.argv;
// Electron sets process.defaultApp in an unpackaged run; it is read-only in the typings.
const savedDefaultApp = Object.getOwnPropertyDescriptor(process, 'defaultApp');

function start(argv: string[] = ['/opt/Token Vault/tokenvault'], defaultApp = false) {
  process.argv = argv;
  Object.defineProperty(process, 'defaultApp', { value: defaultApp, configurable: true });
  const links: string[] = [];
  let focused = 0;
  startDeepLinks({ onDeepLink: (url) => links.push(url), focusWindow: () => (focused += 1) });
  return { links, focused: () => focused };
}

beforeEach(() => {
  resetFakeElectron();
});

afterEach(() => {
  process.argv = savedArgv;
  if (savedDefaultApp) Object.defineProperty(process, 'defaultApp', savedDefaultApp);
  else Reflect.deleteProperty(process, 'defaultApp');
});

const chromiumArgv = (url: string) => [
  '/opt/Token Vault/tokenvault',
  '--allow-file-access-from-files',
  url,
  '--original-process-start-time=13370000000000000',
  '--enable-features=Foo',
];

describe('scheme registration', () => {
  it('registers dev.tokenvault as the handler in a packaged app', () => {
    start();
    expect(DEEP_LINK_SCHEME).toBe('dev.tokenvault');
    expect(app.protocolClients).toEqual([['dev.tokenvault']]);
  });

  it('unpackaged: registers electron with the app folder as its argument', () => {
    start(['/usr/lib/electron/electron', './app-folder'], true);
    expect(app.protocolClients).toEqual([
      ['dev.tokenvault', process.execPath, [resolve('./app-folder')]],
    ]);
  });
});

describe('cold start argv (security.md 15)', () => {
  it('finds the URL among Chromium flags', () => {
    expect(start(chromiumArgv(LINK)).links).toEqual([LINK]);
  });

  it.each([
    ['quoted by the launcher', `"${LINK}"`, LINK],
    [
      'upper-case scheme',
      LINK.replace('dev.tokenvault', 'DEV.TOKENVAULT'),
      LINK.replace('dev.tokenvault', 'DEV.TOKENVAULT'),
    ],
  ])('finds it %s', (_name, arg, expected) => {
    expect(start(chromiumArgv(arg)).links).toEqual([expected]);
  });

  it.each([
    ['no deep link', ['/opt/tv', '--no-sandbox', '--enable-features=Foo']],
    ['a look-alike scheme', ['/opt/tv', 'dev.tokenvault.evil:/oauth/faxplus?code=x']],
    ['the scheme inside a flag', ['/opt/tv', `--url=${LINK}`]],
    ['an https URL', ['/opt/tv', 'https://evil.example/oauth/faxplus?code=x']],
  ])('%s -> nothing delivered', (_name, argv) => {
    expect(start(argv).links).toEqual([]);
  });
});

describe("another instance's argv (security.md 15)", () => {
  it('focuses the window and delivers the URL found among the flags', () => {
    const { links, focused } = start();
    app.emit('second-instance', fakeEvent({}), chromiumArgv(LINK), '/home/user', {});
    expect(links).toEqual([LINK]);
    expect(focused()).toBe(1);
  });

  it('a plain second start only focuses the window', () => {
    const { links, focused } = start();
    app.emit('second-instance', fakeEvent({}), ['/opt/tv', '--no-sandbox'], '/home/user', {});
    expect(links).toEqual([]);
    expect(focused()).toBe(1);
  });
});

describe("macOS 'open-url'", () => {
  it('prevents the default handling and delivers the URL', () => {
    const { links } = start();
    const event = fakeEvent({});
    app.emit('open-url', event, LINK);
    expect(event.prevented).toBe(true);
    expect(links).toEqual([LINK]);
  });

  it.each(['https://evil.example/', 'javascript:alert(1)', 'dev.tokenvaultx:/oauth', ''])(
    'a URL of another scheme (%j) is dropped',
    (url) => {
      const { links } = start();
      const event = fakeEvent({});
      app.emit('open-url', event, url);
      expect(event.prevented).toBe(true);
      expect(links).toEqual([]);
    },
  );
});
