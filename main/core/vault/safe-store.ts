// Verified, recoverable persistence for one JSON document (DESIGN.md "Vault", security.md
// 23-26). conf's atomic writer can leave a truncated file on a full disk without throwing, so
// every save is read back; a last-good `.bak` (always equal to the last verified file) lets a
// failed save put the previous bytes back and lets start() recover from a damaged file.
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DocumentStore } from '../ports';
import { acquireFileLock, LockTimeoutError } from './file-lock';
import type { FsLike } from './fs-like';
import { backendOptions, confBackend, type BackendFactory, type ConfLike } from './store-backend';
import { VaultError } from './vault.types';

export interface SafeStoreOptions {
  dir: string;
  /** File name without extension, e.g. 'vault' -> vault.json. */
  name: string;
  backend?: BackendFactory;
  fs?: FsLike;
  /** Whether a file's text is a usable document; a file that fails is "corrupt". */
  validate?: (text: string) => boolean;
  now?: () => number;
  pid?: number;
  lockTimeoutMs?: number;
}

export interface StartReport {
  /** A sentence for the user when the file had to be recovered. */
  notice?: string;
  removedTempFiles: string[];
}

interface Fingerprint {
  size: number;
  mtimeMs: number;
  ino: number;
}

const FILE_MODE = 0o600;

function isValidJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export class SafeStore implements DocumentStore<unknown> {
  readonly path: string;
  readonly backupPath: string;
  private readonly fs: FsLike;
  private readonly validate: (text: string) => boolean;
  private readonly now: () => number;
  private backend: ConfLike | undefined;
  private seen: Fingerprint | undefined;
  private backupChecked = false;
  private lockDepth = 0;
  private releaseLock: (() => void) | undefined;

  constructor(private readonly options: SafeStoreOptions) {
    this.fs = options.fs ?? nodeFs;
    this.validate = options.validate ?? isValidJson;
    this.now = options.now ?? Date.now;
    this.path = join(options.dir, `${options.name}.json`);
    this.backupPath = `${this.path}.bak`;
  }

  /** Removes temp files of interrupted writes and recovers a damaged file. Takes the lock. */
  start(): StartReport {
    this.fs.mkdirSync(this.options.dir, { recursive: true, mode: 0o700 });
    return this.withLock(() => {
      const removedTempFiles = this.removeTempFiles();
      const notice = this.recover();
      this.fingerprint();
      return { notice, removedTempFiles };
    });
  }

  /** The file's text, or undefined when there is none. Remembers what was seen on disk. */
  readText(): string | undefined {
    const fp = this.statFile();
    if (!fp) {
      this.seen = undefined;
      return undefined;
    }
    const text = this.fs.readFileSync(this.path, 'utf8');
    this.seen = fp;
    return text;
  }

  read(): unknown {
    const text = this.readText();
    return text === undefined ? undefined : JSON.parse(text);
  }

  write(value: unknown): void {
    this.writeText(JSON.stringify(value));
  }

  /**
   * Saves `text` and proves it landed. On any failure the previous file is put back byte for
   * byte (or removed if there was none) and VaultError('storage-error') is thrown.
   */
  writeText(text: string): void {
    this.writeBytes(Buffer.from(text, 'utf8'));
  }

  /** As writeText, for callers that already hold the UTF-8 bytes (the vault's serializer). */
  writeBytes(bytes: Uint8Array): void {
    const expected = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.withLock(() => {
      const existed = this.fs.existsSync(this.path);
      if (existed) this.ensureBackup();
      let failure: unknown;
      try {
        this.getBackend().store = { raw: expected };
        if (!this.fs.readFileSync(this.path).equals(expected)) failure = new Error('read-back');
      } catch (error) {
        failure = error;
      }
      if (failure !== undefined) {
        this.rollback(existed);
        throw new VaultError(
          'storage-error',
          `Could not save to ${this.path}${describe(failure)}. Nothing was changed; ` +
            'free some disk space and try again.',
        );
      }
      this.fs.chmodSync(this.path, FILE_MODE);
      this.fingerprint();
      this.refreshBackup();
    });
  }

  /** Runs `fn` holding the cross-process lock file (re-entrant within this store). */
  withLock<R>(fn: () => R): R {
    if (this.lockDepth === 0) {
      try {
        this.releaseLock = acquireFileLock({
          path: `${this.path}.lock`,
          fs: this.fs,
          pid: this.options.pid ?? process.pid,
          // Real time on purpose: the lock coordinates real processes, and a test's fake clock
          // would never let a wait time out.
          now: Date.now,
          timeoutMs: this.options.lockTimeoutMs,
        });
      } catch (error) {
        if (error instanceof LockTimeoutError) {
          throw new VaultError(
            'storage-error',
            `The vault is busy in another Token Vault process (${describeHolder(error.holder)}).`,
          );
        }
        throw error;
      }
    }
    this.lockDepth += 1;
    try {
      return fn();
    } finally {
      this.lockDepth -= 1;
      if (this.lockDepth === 0) {
        this.releaseLock?.();
        this.releaseLock = undefined;
      }
    }
  }

  /** True when the file on disk is not the one this store last read or wrote. */
  hasChangedOnDisk(): boolean {
    const now = this.statFile();
    const seen = this.seen;
    if (!now || !seen) return now !== seen;
    return now.size !== seen.size || now.mtimeMs !== seen.mtimeMs || now.ino !== seen.ino;
  }

  private getBackend(): ConfLike {
    this.backend ??= (this.options.backend ?? confBackend)(
      backendOptions(this.options.dir, this.options.name),
    );
    return this.backend;
  }

  private statFile(): Fingerprint | undefined {
    try {
      const stat = this.fs.statSync(this.path);
      return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
    } catch {
      return undefined;
    }
  }

  private fingerprint(): void {
    this.seen = this.statFile();
  }

  private removeTempFiles(): string[] {
    const base = basename(this.path);
    const removed: string[] = [];
    for (const name of this.fs.readdirSync(dirname(this.path))) {
      if (!name.startsWith(`${base}.`) || !/\.tmp(-|$)/.test(name)) continue;
      this.fs.unlinkSync(join(dirname(this.path), name));
      removed.push(name);
    }
    return removed;
  }

  private readIfValid(path: string): string | undefined {
    try {
      const text = this.fs.readFileSync(path, 'utf8');
      return this.validate(text) ? text : undefined;
    } catch {
      return undefined;
    }
  }

  private recover(): string | undefined {
    const exists = this.fs.existsSync(this.path);
    if (exists && this.readIfValid(this.path) !== undefined) return undefined;
    const backup = this.readIfValid(this.backupPath);
    let movedTo: string | undefined;
    if (exists) {
      const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
      movedTo = join(dirname(this.path), `${this.options.name}.corrupt-${stamp}.json`);
      // The damaged copy may still hold sealed secrets, and whatever damaged it (a sync tool,
      // an editor) may have widened its mode: tighten it before it gets its new name.
      this.fs.chmodSync(this.path, FILE_MODE);
      this.fs.renameSync(this.path, movedTo);
    }
    if (backup === undefined) {
      return movedTo
        ? `The vault file was damaged and no backup could be read. It was kept as ${movedTo}.`
        : undefined;
    }
    this.restoreBackup();
    this.backupChecked = true;
    return movedTo
      ? `The vault file was damaged and was kept as ${movedTo}. The last good copy was ` +
          'restored; the most recent change may be missing.'
      : 'The vault file was missing; the last good copy was restored.';
  }

  /** Before the first write, makes sure the backup holds the current file's bytes. */
  private ensureBackup(): void {
    if (this.backupChecked) return;
    let same = false;
    try {
      const a = this.fs.readFileSync(this.path);
      const b = this.fs.readFileSync(this.backupPath);
      same = a.equals(b);
    } catch {
      same = false;
    }
    if (!same) this.copyToBackup(); // throws before the file is touched if the disk is full
    this.backupChecked = true;
  }

  /**
   * After a verified save: the backup becomes a copy of this file. A real copy, not a hard
   * link: a link would share blocks with the file, so damage written in place (an editor, a
   * sync tool, a bad sector) would hit both.
   */
  private refreshBackup(): void {
    try {
      this.copyToBackup();
    } catch {
      // The save itself is good; the next save refreshes the backup before touching the file.
      this.backupChecked = false;
    }
  }

  private removeIfPresent(path: string): void {
    try {
      this.fs.unlinkSync(path);
    } catch {
      // not there
    }
  }

  private copyToBackup(): void {
    const temp = `${this.backupPath}.tmp`;
    try {
      this.fs.copyFileSync(this.path, temp);
      this.fs.chmodSync(temp, FILE_MODE);
      this.fs.renameSync(temp, this.backupPath);
    } catch (error) {
      this.removeIfPresent(temp);
      throw new VaultError('storage-error', `Could not write the backup${describe(error)}.`);
    }
  }

  /**
   * Puts the backup's bytes back at the main path. Copying first keeps the two independent;
   * on a full disk a hard link needs no space; renaming the backup is the last resort.
   */
  private restoreBackup(): void {
    const temp = `${this.path}.restore.tmp`;
    // copyFileSync carries the backup's mode over, and the backup may have been put there by
    // hand: both files end at 0600, and the restored file never has its name at a wider mode.
    try {
      this.fs.chmodSync(this.backupPath, FILE_MODE);
    } catch {
      // no backup to tighten; the copy below fails and the fallbacks report it
    }
    try {
      this.fs.copyFileSync(this.backupPath, temp);
      this.fs.chmodSync(temp, FILE_MODE);
      this.fs.renameSync(temp, this.path);
    } catch {
      this.removeIfPresent(temp);
      try {
        this.fs.linkSync(this.backupPath, temp);
        this.fs.renameSync(temp, this.path);
        // rename() between two links of one inode does nothing and leaves the temp behind.
        this.removeIfPresent(temp);
        this.backupChecked = false;
      } catch {
        this.removeIfPresent(temp);
        this.fs.renameSync(this.backupPath, this.path);
        this.backupChecked = false;
      }
    }
    this.fs.chmodSync(this.path, FILE_MODE);
  }

  private rollback(existed: boolean): void {
    try {
      if (existed) this.restoreBackup();
      else if (this.fs.existsSync(this.path)) this.fs.unlinkSync(this.path);
    } finally {
      this.fingerprint();
    }
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return ' (the disk is full)';
  if (error instanceof Error && error.message === 'read-back')
    return ' (the file did not read back intact)';
  return code ? ` (${code})` : '';
}

export function createSafeStore(options: SafeStoreOptions): SafeStore {
  return new SafeStore(options);
}

function describeHolder(holder: string): string {
  const [pid, since] = holder.split(' ');
  const at = Number(since);
  return Number.isFinite(at) && pid
    ? `process ${pid}, since ${new Date(at).toISOString()}`
    : 'unknown';
}
