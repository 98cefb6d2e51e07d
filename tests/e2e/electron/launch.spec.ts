// The real Electron app, launched by Playwright's `_electron` (security.md 1-4, 6-8 end to end).
// Electron's binary cannot be downloaded on every machine (not on the CI hosts of this repo);
// where it is missing the suite is reported skipped with the reason, never silently passed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { channels, events } from '../../../preload/api';

const repoRoot = join(import.meta.dirname, '../../..');

/** The binary the `electron` package would start, without its download-on-demand side effect. */
function electronBinary(): string | undefined {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

test.describe('Electron app', () => {
  test.skip(
    !binary,
    'Electron binary not installed (node_modules/electron/path.txt or dist/ missing; ' +
      'its download is blocked here). Runs on machines where `npx install-electron` worked.',
  );

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    expect(existsSync(join(repoRoot, 'out/main/index.mjs')), 'run `npm run build` first').toBe(
      true,
    );
    userData = mkdtempSync(join(tmpdir(), 'tv-electron-'));
    app = await electron.launch({
      executablePath: binary,
      args: [repoRoot],
      cwd: repoRoot,
      // Unpackaged runs honour TOKENVAULT_USER_DATA (main/index.ts): a fresh, private profile.
      env: { ...process.env, TOKENVAULT_USER_DATA: userData },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('serves the page from app://tokenvault, not file:// (security.md 6)', async () => {
    expect(page.url()).toBe('app://tokenvault/index.html');
    await expect(page).toHaveTitle('Token Vault');
  });

  test('the window has the secure webPreferences (security.md 1)', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is real but missing from electron.d.ts.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
        { getLastWebPreferences(): Record<string, unknown> | null } | undefined;
      const p = contents?.getLastWebPreferences();
      return p
        ? {
            contextIsolation: p['contextIsolation'],
            sandbox: p['sandbox'],
            nodeIntegration: p['nodeIntegration'],
            webSecurity: p['webSecurity'],
            webviewTag: p['webviewTag'],
            allowRunningInsecureContent: p['allowRunningInsecureContent'],
          }
        : null;
    });
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  test('the page sees the contract and nothing of Node or Electron (security.md 8)', async () => {
    const seen = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { tokenVault: object }).tokenVault).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(seen.keys).toEqual([...Object.keys(channels), ...Object.keys(events)].sort());
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
  });

  test('IPC answers the app page with a result union (security.md 7)', async () => {
    const status = await page.evaluate(() =>
      (
        window as unknown as { tokenVault: { getVaultStatus(): Promise<unknown> } }
      ).tokenVault.getVaultStatus(),
    );
    expect(status).toMatchObject({ ok: true, value: { exists: false, locked: true } });
  });

  test('navigation away and window.open are refused (security.md 3)', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    // Still the same document: a started navigation would destroy this evaluation context.
    expect(await page.evaluate(() => window.location.href)).toBe('app://tokenvault/index.html');
    expect(app.windows().length).toBe(1);
  });

  test('an injected inline script does not run (security.md 2)', async () => {
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });

  test('permission requests are denied (security.md 4)', async () => {
    const state = await page.evaluate(async () => {
      const result = await navigator.permissions.query({ name: 'geolocation' });
      return result.state;
    });
    expect(state).not.toBe('granted');
  });
});
