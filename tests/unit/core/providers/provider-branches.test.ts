// "No code outside a provider's folder branches on a provider's name" (issue 20): shared code
// asks the registries (main/core/providers/registry.ts, renderer/features/kinds.ts and
// registry.ts). A provider's own places are its folders (main/core/providers/<id>/,
// renderer/features/<id>/) and the files named after it (its CLI commands and IPC handlers,
// e.g. create-smsfactor.command.ts, faxplus.handlers.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS, PROVIDER_IDS } from '../../../../main/core/providers/registry';

const ROOT = join(import.meta.dirname, '../../../..');
const REGISTRIES = new Set([
  'main/core/providers/registry.ts',
  'renderer/features/kinds.ts',
  'renderer/features/registry.ts',
]);
const NAMES = [...PROVIDER_IDS, ...ENTRY_KINDS];
const quoted = NAMES.map((n) => `'${n}'`).join('|');
/** A comparison or a case label on one of the names, in either order. */
const BRANCH = new RegExp(`(?:===|!==|\\bcase)\\s*(?:${quoted})|(?:${quoted})\\s*(?:===|!==)`);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = `${dir}/${d.name}`;
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(d.name) ? [path] : [];
  });
}

function providerOwned(path: string): boolean {
  const file = path.split('/').pop() ?? '';
  return PROVIDER_IDS.some(
    (p) =>
      path.startsWith(`main/core/providers/${p}/`) ||
      path.startsWith(`renderer/features/${p}/`) ||
      file.startsWith(`${p}.`) ||
      file.includes(`-${p}`),
  );
}

describe('provider names in branches', () => {
  it('the check sees a branch when there is one', () => {
    expect(BRANCH.test("if (entry.kind === 'faxplus-oauth') {")).toBe(true);
    expect(BRANCH.test("    case 'smsfactor':")).toBe(true);
    expect(BRANCH.test("'faxplus' !== provider")).toBe(true);
    expect(BRANCH.test("provider: 'faxplus',")).toBe(false);
  });

  it('appear only in a provider’s own folder or files and in the registries', () => {
    const offenders = ['main', 'renderer', 'preload']
      .flatMap(sourceFiles)
      .filter((path) => !REGISTRIES.has(path) && !providerOwned(path))
      .flatMap((path) =>
        readFileSync(join(ROOT, path), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative('.', path)}:${i + 1}` }))
          .filter(({ line }) => BRANCH.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
