// Input rules shared by the connect and PAT paths (issue 3 item 6): what the dialogs check
// inline is checked again here, because main never trusts the renderer.
import type { VaultApi } from '../../vault/vault.types';
import { VaultError } from '../../vault/vault.types';

/** An invalid-input VaultError that also names the form field, so the UI can point at it. */
export class FaxplusInputError extends VaultError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid-input', message);
    this.name = 'FaxplusInputError';
  }
}

const MAX_LABEL = 100;

export function requireLabel(
  vault: VaultApi,
  label: string,
  pendingLabels: readonly string[] = [],
): string {
  const clean = label.trim();
  if (!clean) throw new FaxplusInputError('label', 'Give the entry a label.');
  if (clean.length > MAX_LABEL) {
    throw new FaxplusInputError('label', `Keep the label under ${MAX_LABEL} characters.`);
  }
  const taken =
    vault.findByLabel('faxplus', clean) !== undefined ||
    pendingLabels.some((l) => l.toLowerCase() === clean.toLowerCase());
  if (taken) {
    throw new VaultError('duplicate-label', `A Fax.Plus entry named "${clean}" already exists.`);
  }
  return clean;
}

export function requireClientId(clientId: string): string {
  const clean = clientId.trim();
  if (!/^APIK[A-Za-z0-9._-]{1,200}$/.test(clean)) {
    throw new FaxplusInputError(
      'clientId',
      'A Fax.Plus client id starts with APIK (copy it from the API app page).',
    );
  }
  return clean;
}

export function requireSecret(value: string, field: string, what: string): string {
  const clean = value.trim();
  if (!clean) throw new FaxplusInputError(field, `The ${what} is required.`);
  if (/\s/.test(clean)) throw new FaxplusInputError(field, `The ${what} cannot contain spaces.`);
  return clean;
}

/**
 * The only form of a secret shown after it is stored: `alohi_pat_…3f9c` (first 10, last 4).
 * Short values show only their last characters so that most of the value stays hidden.
 */
export function maskSecret(secret: string): string {
  if (secret.length >= 24) return `${secret.slice(0, 10)}…${secret.slice(-4)}`;
  if (secret.length >= 12) return `…${secret.slice(-4)}`;
  return '…';
}
