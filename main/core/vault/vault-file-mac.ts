// The file MAC: the last field of a format-2 file, `,"fileMac":"<base64>"}`, an HMAC-SHA256
// under its own key from the data key (vault-seal.ts fileMacKeyOf) over every byte of the
// file before it. It does not replace the document MAC, which stays the file's integrity
// check (it is what says which entries were changed). It lets a reader holding the key trust
// the bytes as the serializer wrote them after one HMAC over the file, and then find what a
// command needs (one entry by id or label tag, the listing) by searching the bytes
// (vault-scan.ts VerifiedFile) instead of scanning 10,000 entries and recomputing the
// document MAC over them.
//
// A file without it (an older writer, a test tool) or where it does not verify (any byte
// changed, the locked index edited, a copy from elsewhere) is read as before: scanned, and
// checked against the document MAC, which decides what was changed.
import { createHmac, timingSafeEqual } from 'node:crypto';

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
  const mac = createHmac('sha256', key).update(file.subarray(0, at)).digest('base64');
  FIELD.copy(file, at);
  file.write(mac, at + FIELD.length, 'latin1');
  CLOSE.copy(file, file.length - CLOSE.length);
}

/** A serialized document (ending with its closing brace) with the file MAC added last. */
export function withFileMac(document: Buffer, key: Uint8Array): Buffer {
  const file = Buffer.alloc(document.length - 1 + FILE_MAC_BYTES);
  document.copy(file, 0, 0, document.length - 1);
  writeFileMac(file, key);
  return file;
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

/** True when the file ends with a file MAC (not yet checked: that needs the key). */
export function hasFileMac(bytes: Buffer): boolean {
  return fileMacAt(bytes) !== undefined;
}

/** True when the file's MAC is the one `key` makes over the bytes before it. */
export function fileMacMatches(bytes: Buffer, key: Uint8Array): boolean {
  const at = fileMacAt(bytes);
  if (at === undefined) return false;
  const start = at + FIELD.length;
  const expected = Buffer.from(bytes.toString('latin1', start, start + MAC_CHARS), 'base64');
  const actual = createHmac('sha256', key).update(bytes.subarray(0, at)).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
