// The command line's build id (scripts/cli-bundle.mjs cliBuildId, main/cli/kept-values.ts): what
// a session's kept table is bound to, so a table drawn by one build is never printed by
// another.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliBuildId } from '../../../scripts/cli-bundle.mjs';
import { BUILD_ID } from '../../../main/cli/kept-values';

let root: string;
const put = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tokenvault-build-id-'));
  put('package.json', '{"version":"0.1.0"}');
  put('main/cli/list.command.ts', 'export const a = 1;\n');
  put('main/core/vault/vault-session.ts', 'export const b = 2;\n');
  put('preload/api.ts', 'export const c = 3;\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the build id', () => {
  it('is the same for the same sources, and changes with any source', () => {
    const id = cliBuildId(root);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cliBuildId(root)).toBe(id);
    put('main/cli/list.command.ts', 'export const a = 2;\n');
    const edited = cliBuildId(root);
    expect(edited).not.toBe(id);
    put('preload/api.ts', 'export const c = 4;\n');
    expect(cliBuildId(root)).not.toBe(edited);
  });

  it('names files too (a file moved is another build), and ignores what is not bundled', () => {
    const id = cliBuildId(root);
    put('main/cli/README-cli.md', '# notes');
    expect(cliBuildId(root)).toBe(id);
    rmSync(join(root, 'main/cli/list.command.ts'));
    put('main/cli/list2.command.ts', 'export const a = 1;\n');
    expect(cliBuildId(root)).not.toBe(id);
  });

  it('is "sources" when the command line runs unbundled', () => {
    expect(BUILD_ID).toBe('sources');
  });
});
