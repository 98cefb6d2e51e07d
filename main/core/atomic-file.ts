// Writes a whole file or nothing: a new temp file beside the target (created exclusively with
// mode 0600, so no other account can read it even for a moment), fsync, then rename over the
// target. On any failure the temp file is removed and the target is as it was.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;

/** `.<target>.<pid>.<8 hex>.tmp`, as writeFileAtomic names its temporary file. */
const TEMP_NAME = /^\.(.+)\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * The name of the file a temporary file of writeFileAtomic was for (what a crash leaves
 * beside it), or undefined for any other name: for a folder's own sweep of leftovers.
 */
export function atomicTempTarget(name: string): string | undefined {
  return TEMP_NAME.exec(name)?.[1];
}

/**
 * `durable: false` skips the fsync, for a file that may be lost in a crash but never be seen
 * half-written (a cache: the rename still replaces it whole).
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { durable?: boolean } = {},
): void {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  // (atomicTempTarget below reads these names back.)
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
