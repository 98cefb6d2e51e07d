// Opening a vault with node:crypto: the same PBKDF2-HMAC-SHA256 that node-forge hands to
// Node when given the digest as a string, and the same AES-256-GCM format (seal-format.ts).
// Read-only by design: everything that seals goes through VaultCrypto (node-forge). The
// command line uses this on its read path because loading node-forge alone costs more than
// half of its time budget above the KDF.
import { deriveKek, startKdf, takeKdf } from './early-kdf';
import { gcmOpen } from './gcm';
import { KEY_BYTES, SealError, type KeyOpener } from './seal-format';

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

/** The plaintext of a sealed value (base64 of IV, ciphertext, tag; seal-format.ts). */
function checkedPlaintext(key: Uint8Array, sealed: string, aad: string): Buffer {
  if (key.length !== KEY_BYTES) throw new SealError();
  return gcmOpen(key, Buffer.from(sealed, 'base64'), aad);
}
