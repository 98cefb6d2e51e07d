// Start-up recovery for SafeStore, run under the store's lock before anything reads the file:
// temp files of interrupted writes are removed, and a damaged file is set aside (never
// deleted: it may be the only copy of something) and replaced by the last-good backup.
import { basename, dirname, join } from 'node:path';
import type { FsLike } from './fs-like';
import { FILE_MODE } from './safe-store-backup';

/** Deletes `<file>.…tmp…` leftovers of writes a crash interrupted; returns their names. */
export function removeTempFiles(fs: FsLike, path: string): string[] {
  const base = basename(path);
  const removed: string[] = [];
  for (const name of fs.readdirSync(dirname(path))) {
    if (!name.startsWith(`${base}.`) || !/\.tmp(-|$)/.test(name)) continue;
    fs.unlinkSync(join(dirname(path), name));
    removed.push(name);
  }
  return removed;
}

export interface RecoveryDeps {
  fs: FsLike;
  path: string;
  backupPath: string;
  /** File name without extension, for the `<name>.corrupt-<time>.json` copy. */
  name: string;
  now: () => number;
  validate: (text: string) => boolean;
  /** Puts the backup back at `path` (SafeStore's restore, which tracks the backup's state). */
  restore: () => void;
}

export interface RecoveryResult {
  /** A sentence for the user when the file had to be set aside or restored. */
  notice: string | undefined;
  /** Whether the backup was restored (so it is known to equal the file). */
  restored: boolean;
}

function readIfValid(deps: RecoveryDeps, path: string): string | undefined {
  try {
    const text = deps.fs.readFileSync(path, 'utf8');
    return deps.validate(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Leaves a valid file alone; otherwise sets a damaged one aside and restores the backup. */
export function recoverFile(deps: RecoveryDeps): RecoveryResult {
  const { fs, path } = deps;
  const exists = fs.existsSync(path);
  if (exists && readIfValid(deps, path) !== undefined)
    return { notice: undefined, restored: false };
  const backup = readIfValid(deps, deps.backupPath);
  let movedTo: string | undefined;
  if (exists) {
    const stamp = new Date(deps.now()).toISOString().replace(/[:.]/g, '-');
    movedTo = join(dirname(path), `${deps.name}.corrupt-${stamp}.json`);
    // The damaged copy may still hold sealed secrets, and whatever damaged it (a sync tool,
    // an editor) may have widened its mode: tighten it before it gets its new name.
    fs.chmodSync(path, FILE_MODE);
    fs.renameSync(path, movedTo);
  }
  if (backup === undefined) {
    const notice = movedTo
      ? `The vault file was damaged and no backup could be read. It was kept as ${movedTo}.`
      : undefined;
    return { notice, restored: false };
  }
  deps.restore();
  const notice = movedTo
    ? `The vault file was damaged and was kept as ${movedTo}. The last good copy was ` +
      'restored; the most recent change may be missing.'
    : 'The vault file was missing; the last good copy was restored.';
  return { notice, restored: true };
}
