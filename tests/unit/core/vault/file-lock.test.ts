import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockTimeoutError, acquireFileLock } from '../../../../main/core/vault/file-lock';

let dir: string;
let lockPath: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'lock-'));
  lockPath = join(dir, 'vault.json.lock');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Waiting moves a fake clock instead of sleeping. */
function options(alive: (pid: number) => boolean) {
  let now = Date.now();
  return {
    path: lockPath,
    fs,
    pid: 1000,
    now: () => now,
    pause: (ms: number) => {
      now += ms;
    },
    isAlive: alive,
  };
}

describe('file lock', () => {
  it('is exclusive and released by its owner', () => {
    const release = acquireFileLock(options(() => true));
    expect(fs.readFileSync(lockPath, 'utf8')).toMatch(/^1000 \d+$/);
    expect(() => acquireFileLock({ ...options(() => true), pid: 2000 })).toThrow(LockTimeoutError);
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('breaks a lock whose owner died (kill -9)', () => {
    fs.writeFileSync(lockPath, `4242 ${Date.now()}`);
    const release = acquireFileLock(options((pid) => pid !== 4242));
    expect(fs.readFileSync(lockPath, 'utf8')).toMatch(/^1000 /);
    release();
  });

  it('breaks an empty lock file (owner killed between create and write) after a moment', () => {
    fs.writeFileSync(lockPath, '');
    const opts = options(() => true);
    const release = acquireFileLock(opts);
    expect(fs.readFileSync(lockPath, 'utf8')).toMatch(/^1000 /);
    release();
  });

  it('breaks a lock older than the stale limit even if the pid looks alive (pid reuse)', () => {
    fs.writeFileSync(lockPath, `4242 ${Date.now() - 60_000}`);
    acquireFileLock(options(() => true))();
  });

  it('waits for a live holder and then gives up with who holds it', () => {
    fs.writeFileSync(lockPath, `4242 ${Date.now()}`);
    let caught: unknown;
    try {
      acquireFileLock({ ...options(() => true), timeoutMs: 5000 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LockTimeoutError);
    expect((caught as LockTimeoutError).holder).toMatch(/^4242 /);
  });
});
