// Verified, recoverable persistence for one JSON document (DESIGN.md "Vault", security.md
// 23-26). conf's atomic writer can leave a truncated file on a full disk without throwing, so
// every save is read back; a last-good `.bak` (always equal to the last verified file) lets a
// failed save put the previous bytes back and lets start() recover from a damaged file.
// Backup copy/restore is in safe-store-backup.ts, start-up recovery in safe-store-recovery.ts;
// this file keeps the lock, the verified write and change detection.
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import type { DocumentStore } from '../ports';
import { acquireFileLock, LockTimeoutError } from './file-lock';
import type { FsLike } from './fs-like';
import {
  FILE_MODE,
  copyToBackup,
  describeFailure,
  restoreBackup,
  type BackupPaths,
} from './safe-store-backup';
import { recoverFile, removeTempFiles } from './safe-store-recovery';
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
      const removedTempFiles = removeTempFiles(this.fs, this.path);
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
          `Could not save to ${this.path}${describeFailure(failure)}. Nothing was changed; ` +
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

  private get files(): BackupPaths {
    return { fs: this.fs, path: this.path, backupPath: this.backupPath };
  }

  /** Sets a damaged file aside and restores the backup (safe-store-recovery.ts). */
  private recover(): string | undefined {
    let independent = true;
    const { notice, restored } = recoverFile({
      fs: this.fs,
      path: this.path,
      backupPath: this.backupPath,
      name: this.options.name,
      now: this.now,
      validate: this.validate,
      restore: () => restoreBackup(this.files, () => (independent = false)),
    });
    // Just restored from it by a copy, so the backup equals the file and needs no check before
    // a write. After a fallback (link or rename) there is no separate backup: the first write
    // makes one before it touches the file.
    if (restored) this.backupChecked = independent;
    return notice;
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
    if (!same) copyToBackup(this.files); // throws before the file is touched if the disk is full
    this.backupChecked = true;
  }

  /**
   * After a verified save: the backup becomes a copy of this file. A real copy, not a hard
   * link: a link would share blocks with the file, so damage written in place (an editor, a
   * sync tool, a bad sector) would hit both.
   */
  private refreshBackup(): void {
    try {
      copyToBackup(this.files);
    } catch {
      // The save itself is good; the next save refreshes the backup before touching the file.
      this.backupChecked = false;
    }
  }

  /** Restores the backup; a fallback that left it shared or moved makes it unchecked. */
  private restoreBackup(): void {
    restoreBackup(this.files, () => {
      this.backupChecked = false;
    });
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
