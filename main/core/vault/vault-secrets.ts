// Sealing and opening one entry's secrets. Each value is bound to its entry id, field and format
// version (the AAD), so a sealed value moved to another entry or field fails to open.
import type { VaultCrypto } from './crypto';
import { SEALED_VALUE_VERSION, SealError, secretAad, type KeyOpener } from './seal-format';
import type { StoredEntry } from './vault-file';
import { VaultError, type SecretField } from './vault.types';

export type Secrets = Partial<Record<SecretField, string>>;

/** `existing` with each given secret sealed in; undefined values leave a field as it was. */
export function sealSecrets(
  crypto: VaultCrypto,
  dek: Uint8Array,
  id: string,
  secrets: Secrets,
  existing: Record<string, string>,
): Record<string, string> {
  const out = { ...existing };
  for (const [field, value] of Object.entries(secrets)) {
    if (value === undefined) continue;
    out[field] = crypto.seal(dek, value, secretAad(id, field, SEALED_VALUE_VERSION));
  }
  return out;
}

/** Opens one field; a failed integrity check becomes a user-facing error naming no secret. */
export function openSecret(
  crypto: KeyOpener,
  dek: Uint8Array,
  entry: StoredEntry,
  field: SecretField,
): string | undefined {
  const sealed = entry.secrets[field];
  if (sealed === undefined) return undefined;
  try {
    return crypto.openText(dek, sealed, secretAad(entry.id, field, SEALED_VALUE_VERSION));
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    throw new VaultError(
      'storage-error',
      `The stored ${field} of "${entry.label}" failed its integrity check; it may have been tampered with.`,
    );
  }
}
