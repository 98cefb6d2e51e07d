// Errors of the SMSFactor feature that the IPC layer maps to ApiError.
import type { SmsfactorTokenEntry } from '../../../../preload/api';
import { VaultError } from '../../vault/vault.types';
import { ProviderError } from '../http';

/**
 * A form value is wrong. Extends VaultError('invalid-input') so any mapper that knows vault
 * errors already gives the right code; `field` names the form field for the inline error.
 */
export class SmsfactorValidationError extends VaultError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid-input', message);
    this.name = 'SmsfactorValidationError';
  }
}

/**
 * SMSFactor minted a token but the vault could not store it. The token cannot be read again
 * from SMSFactor, so this error is the user's last chance to see it: it carries the value in
 * `token` (never in `message`, which may be logged). The IPC handler hands it to the renderer
 * once (a MintedToken with `unsavedReason`), and nowhere else.
 */
export class MintedTokenNotSavedError extends Error {
  readonly code = 'storage-error';
  constructor(
    /** The secret. Keep it out of logs; only the IPC reply may carry it. */
    readonly token: string,
    /** The entry as it would have been stored (id ''), for the one-time display. */
    readonly draft: SmsfactorTokenEntry,
    message: string,
  ) {
    super(message);
    this.name = 'MintedTokenNotSavedError';
  }

  /** So that `JSON.stringify(err)` or a crash reporter never serialises the secret. */
  toJSON(): { name: string; code: string; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/**
 * A mint that failed on the way (timeout, reset, 5xx page) may still have created a token at
 * SMSFactor: the request was never retried, so say where to look instead of guessing.
 */
export function mintOutcomeUnknown(err: unknown, parentLabel: string): unknown {
  if (!(err instanceof ProviderError)) return err;
  // No SMSFactor status was read (network, timeout, HTML page, unreadable body): unknown.
  if (err.providerCode !== undefined) return err;
  return new ProviderError(
    err.code,
    `${err.message} SMSFactor may have created the token anyway: open the remote token list of "${parentLabel}" and revoke tokens this vault does not hold.`,
    err.status,
    err.providerCode,
  );
}
