import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FsLike } from '../../../../main/core/vault/fs-like';
import { createSafeStore } from '../../../../main/core/vault/safe-store';
import {
  backendOptions,
  fsBackend,
  type BackendFactory,
  type RawStore,
} from '../../../../main/core/vault/store-backend';
import { VaultError } from '../../../../main/core/vault/vault.types';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'safe-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const isDoc = (text: string) => {
  try {
    return (JSON.parse(text) as { kind?: string }).kind === 'doc';
  } catch {
    return false;
  }
};
const doc = (n: number) => JSON.stringify({ kind: 'doc', n, pad: 'x'.repeat(200) });
const mode = (path: string) => fs.statSync(path).mode & 0o777;

function enospc(): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device');
  error.code = 'ENOSPC';
  return error;
}

/** An fs whose writes go short and then fail, like a disk filling up mid-write. */
function fullDiskFs(): FsLike & { full: boolean } {
  const wrapper = {
    ...fs,
    full: false,
    writeSync: ((fd: number, buffer: Uint8Array, offset?: number) => {
      if (!wrapper.full) return fs.writeSync(fd, buffer, offset);
      const start = offset ?? 0;
      if (start === 0) return fs.writeSync(fd, buffer, 0, Math.floor(buffer.length / 3));
      throw enospc();
    }) as typeof fs.writeSync,
  };
  return wrapper;
}

