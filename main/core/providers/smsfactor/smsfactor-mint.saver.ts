// Saving a freshly minted token. SMSFactor shows a minted token only once, so the save runs
// synchronously straight after the answer, and a failed save hands the token to the user
// (MintedTokenNotSavedError) instead of losing it.
import type { EntryView, SmsfactorTokenEntry } from '../../../../preload/api';
import { VaultError, type VaultApi } from '../../vault/vault.types';
import type { MintAnswer } from './smsfactor.client';
import type { NewSmsfactorEntry } from './smsfactor-entry.builder';
import { MintedTokenNotSavedError } from './smsfactor.errors';

/** Seals the token into the vault and audits the mint; returns the stored entry. */
export function saveMintedToken(
  vault: Pick<VaultApi, 'add' | 'recordAudit'>,
  draft: NewSmsfactorEntry,
  answer: MintAnswer,
  mintedAt: number,
  parentLabel: string,
): EntryView {
  let entry: EntryView;
  try {
    entry = vault.add(draft, { token: answer.token });
  } catch (err) {
    const why = err instanceof VaultError ? err.message : 'the vault could not be written';
    const message = `SMSFactor created the token${answer.tokenId ? ` (id ${answer.tokenId})` : ''} but the vault could not save it (${why}). Copy it now: it cannot be shown again. Or revoke it.`;
    const detached: SmsfactorTokenEntry = {
      ...draft,
      id: '',
      createdAt: mintedAt,
      updatedAt: mintedAt,
      status: 'error',
      lastError: message,
    };
    throw new MintedTokenNotSavedError(answer.token, detached, message);
  }
  try {
    vault.recordAudit(entry.id, 'minted', `token id ${answer.tokenId ?? '?'} by "${parentLabel}"`);
  } catch {
    // The token is safe in the vault ('created' is audited with it); a lost 'minted' line
    // must not turn a stored token into an error the user would retry.
  }
  return entry;
}
