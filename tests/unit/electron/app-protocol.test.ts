// security.md 6: main/electron/app-protocol.ts registers app:// as a privileged standard scheme
// (a real origin for the page, not file://) and serves the built renderer through the core's
// resolver, so a traversal attempt never reaches the disk.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/core/app/csp.policy';
import { handleAppScheme, registerAppScheme } from '../../../main/electron/app-protocol';
import { protocol, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// A renderer folder inside a parent that also holds a file the page must never read.
const parent = mkdtempSync(join(tmpdir(), 'tv-app-protocol-'));
const rootDir = join(parent, 'renderer');
mkdirSync(join(rootDir, 'assets'), { recursive: true });
writeFileSync(join(rootDir, 'index.html'), '<!doctype html><title>Token Vault</title>');
writeFileSync(join(rootDir, 'assets', 'index.js'), 'console.log("app")');
writeFileSync(join(parent, 'secret.txt'), 'outside the root');

afterAll(() => rmSync(parent, { recursive: true, force: true }));

beforeEach(() => {
  resetFakeElectron();
});

function serve(url: string, method = 'GET'): Promise<Response> {
  handleAppScheme(rootDir);
  const handler = protocol.handlers.get('app');
  if (!handler) throw new Error('app: was not handled');
  return handler({ url, method });
}

describe('registerAppScheme (security.md 6)', () => {
  it('registers app: as standard and secure, with fetch, and nothing that widens it', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
  });
});

describe('handleAppScheme (security.md 6)', () => {
  it('serves index.html with the CSP header', async () => {
    const res = await serve('app://tokenvault/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<title>Token Vault</title>');
  });

  it('serves a script asset without sniffing', async () => {
    const res = await serve('app://tokenvault/assets/index.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log("app")');
  });

  it.each([
    'app://tokenvault/../secret.txt',
    'app://tokenvault/assets/../../secret.txt',
    'app://tokenvault/%2e%2e/secret.txt',
    'app://tokenvault/..%2fsecret.txt',
    'app://tokenvault/..%5csecret.txt',
    'app://tokenvault/../../../../etc/passwd',
    'app://evil/index.html',
    'app://tokenvault/missing.html',
  ])('%s -> 404, nothing outside the root is read', async (url) => {
    const res = await serve(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the root');
  });

  it('refuses a POST and answers HEAD without a body', async () => {
    expect((await serve('app://tokenvault/index.html', 'POST')).status).toBe(405);
    const head = await serve('app://tokenvault/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
