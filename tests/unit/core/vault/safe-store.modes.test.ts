// security.md 26 beyond the plain save: every file recovery leaves behind — the damaged copy
// moved aside, the restored vault file and its backup — is readable by the owner only, even
// when the damage (a sync tool, an editor, a hand-copied backup) came with a wider mode.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStore } from '../../../../main/core/vault/safe-store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'safe-store-modes-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const isDoc = (text: string) => {
  try {
    return (JSON.parse(text) as { kind?: string }).kind === 'doc';
  } catch {
    return false;
  }
};
const doc = (n: number) => JSON.stringify({ kind: 'doc', n });
const mode = (path: string) => fs.statSync(path).mode & 0o777;
const store = () =>
  createSafeStore({ dir, name: 'vault', validate: isDoc, now: () => Date.UTC(2026, 0, 2) });
const corruptCopies = () =>
  fs
    .readdirSync(dir)
    .filter((n) => n.startsWith('vault.corrupt-'))
    .map((n) => join(dir, n));

/** A vault and its backup saved normally, then the given damage done by someone else. */
function savedThen(damage: (paths: { path: string; backupPath: string }) => void): void {
  const first = store();
  first.start();
  first.writeText(doc(1));
  first.writeText(doc(2));
  damage(first);
}

describe('file modes after recovery (security.md 26)', () => {
  it.each([
    ['0644', 0o644],
    ['0666', 0o666],
    ['0604', 0o604],
  ])(
    'a damaged vault file at mode %s -> the copy moved aside, the vault and the backup are 0600',
    (_label, wide) => {
      savedThen(({ path, backupPath }) => {
        fs.writeFileSync(path, '{"kind":"do');
        fs.chmodSync(path, wide);
        fs.chmodSync(backupPath, wide);
      });
      const again = store();
      expect(again.start().notice).toMatch(/damaged.*restored/);
      expect(again.readText()).toBe(doc(2));
      const aside = corruptCopies();
      expect(aside).toHaveLength(1);
      expect(mode(aside[0] ?? '')).toBe(0o600);
      expect(mode(again.path)).toBe(0o600);
      expect(mode(again.backupPath)).toBe(0o600);
    },
  );

  it('a damaged file with no readable backup -> the copy moved aside is 0600', () => {
    fs.writeFileSync(join(dir, 'vault.json'), '{"kind":"do');
    fs.chmodSync(join(dir, 'vault.json'), 0o644);
    expect(store().start().notice).toMatch(/no backup could be read/);
    const aside = corruptCopies();
    expect(aside).toHaveLength(1);
    expect(mode(aside[0] ?? '')).toBe(0o600);
  });

  it('a missing vault restored from a backup at 0644 -> both files 0600', () => {
    savedThen(({ path, backupPath }) => {
      fs.unlinkSync(path);
      fs.chmodSync(backupPath, 0o644);
    });
    const again = store();
    expect(again.start().notice).toMatch(/missing.*restored/);
    expect(again.readText()).toBe(doc(2));
    expect(mode(again.path)).toBe(0o600);
    expect(mode(again.backupPath)).toBe(0o600);
  });

  it('the next save after a restore keeps both files at 0600', () => {
    savedThen(({ path, backupPath }) => {
      fs.writeFileSync(path, 'garbage');
      fs.chmodSync(backupPath, 0o644);
    });
    const again = store();
    again.start();
    again.writeText(doc(3));
    expect(mode(again.path)).toBe(0o600);
    expect(mode(again.backupPath)).toBe(0o600);
  });
});
