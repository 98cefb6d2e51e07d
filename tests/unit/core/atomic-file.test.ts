import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../main/core/atomic-file';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'atomic-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces a file with mode 0600 and leaves no temp file', () => {
    const dir = temp();
    const path = join(dir, 'out.env');
    writeFileSync(path, 'old', { mode: 0o644 });
    writeFileAtomic(path, 'new contents');
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['out.env']);
  });

  it('on failure keeps the target as it was and removes the temp file', () => {
    const dir = temp();
    const path = join(dir, 'target');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
    // Renaming a file over a non-empty directory fails after the temp file was written.
    expect(() => writeFileAtomic(path, 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['target']);
    expect(readdirSync(path)).toEqual(['inside']);
  });
});
