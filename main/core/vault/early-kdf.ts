// A KDF started before the code that needs it has loaded. The command line's bin (bin.ts)
// reads the KDF parameters from the vault file's first bytes and, with the password from the
// environment, starts PBKDF2 on libuv's thread pool; then it imports the program (tens of
// milliseconds of module loading) while the KDF runs. NativeOpener takes the result when
// password, salt and iterations are the same, and derives its own otherwise, so a guess that
// read another file, or another password, only costs the work. The pending key lives on
// globalThis under a registered symbol: the bin and the program are separate bundles, each
// with its own copy of this module. It is taken once; whoever takes it wipes it after use
// (vault-keys.ts unwrapDek).
import { pbkdf2 } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { KEY_BYTES } from './seal-format';

interface PendingKdf {
  password: string;
  /** base64 */
  salt: string;
  iterations: number;
  kek: Promise<Uint8Array>;
}

const SLOT = Symbol.for('tokenvault.pending-kdf');
const slot = globalThis as { [SLOT]?: PendingKdf };

/** PBKDF2-HMAC-SHA256 of the password (UTF-8), the vault's key-encryption key. */
export function deriveKek(
  password: string,
  salt: Uint8Array,
  iterations: number,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    pbkdf2(Buffer.from(password, 'utf8'), salt, iterations, KEY_BYTES, 'sha256', (err, key) => {
      if (err) reject(err);
      else resolve(new Uint8Array(key));
    });
  });
}

const saltText = (salt: Uint8Array) => Buffer.from(salt).toString('base64');

function isFor(
  pending: PendingKdf | undefined,
  password: string,
  salt: Uint8Array,
  iterations: number,
): pending is PendingKdf {
  return (
    pending !== undefined &&
    pending.password === password &&
    pending.iterations === iterations &&
    pending.salt === saltText(salt)
  );
}

/** Starts the KDF for these parameters, unless the same one is already pending. */
export function startKdf(password: string, salt: Uint8Array, iterations: number): void {
  if (isFor(slot[SLOT], password, salt, iterations)) return;
  const kek = deriveKek(password, salt, iterations);
  kek.catch(() => undefined);
  slot[SLOT] = { password, salt: saltText(salt), iterations, kek };
}

/** The pending KDF's key when it was started for exactly these parameters (taken once). */
export function takeKdf(
  password: string,
  salt: Uint8Array,
  iterations: number,
): Promise<Uint8Array> | undefined {
  const pending = slot[SLOT];
  if (!isFor(pending, password, salt, iterations)) return undefined;
  slot[SLOT] = undefined;
  return pending.kek;
}

/** Bytes read for the KDF parameters: the serializer writes them first, before any entry. */
const HEAD_BYTES = 512;

/**
 * The KDF parameters from the start of the file, or undefined when the start does not look
 * as the serializer writes it. Only a hint: the key made from them is used only when they
 * equal what the fully parsed file says, and it must still open the wrapped data key.
 */
export function readKdfHead(path: string): { salt: Uint8Array; iterations: number } | undefined {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const m =
    /^\{"formatVersion":\d+,"kdf":\{"algorithm":"pbkdf2-sha256","iterations":(\d+),"salt":"([A-Za-z0-9+/=]+)"\}/.exec(
      head,
    );
  if (!m?.[1] || !m[2]) return undefined;
  return { iterations: Number(m[1]), salt: new Uint8Array(Buffer.from(m[2], 'base64')) };
}

/** Starts the KDF of the vault file at `path` for `password`, when its first bytes allow. */
export function startKdfForFile(path: string, password: string): void {
  const kdf = readKdfHead(path);
  if (kdf) startKdf(password, kdf.salt, kdf.iterations);
}
