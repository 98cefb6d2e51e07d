// Opening a vault with node:crypto: the same PBKDF2-HMAC-SHA256 that node-forge hands to
// Node when given the digest as a string, and the same AES-256-GCM format (seal-format.ts).
// Read-only by design: everything that seals goes through VaultCrypto (node-forge). The
// command line uses this on its read path because loading node-forge alone costs more than
// half of its time budget above the KDF.
import { createDecipheriv } from 'node:crypto';
import { deriveKek, startKdf, takeKdf } from './early-kdf';
import { IV_BYTES, KEY_BYTES, SealError, TAG_BYTES, type KeyOpener } from './seal-format';

export class NativeOpener implements KeyOpener {
  /**
   * Starts the KDF now, on libuv's thread pool, so it runs while the main thread reads and
   * parses the vault file; the matching deriveKek() call then takes its result (once). The
   * command line's bin may have started the same one already (early-kdf.ts).
   */
  startEarly(password: string, salt: Uint8Array, iterations: number): void {
    startKdf(password, salt, iterations);
  }

  deriveKek(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
    return takeKdf(password, salt, iterations) ?? deriveKek(password, salt, iterations);
  }

  open(key: Uint8Array, sealed: string, aad: string): Uint8Array {
    const plain = checkedPlaintext(key, sealed, aad);
    const copy = new Uint8Array(plain);
    plain.fill(0);
    return copy;
  }

  /** Straight to text (the command line's `list` opens 10,000 entries this way). */
  openText(key: Uint8Array, sealed: string, aad: string): string {
    const plain = checkedPlaintext(key, sealed, aad);
    const text = plain.toString('utf8');
    plain.fill(0);
    return text;
  }
}

/**
 * The plaintext of a sealed value (IV, ciphertext, tag; seal-format.ts), returned only once
 * final() has checked the tag; on failure what update() produced is wiped, never returned.
 */
function checkedPlaintext(key: Uint8Array, sealed: string, aad: string): Buffer {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES || key.length !== KEY_BYTES) throw new SealError();
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
  if (tail.length === 0) return body;
  const whole = Buffer.concat([body, tail]);
  body.fill(0);
  return whole;
}
