// Opening a vault with node:crypto: the same PBKDF2-HMAC-SHA256 that node-forge hands to
// Node when given the digest as a string, and the same AES-256-GCM format (seal-format.ts).
// Read-only by design: everything that seals goes through VaultCrypto (node-forge). The
// command line uses this on its read path because loading node-forge alone costs more than
// half of its time budget above the KDF.
import { createDecipheriv, pbkdf2 } from 'node:crypto';
import { IV_BYTES, KEY_BYTES, SealError, TAG_BYTES, type KeyOpener } from './seal-format';

export class NativeOpener implements KeyOpener {
  private early:
    { password: string; salt: string; iterations: number; kek: Promise<Uint8Array> } | undefined;

  /**
   * Starts the KDF now, on libuv's thread pool, so it runs while the main thread reads and
   * parses the vault file; the matching deriveKek() call then takes its result (once).
   */
  startEarly(password: string, salt: Uint8Array, iterations: number): void {
    const kek = this.derive(password, salt, iterations);
    kek.catch(() => undefined);
    this.early = { password, salt: Buffer.from(salt).toString('base64'), iterations, kek };
  }

  deriveKek(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
    const early = this.early;
    this.early = undefined;
    if (
      early &&
      early.password === password &&
      early.iterations === iterations &&
      early.salt === Buffer.from(salt).toString('base64')
    ) {
      return early.kek;
    }
    return this.derive(password, salt, iterations);
  }

  private derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      pbkdf2(Buffer.from(password, 'utf8'), salt, iterations, KEY_BYTES, 'sha256', (err, key) => {
        if (err) reject(err);
        else resolve(new Uint8Array(key));
      });
    });
  }

  open(key: Uint8Array, sealed: string, aad: string): Uint8Array {
    const raw = Buffer.from(sealed, 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES || key.length !== KEY_BYTES) throw new SealError();
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const body = decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES));
    try {
      // final() checks the tag; on failure the plaintext from update() is wiped, never returned.
      const tail = decipher.final();
      return new Uint8Array(Buffer.concat([body, tail]));
    } catch {
      body.fill(0);
      throw new SealError();
    }
  }

  openText(key: Uint8Array, sealed: string, aad: string): string {
    return Buffer.from(this.open(key, sealed, aad)).toString('utf8');
  }
}
