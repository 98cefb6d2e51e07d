// The Electronegativity gate (security.md 10) fails on a finding outside the exclusion list and
// on a file the tool cannot parse, although the tool itself exits 0 in both cases.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/electronegativity.mjs');

// Globals the tool reports for any tree without an Electron shell (no CSP, no navigation
// limit, no permission handler); the fixtures exclude them to isolate what each case tests.
const GLOBALS = [
  'CSP_GLOBAL_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
];

const CLEAN = 'export const answer = (n: number): number => n * 2;\n';
const FINDING =
  "import { BrowserWindow } from 'electron';\n" +
  'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true } });\n';
const BROKEN = 'export const x = (;\n';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A scratch project holding `app/<files>` and an exclusion list; returns its folder. */
function fixture(files: Record<string, string>, excluded: Array<{ rule: string; file?: string }>) {
  const root = mkdtempSync(join(tmpdir(), 'tv-en-test-'));
  roots.push(root);
  mkdirSync(join(root, 'app'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'app', name), text);
  const exclusions = [...GLOBALS.map((rule) => ({ rule })), ...excluded].map((x) => ({
    ...x,
    reason: 'fixture',
  }));
  writeFileSync(join(root, 'exclusions.json'), JSON.stringify({ exclusions }));
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ devDependencies: { electron: '45.4.1' } }),
  );
  return root;
}

/** Runs the real gate script as `npm test` does; resolves with its exit code and output. */
function gate(root: string): Promise<{ code: number; output: string }> {
  const args = [
    SCRIPT,
    '--root',
    root,
    '--dirs',
    'app',
    '--exclusions',
    join(root, 'exclusions.json'),
  ];
  return new Promise((done) => {
    execFile(process.execPath, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

// Each case spawns its own scan (about 2 s of parser start-up), so they run side by side.
describe.concurrent('electronegativity gate', () => {
  it('passes a tree with no findings (so the failures below are not vacuous)', async () => {
    const { code, output } = await gate(fixture({ 'clean.ts': CLEAN }, []));
    expect(output).toContain('0 finding(s)');
    expect(code).toBe(0);
  });

  it('fails on a finding outside the exclusion list and names it', async () => {
    const { code, output } = await gate(fixture({ 'clean.ts': CLEAN, 'window.ts': FINDING }, []));
    expect(code).toBe(1);
    expect(output).toMatch(/NODE_INTEGRATION_JS_CHECK at app\/window\.ts/);
  });

  it('accepts the same finding once it is excluded for that file', async () => {
    const rules = ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'];
    const root = fixture(
      { 'window.ts': FINDING },
      [...rules, 'AUXCLICK_JS_CHECK'].map((rule) => ({ rule, file: 'app/window.ts' })),
    );
    expect((await gate(root)).code).toBe(0);
  });

  it('fails on a file it cannot parse, even with nothing else found', async () => {
    const { code, output } = await gate(fixture({ 'clean.ts': CLEAN, 'bad.ts': BROKEN }, []));
    expect(code).toBe(1);
    expect(output).toMatch(/cannot parse app\/bad\.ts/);
  });
});
