// The `.bak` copy behind SafeStore: writing it and putting it back. Shared by the verified
// write path (roll back a failed save) and start-up recovery (replace a damaged file).
import type { FsLike } from './fs-like';
import { VaultError } from './vault.types';

/** Vault files hold sealed secrets: owner read/write only, whoever created them. */
export const FILE_MODE = 0o600;

export interface BackupPaths {
  fs: FsLike;
  /** The document file, e.g. …/vault.json. */
  path: string;
  /** Its last-good copy, …/vault.json.bak. */
  backupPath: string;
}

export function removeIfPresent(fs: FsLike, path: string): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // not there
  }
}

/** Copies the file to the backup through a temp name, so a failed copy never damages the backup. */
export function copyToBackup({ fs, path, backupPath }: BackupPaths): void {
  const temp = `${backupPath}.tmp`;
  try {
    fs.copyFileSync(path, temp);
    fs.chmodSync(temp, FILE_MODE);
    fs.renameSync(temp, backupPath);
  } catch (error) {
    removeIfPresent(fs, temp);
    throw new VaultError('storage-error', `Could not write the backup${describeFailure(error)}.`);
  }
}

/**
 * Puts the backup's bytes back at the main path. Copying first keeps the two independent;
 * on a full disk a hard link needs no space; renaming the backup is the last resort.
 * `onNotIndependent` is called when a fallback left the backup shared with, or moved to, the
 * file, so the caller re-checks the backup before its next write.
 */
export function restoreBackup(
  { fs, path, backupPath }: BackupPaths,
  onNotIndependent: () => void,
): void {
  const temp = `${path}.restore.tmp`;
  // copyFileSync carries the backup's mode over, and the backup may have been put there by
  // hand: both files end at 0600, and the restored file never has its name at a wider mode.
  try {
    fs.chmodSync(backupPath, FILE_MODE);
  } catch {
    // no backup to tighten; the copy below fails and the fallbacks report it
  }
  try {
    fs.copyFileSync(backupPath, temp);
    fs.chmodSync(temp, FILE_MODE);
    fs.renameSync(temp, path);
  } catch {
    removeIfPresent(fs, temp);
    try {
      fs.linkSync(backupPath, temp);
      fs.renameSync(temp, path);
      // rename() between two links of one inode does nothing and leaves the temp behind.
      removeIfPresent(fs, temp);
      onNotIndependent();
    } catch {
      removeIfPresent(fs, temp);
      fs.renameSync(backupPath, path);
      onNotIndependent();
    }
  }
  fs.chmodSync(path, FILE_MODE);
}

/** A short, secret-free reason for an error message: the errno code, or what failed. */
export function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return ' (the disk is full)';
  if (error instanceof Error && error.message === 'read-back')
    return ' (the file did not read back intact)';
  return code ? ` (${code})` : '';
}