describe('SafeStore', () => {
  it('writes, reads back, and keeps file and backup at mode 0600 (security.md 26)', () => {
    const store = createSafeStore({ dir, name: 'vault', validate: isDoc });
    store.start();
    store.writeText(doc(1));
    store.writeText(doc(2));
    expect(store.readText()).toBe(doc(2));
    expect(fs.readFileSync(store.backupPath, 'utf8')).toBe(doc(2));
    expect(mode(store.path)).toBe(0o600);
    expect(mode(store.backupPath)).toBe(0o600);
  });

  it('ENOSPC with short writes leaves the previous file byte for byte (security.md 24)', () => {
    const fakeFs = fullDiskFs();
    const store = createSafeStore({
      dir,
      name: 'vault',
      fs: fakeFs,
      backend: fsBackend(fakeFs),
      validate: isDoc,
    });
    store.start();
    store.writeText(doc(1));
    const before = fs.readFileSync(store.path);
    fakeFs.full = true;
    let caught: unknown;
    try {
      store.writeText(doc(2));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VaultError);
    expect((caught as VaultError).code).toBe('storage-error');
    expect((caught as VaultError).message).toMatch(/disk is full/);
    expect(fs.readFileSync(store.path).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.includes('tmp'))).toEqual([]);
  });

  it('a writer that truncates without throwing (conf on a full disk) is caught and undone', () => {
    const base = fsBackend(fs);
    let truncate = false;
    const leaky: BackendFactory = (options) => {
      const inner = base(options);
      return {
        path: inner.path,
        get store(): RawStore {
          return inner.store;
        },
        set store(value: RawStore) {
          inner.store = truncate ? { raw: value.raw.slice(0, 10) } : value;
        },
      };
    };
    const store = createSafeStore({ dir, name: 'vault', backend: leaky, validate: isDoc });
    store.start();
    store.writeText(doc(1));
    const before = fs.readFileSync(store.path);
    truncate = true;
    expect(() => store.writeText(doc(2))).toThrow(/did not read back intact/);
    expect(fs.readFileSync(store.path).equals(before)).toBe(true);
  });

  it('after a restore with no room for a copy, a failing save still says "storage error"', () => {
    const first = createSafeStore({ dir, name: 'vault', validate: isDoc });
    first.start();
    first.writeText(doc(1));
    first.writeText(doc(2));
    fs.writeFileSync(first.path, '{"kind":"do');
    // The disk is full: the backup can be neither copied nor linked, only renamed into place.
    const noRoom = Object.assign(fullDiskFs(), {
      copyFileSync: (() => {
        throw enospc();
      }) as typeof fs.copyFileSync,
      linkSync: (() => {
        throw enospc();
      }) as typeof fs.linkSync,
    });
    const store = createSafeStore({ dir, name: 'vault', validate: isDoc, fs: noRoom });
    expect(store.start().notice).toBeDefined();
    expect(store.readText()).toBe(doc(2));
    noRoom.full = true;
    const before = fs.readFileSync(store.path);
    expect(() => store.writeText(doc(3))).toThrow(
      expect.objectContaining({ code: 'storage-error' }) as unknown as Error,
    );
    expect(fs.readFileSync(store.path)).toEqual(before);
  });

  it('a failed first save leaves no file behind', () => {
    const fakeFs = fullDiskFs();
    fakeFs.full = true;
    const store = createSafeStore({
      dir,
      name: 'vault',
      fs: fakeFs,
      backend: fsBackend(fakeFs),
      validate: isDoc,
    });
    store.start();
    expect(() => store.writeText(doc(1))).toThrow(VaultError);
    expect(fs.existsSync(store.path)).toBe(false);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length - 7)],
    ['garbage', () => '\u0000\u0000not json'],
    ['JSON but not a document', () => '{"hello":"world"}'],
  ])('a %s file at start is moved aside and the backup restored (security.md 25)', (_n, damage) => {
    const store = createSafeStore({
      dir,
      name: 'vault',
      validate: isDoc,
      now: () => Date.UTC(2026, 0, 2),
    });
    store.start();
    store.writeText(doc(1));
    fs.writeFileSync(store.path, damage(doc(1)));
    const damaged = fs.readFileSync(store.path);

    const again = createSafeStore({
      dir,
      name: 'vault',
      validate: isDoc,
      now: () => Date.UTC(2026, 0, 2),
    });
    const report = again.start();
    expect(report.notice).toMatch(/damaged.*last good copy was restored/);
    expect(again.readText()).toBe(doc(1));
    const aside = fs.readdirSync(dir).filter((n) => n.startsWith('vault.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(join(dir, aside[0] ?? '')).equals(damaged)).toBe(true);
    expect(mode(again.path)).toBe(0o600);
  });

  it('a damaged file with no backup is kept aside and reported, never silently emptied', () => {
    fs.writeFileSync(join(dir, 'vault.json'), '{"kind":"do');
    const store = createSafeStore({ dir, name: 'vault', validate: isDoc });
    const report = store.start();
    expect(report.notice).toMatch(/no backup could be read/);
    expect(fs.readdirSync(dir).some((n) => n.startsWith('vault.corrupt-'))).toBe(true);
  });

  it('removes temp files left by an interrupted write at start', () => {
    const store = createSafeStore({ dir, name: 'vault', validate: isDoc });
    store.start();
    store.writeText(doc(1));
    for (const name of [
      'vault.json.tmp-1732284000abc123',
      'vault.json.bak.tmp',
      'vault.json.restore.tmp',
    ]) {
      fs.writeFileSync(join(dir, name), 'partial');
    }
    fs.writeFileSync(join(dir, 'other.json.tmp-1'), 'not ours');
    const report = createSafeStore({ dir, name: 'vault', validate: isDoc }).start();
    expect(report.removedTempFiles).toHaveLength(3);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'other.json.tmp-1',
      'vault.json',
      'vault.json.bak',
    ]);
  });

  it('tells when another process changed the file', () => {
    const a = createSafeStore({ dir, name: 'vault', validate: isDoc });
    const b = createSafeStore({ dir, name: 'vault', validate: isDoc });
    a.start();
    b.start();
    a.writeText(doc(1));
    expect(a.hasChangedOnDisk()).toBe(false);
    expect(b.hasChangedOnDisk()).toBe(true);
    b.readText();
    expect(b.hasChangedOnDisk()).toBe(false);
  });

  it('breaks a lock left by a dead process and refuses one held by a live one', () => {
    const store = createSafeStore({ dir, name: 'vault', validate: isDoc, lockTimeoutMs: 0 });
    store.start();
    const lockPath = `${store.path}.lock`;
    fs.writeFileSync(lockPath, `2147483646 ${Date.now()}`); // no such pid
    store.writeText(doc(1));
    expect(fs.existsSync(lockPath)).toBe(false);
    fs.writeFileSync(lockPath, `${process.ppid} ${Date.now()}`); // alive
    expect(() => store.writeText(doc(2))).toThrow(/busy/);
    expect(store.readText()).toBe(doc(1));
  });

  it('uses conf options that keep the text verbatim', () => {
    const options = backendOptions(dir, 'vault');
    expect(options.serialize({ raw: 'abc' })).toBe('abc');
    expect(options.deserialize('abc')).toEqual({ raw: 'abc' });
    expect(options.configFileMode).toBe(0o600);
  });
});
