// The file MAC: the last field of a format-2 file, `,"fileMac":"<base64>"}`, an HMAC-SHA256
// under its own key from the data key (vault-seal.ts fileMacKeyOf) of the SHA-256 of every
// byte of the file before it. Hashing first needs no key, so a reader hashes the file as it
// reads it (readVaultBytes), while the data in each chunk is still in the cache and, with
// the password, while the KDF runs; the key then only makes one short HMAC.
//
// It does not replace the document MAC, which stays the file's integrity check (it is what
// says which entries were changed). It lets a reader holding the key trust the bytes as the
// serializer wrote them after one hash of the file, and then find what a command needs (one
// entry by id or label tag, the listing) by searching the bytes (vault-scan.ts VerifiedFile)
// instead of scanning 10,000 entries and recomputing the document MAC over them.
//
// A file without it (an older writer, a test tool) or where it does not verify (any byte
// changed, the locked index edited, a copy from elsewhere) is read as before: scanned, and
// checked against the document MAC, which decides what was changed.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const FIELD = Buffer.from(',"fileMac":"', 'latin1');
/** base64 of an HMAC-SHA256 (32 bytes). */
const MAC_CHARS = 44;
const CLOSE = Buffer.from('"}', 'latin1');
/** What the file MAC adds after the bytes it covers: `,"fileMac":"<44 base64>"}`. */
export const FILE_MAC_BYTES = FIELD.length + MAC_CHARS + CLOSE.length;

/**
 * Fills the last FILE_MAC_BYTES of `file` (the serializer leaves them for it, so the file is
 * never copied again) with the MAC over every byte before them.
 */
export function writeFileMac(file: Buffer, key: Uint8Array): void {
  const at = file.length - FILE_MAC_BYTES;
  const mac = macOf(sha256(file.subarray(0, at)), key).toString('base64');
  FIELD.copy(file, at);
  file.write(mac, at + FIELD.length, 'latin1');
  CLOSE.copy(file, file.length - CLOSE.length);
}

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();
const macOf = (digest: Buffer, key: Uint8Array): Buffer =>
  createHmac('sha256', key).update(digest).digest();

/** A file's bytes, and the SHA-256 of those a file MAC would cover, hashed while reading. */
export interface VaultBytes {
  bytes: Buffer;
  /** Of all but the last FILE_MAC_BYTES (absent for a file shorter than that). */
  coveredDigest?: Buffer;
}

const READ_CHUNK = 1 << 20;

/**
 * Reads the whole file in chunks, hashing each as it arrives: on the build machine reading
 * and hashing 5.7 MB this way took ~7 ms less than reading it and hashing it after.
 */
export function readVaultBytes(path: string): VaultBytes {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafeSlow(size);
    const covered = size - FILE_MAC_BYTES;
    const hash = covered > 0 ? createHash('sha256') : undefined;
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, Math.min(READ_CHUNK, size - done), done);
      if (n === 0) break;
      if (hash && done < covered) hash.update(bytes.subarray(done, Math.min(done + n, covered)));
      done += n;
    }
    // Shorter than it was a moment ago (cut in place): no digest for what is left.
    if (done < size) return { bytes: bytes.subarray(0, done) };
    return hash ? { bytes, coveredDigest: hash.digest() } : { bytes };
  } finally {
    closeSync(fd);
  }
}

/** Where the covered bytes end, when the file ends exactly as writeFileMac writes it. */
export function fileMacAt(bytes: Buffer): number | undefined {
  const at = bytes.length - CLOSE.length - MAC_CHARS - FIELD.length;
  if (at < 1) return undefined;
  for (let i = 0; i < FIELD.length; i++) if (bytes[at + i] !== FIELD[i]) return undefined;
  const end = bytes.length - CLOSE.length;
  if (bytes[end] !== CLOSE[0] || bytes[end + 1] !== CLOSE[1]) return undefined;
  return at;
}

/** The MAC's base64 in a file whose covered bytes end at `at` (fileMacAt). */
const macTextAt = (bytes: Buffer, at: number): string =>
  bytes.toString('latin1', at + FIELD.length, at + FIELD.length + MAC_CHARS);

/** The file MAC as written (base64), when the file ends with one; checked or not. */
export function fileMacText(bytes: Buffer): string | undefined {
  const at = fileMacAt(bytes);
  return at === undefined ? undefined : macTextAt(bytes, at);
}

/** True when the file ends with a file MAC (not yet checked: that needs the key). */
export function hasFileMac(bytes: Buffer): boolean {
  return fileMacAt(bytes) !== undefined;
}

/**
 * True when the file's MAC is the one `key` makes over the bytes before it; `coveredDigest`
 * is their SHA-256 when readVaultBytes already made it.
 */
export function fileMacMatches(bytes: Buffer, key: Uint8Array, coveredDigest?: Buffer): boolean {
  const at = fileMacAt(bytes);
  if (at === undefined) return false;
  const expected = Buffer.from(macTextAt(bytes, at), 'base64');
  const actual = macOf(coveredDigest ?? sha256(bytes.subarray(0, at)), key);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
