// The vault's side of keychain unlock: the stored record is the keychain-wrapped DEK plus a
// check sealed under the DEK, so a key the keychain hands back can be proven to be this vault's
// before it unlocks anything. The policy (when to offer it, the OS calls) is keychain-unlock.ts.
import { KEY_BYTES, SealError, type VaultCrypto } from './crypto';
import { SEALED_VALUE_VERSION } from './seal-format';
import type { KeychainRecord, VaultDocument } from './vault-file';
import { VaultError } from './vault.types';

const KEYCHAIN_AAD = `vault-keychain-check|${SEALED_VALUE_VERSION}`;

/** The check to store beside a wrapped key; sealed under the DEK so only that key opens it. */
export function sealKeychainCheck(crypto: VaultCrypto, dek: Uint8Array): string {
  return crypto.seal(dek, 'keychain', KEYCHAIN_AAD);
}

/** The document with its keychain record replaced, or erased when `wrappedKey` is null. */
export function withKeychainRecord(
  doc: VaultDocument,
  wrappedKey: string | null,
  check: string | null,
): VaultDocument {
  const next: VaultDocument = { ...doc };
  delete next.keychain;
  return wrappedKey === null || check === null
    ? next
    : { ...next, keychain: { wrappedKey, check } };
}

/** Throws 'wrong-password' unless `key` opens the record's check (i.e. is this vault's DEK). */
export function verifyKeychainKey(
  crypto: VaultCrypto,
  record: KeychainRecord | undefined,
  key: Uint8Array,
): void {
  try {
    if (!record || key.length !== KEY_BYTES) throw new SealError();
    crypto.open(key, record.check, KEYCHAIN_AAD);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    throw new VaultError(
      'wrong-password',
      'The system keychain did not give back this vault’s key. Unlock with your password.',
    );
  }
}
