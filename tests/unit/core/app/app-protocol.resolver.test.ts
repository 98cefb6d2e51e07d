// security.md 6: the app:// scheme serves the built renderer and nothing outside it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  resolveAppRequest,
  serveAppRequest,
} from '../../../../main/core/app/app-protocol.resolver';
import { CONTENT_SECURITY_POLICY } from '../../../../main/core/app/csp.policy';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tv-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Token Vault</title>');
  writeFileSync(join(root, 'assets', 'index-1.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  // A secret next to the root: reachable only through traversal.
  writeFileSync(join(base, 'secret.txt'), 'TOP-SECRET');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = (url: string, method = 'GET') =>
  serveAppRequest(root, { url, method }, (p) => readFile(p));

describe('app:// requests (security.md 6)', () => {
  it.each([
    ['app://tokenvault/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://tokenvault/', 'index.html', 'text/html; charset=utf-8'],
    ['app://tokenvault', 'index.html', 'text/html; charset=utf-8'],
    [
      'app://tokenvault/assets/index-1.js?v=2#x',
      'assets/index-1.js',
      'text/javascript; charset=utf-8',
    ],
    ['app://tokenvault/assets/style.css', 'assets/style.css', 'text/css; charset=utf-8'],
    ['app://tokenvault/assets/logo.svg', 'assets/logo.svg', 'image/svg+xml'],
    ['app://tokenvault/assets/index%2D1.js', 'assets/index-1.js', 'text/javascript; charset=utf-8'],
  ])('%s -> %s as %s', async (url, file, type) => {
    const res = await serve(url);
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe(type);
    expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(Buffer.from(res.body ?? []).toString()).toBe(readFileSync(join(root, file), 'utf8'));
  });

  it('sends the CSP header with HTML documents', async () => {
    const res = await serve('app://tokenvault/index.html');
    expect(res.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://tokenvault/../secret.txt',
    'app://tokenvault/../../../../etc/passwd',
    'app://x/../../etc/passwd',
    'app://tokenvault/%2e%2e/secret.txt',
    'app://tokenvault/%2E%2E/secret.txt',
    'app://tokenvault/.%2e/secret.txt',
    'app://tokenvault/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://tokenvault/..%2fsecret.txt',
    'app://tokenvault/..%5csecret.txt',
    'app://tokenvault/..\\secret.txt',
    'app://tokenvault/%252e%252e/secret.txt',
    'app://tokenvault/index.html%00.js',
    'app://tokenvault/C:%2fWindows/win.ini',
    'app://tokenvault/c:/Windows/win.ini',
    'app://tokenvault/../renderer-evil/x.js',
    'app://tokenvault/%2e%2e/renderer-evil/x.js',
    'app://evil/index.html',
    'app://user@tokenvault/index.html',
    'app://tokenvault/missing.js',
    'app://tokenvault/assets',
    'app://tokenvault/assets/',
    'file:///etc/passwd',
    'https://tokenvault/index.html',
    'app://tokenvault/%E0%A4%A',
  ])('%s -> 404, never a file outside the root', async (url) => {
    const res = await serve(url);
    expect(res.status).toBe(404);
    expect(Buffer.from(res.body ?? []).toString()).not.toContain('TOP-SECRET');
    expect(Buffer.from(res.body ?? []).toString()).not.toContain('evil');
  });

  it('answers only GET and HEAD', async () => {
    expect((await serve('app://tokenvault/index.html', 'POST')).status).toBe(405);
    const head = await serve('app://tokenvault/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('plans a path inside the root without touching the disk', () => {
    const plan = resolveAppRequest(root, 'app://tokenvault/assets/index-1.js');
    expect(plan).toMatchObject({ status: 200, filePath: join(root, 'assets', 'index-1.js') });
  });
});
