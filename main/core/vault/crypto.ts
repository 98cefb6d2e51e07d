// Key derivation and per-field sealing for the vault (DESIGN.md "Vault", security.md 18-22).
// node-forge does the work; the digest is given as the string 'sha256' so forge hands PBKDF2
// to Node's native implementation (an object digest falls back to pure JS, ~25x slower).
import forge from 'node-forge';
import type { Random } from '../ports';

import {
  IV_BYTES,
  KEY_BYTES,
  SALT_BYTES,
  SealError,
  TAG_BYTES,
  DEFAULT_KDF_ITERATIONS,
  type KeyOpener,
} from './seal-format';

export {
  DEFAULT_KDF_ITERATIONS,
  IV_BYTES,
  KEY_BYTES,
  SALT_BYTES,
  SealError,
  TAG_BYTES,
  secretAad,
} from './seal-format';

const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
const fromBinary = (binary: string): Uint8Array => new Uint8Array(Buffer.from(binary, 'binary'));

export interface VaultCryptoOptions {
  random: Random;
  /** PBKDF2 iterations for new vaults; tests pass fewer. */
  iterations?: number;
}

export class VaultCrypto implements KeyOpener {
  readonly iterations: number;
  private readonly random: Random;

  constructor(options: VaultCryptoOptions) {
    this.random = options.random;
    this.iterations = options.iterations ?? DEFAULT_KDF_ITERATIONS;
  }

  newSalt(): Uint8Array {
    return this.random.bytes(SALT_BYTES);
  }

  newKey(): Uint8Array {
    return this.random.bytes(KEY_BYTES);
  }

  /**
   * PBKDF2-HMAC-SHA256 of the UTF-8 password. The callback form keeps the main process
   * responsive while the native KDF runs on libuv's thread pool.
   */
  deriveKek(password: string, salt: Uint8Array, iterations = this.iterations): Promise<Uint8Array> {
    const passwordBytes = forge.util.encodeUtf8(password);
    return new Promise((resolve, reject) => {
      forge.pkcs5.pbkdf2(
        passwordBytes,
        toBinary(salt),
        iterations,
        KEY_BYTES,
        'sha256',
        (err, key) => {
          if (err || key === undefined) reject(err ?? new Error('Key derivation failed.'));
          else resolve(fromBinary(key));
        },
      );
    });
  }

  /** AES-256-GCM with a fresh random IV; returns base64 of iv | ciphertext | tag. */
  seal(key: Uint8Array, plaintext: string | Uint8Array, aad: string): string {
    const iv = this.random.bytes(IV_BYTES);
    const cipher = forge.cipher.createCipher('AES-GCM', toBinary(key));
    cipher.start({ iv: toBinary(iv), additionalData: forge.util.encodeUtf8(aad), tagLength: 128 });
    const data =
      typeof plaintext === 'string' ? forge.util.encodeUtf8(plaintext) : toBinary(plaintext);
    cipher.update(forge.util.createBuffer(data));
    cipher.finish();
    const sealed = toBinary(iv) + cipher.output.getBytes() + cipher.mode.tag.getBytes();
    return Buffer.from(sealed, 'binary').toString('base64');
  }

  /** Opens a sealed value or throws SealError; unverified plaintext never leaves. */
  open(key: Uint8Array, sealed: string, aad: string): Uint8Array {
    const raw = Buffer.from(sealed, 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SealError();
    const iv = raw.subarray(0, IV_BYTES).toString('binary');
    const body = raw.subarray(IV_BYTES, raw.length - TAG_BYTES).toString('binary');
    const tag = raw.subarray(raw.length - TAG_BYTES).toString('binary');
    const decipher = forge.cipher.createDecipher('AES-GCM', toBinary(key));
    decipher.start({
      iv,
      additionalData: forge.util.encodeUtf8(aad),
      tagLength: 128,
      tag: forge.util.createBuffer(tag),
    });
    decipher.update(forge.util.createBuffer(body));
    // forge fills `output` before it checks the tag; on failure that output is attacker-chosen
    // plaintext, so it is dropped here and never returned.
    if (!decipher.finish()) {
      decipher.output.clear();
      throw new SealError();
    }
    return fromBinary(decipher.output.getBytes());
  }

  openText(key: Uint8Array, sealed: string, aad: string): string {
    return Buffer.from(this.open(key, sealed, aad)).toString('utf8');
  }
}

/** Node's crypto as the Random port (the composition root may pass its own). */
export function nodeRandom(): Random {
  return {
    bytes: (length: number) => {
      // Imported lazily through globalThis.crypto to keep this module free of node:* at load.
      const out = new Uint8Array(length);
      globalThis.crypto.getRandomValues(out);
      return out;
    },
  };
}
