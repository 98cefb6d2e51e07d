// The key hierarchy: master password -> KEK (PBKDF2) -> wraps the random DEK (AES-256-GCM).
// Changing the password re-wraps the same DEK, so no secret is re-encrypted.
import type { VaultCrypto } from './crypto';
import { SEALED_VALUE_VERSION, SealError, dekAad, type KeyOpener } from './seal-format';
import { FORMAT_VERSION, type KdfParams, type VaultDocument } from './vault-file';
import { VaultError } from './vault.types';

const DEK_AAD = dekAad(SEALED_VALUE_VERSION);

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Wraps `dek` under a new salt and the KEK derived from `password`. */
export async function wrapDek(
  crypto: VaultCrypto,
  dek: Uint8Array,
  password: string,
): Promise<{ kdf: KdfParams; wrappedDek: string }> {
  const salt = crypto.newSalt();
  const kek = await crypto.deriveKek(password, salt);
  try {
    const kdf: KdfParams = {
      algorithm: 'pbkdf2-sha256',
      iterations: crypto.iterations,
      salt: b64(salt),
    };
    return { kdf, wrappedDek: crypto.seal(kek, dek, DEK_AAD) };
  } finally {
    kek.fill(0);
  }
}

/** An empty vault document and its fresh DEK. */
export async function newVault(
  crypto: VaultCrypto,
  password: string,
): Promise<{ doc: VaultDocument; dek: Uint8Array }> {
  const dek = crypto.newKey();
  const wrapped = await wrapDek(crypto, dek, password);
  return { doc: { formatVersion: FORMAT_VERSION, ...wrapped, entries: [], audit: [] }, dek };
}

/** The DEK of `doc`, or VaultError('wrong-password'). */
export async function unwrapDek(
  crypto: KeyOpener,
  doc: Pick<VaultDocument, 'kdf' | 'wrappedDek'>,
  password: string,
): Promise<Uint8Array> {
  const salt = new Uint8Array(Buffer.from(doc.kdf.salt, 'base64'));
  const kek = await crypto.deriveKek(password, salt, doc.kdf.iterations);
  try {
    return crypto.open(kek, doc.wrappedDek, DEK_AAD);
  } catch (error) {
    if (error instanceof SealError) throw new VaultError('wrong-password', 'Wrong password.');
    throw error;
  } finally {
    kek.fill(0);
  }
}
