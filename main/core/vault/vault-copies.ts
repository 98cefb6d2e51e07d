// Copies kept beside the vault file when something is about to replace what only it holds:
// the format-1 file before its conversion, and the last copy Token Vault itself saved when the
// current file turns out to have been changed outside it (the next save would overwrite .bak).
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MODE = 0o600;

function writeCopy(path: string, text: string): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, text, { mode: MODE });
  chmodSync(temp, MODE);
  renameSync(temp, path);
}

/** The format-1 file, kept as `<vault>.format1` before the conversion replaces it. */
export function keepLegacyCopy(vaultPath: string, text: string): string {
  const path = `${vaultPath}.format1`;
  if (!existsSync(path)) writeCopy(path, text);
  return path;
}

/**
 * Keeps the last copy Token Vault saved (`.bak`) as `<vault>.last-good` when it is intact and
 * differs from the changed file. Returns its path, or undefined when there is none to keep.
 */
export function keepLastGoodCopy(
  vaultPath: string,
  backupPath: string,
  intact: (text: string) => boolean,
): string | undefined {
  const target = `${vaultPath}.last-good`;
  let backup: string;
  try {
    backup = readFileSync(backupPath, 'utf8');
  } catch {
    return existsSync(target) ? target : undefined;
  }
  let current: string | undefined;
  try {
    current = readFileSync(vaultPath, 'utf8');
  } catch {
    current = undefined;
  }
  if (backup !== current && intact(backup)) {
    writeCopy(target, backup);
    return target;
  }
  return existsSync(target) && intact(readFileSync(target, 'utf8')) ? target : undefined;
}
