// The sealed-value format, shared by the node-forge sealer (crypto.ts) and the read-only
// node:crypto opener (native-opener.ts): base64 of iv (12 bytes) | ciphertext | tag (16
// bytes), AES-256-GCM, with an AAD that binds the value to where it belongs. No library is
// loaded here, so the command line's read path can use it without paying for node-forge.
export const DEFAULT_KDF_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
/**
 * The version in the AAD of values sealed one by one under a key: the wrapped data key, each
 * secret, the keychain check. Format 2 kept them as format 1 made them (it seals more around
 * them), so a format-1 vault converts without re-sealing a secret or re-wrapping its key.
 */
export const SEALED_VALUE_VERSION = 1;

/** A sealed value could not be opened: wrong key, moved ciphertext, changed AAD or damage. */
export class SealError extends Error {
  constructor() {
    super('The sealed value failed its integrity check.');
    this.name = 'SealError';
  }
}

/** AAD that binds a sealed secret to its entry, its field and the document format. */
export function secretAad(entryId: string, field: string, formatVersion: number): string {
  return `${entryId}|${field}|${formatVersion}`;
}

/** AAD of the data key wrapped by the password's key. */
export function dekAad(formatVersion: number): string {
  return `vault-dek|${formatVersion}`;
}

/** What reading a vault needs: the password's key and opening sealed values. */
export interface KeyOpener {
  deriveKek(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array>;
  open(key: Uint8Array, sealed: string, aad: string): Uint8Array;
  openText(key: Uint8Array, sealed: string, aad: string): string;
}
