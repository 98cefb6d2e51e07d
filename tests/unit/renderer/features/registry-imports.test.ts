// The renderer's add/detail registry must not import in a circle (issue 20): the provider
// dialogs and panels import only prop types (provider-ui.ts), never the registry.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');
const START = join(ROOT, 'renderer/features/registry.ts');

/** Relative imports of a file (type-only ones too: a circle of types is still a circle). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s*'(\.[^']+)'/g)) {
    const base = join(dirname(file), m[1] ?? '');
    const found = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find(existsSync);
    if (found) out.push(found);
  }
  return out;
}

/** A path of imports from `from` back to START, or undefined. */
function pathBack(from: string, seen = new Set<string>()): string[] | undefined {
  for (const next of importsOf(from)) {
    if (next === START) return [from, next];
    if (seen.has(next)) continue;
    seen.add(next);
    const rest = pathBack(next, seen);
    if (rest) return [from, ...rest];
  }
  return undefined;
}

describe('renderer/features/registry.ts', () => {
  it('imports the provider dialogs and panels', () => {
    expect(importsOf(START).map((f) => relative(ROOT, f))).toEqual(
      expect.arrayContaining([
        'renderer/features/faxplus/faxplus-connect.dialog.tsx',
        'renderer/features/smsfactor/smsfactor-add.dialog.tsx',
      ]),
    );
  });

  it('is not imported back by anything it imports', () => {
    const cycle = importsOf(START)
      .map((f) => pathBack(f))
      .find((p) => p !== undefined);
    expect(cycle?.map((f) => relative(ROOT, f))).toBeUndefined();
  });
});
