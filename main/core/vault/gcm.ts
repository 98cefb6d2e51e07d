// AES-256-GCM with node:crypto in the one framing every sealed value here uses (seal-format.ts):
// iv (12 bytes) | ciphertext | tag (16 bytes), bound to an AAD. The vault's reader opens its
// values with it (native-opener.ts); sessions, their kept output and the team's files and
// rows seal and open with it. (The vault's own values are sealed by node-forge, crypto.ts,
// in the same framing.)
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { IV_BYTES, SealError, TAG_BYTES } from './seal-format';

/** `plaintext` sealed under `key`, bound to `aad`: iv | ciphertext | tag. */
export function gcmSeal(key: Uint8Array, plaintext: Uint8Array, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/**
 * The plaintext of what gcmSeal sealed with the same key and AAD, returned only once final()
 * has checked the tag; on failure what update() produced is wiped and SealError thrown.
 */
export function gcmOpen(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer {
  const raw = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SealError();
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  const body = decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES));
  let tail: Buffer;
  try {
    tail = decipher.final();
  } catch {
    body.fill(0);
    throw new SealError();
  }
  // GCM gives everything from update(): no copy of a large value for an empty tail.
  if (tail.length === 0) return body;
  const whole = Buffer.concat([body, tail]);
  body.fill(0);
  return whole;
}
