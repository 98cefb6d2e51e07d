// tokens:* — provider-independent operations on vault entries. Verification is the one
// provider-specific step: it is dispatched to the verifier registered for the entry's provider
// (Fax.Plus: /accounts/self; SMSFactor: /credits), so a new provider adds a verifier, not a
// branch here.
import type { EntryView, ProviderId } from '../../../../preload/api';
import type { VaultApi } from '../../vault/vault.types';
import type { HandlersFor } from '../dispatch';
import { unsupported } from '../ipc.errors';

/** Calls the provider with the entry's secret and returns the entry as updated by the check. */
export type EntryVerifier = (entry: EntryView) => Promise<EntryView>;

/** Revokes the credential at its provider (the vault then deletes the entry). */
export type EntryRevoker = (entry: EntryView) => Promise<unknown>;

export interface TokensHandlerDeps {
  vault: VaultApi;
  verifiers: Partial<Record<ProviderId, EntryVerifier>>;
  /** Kinds that can be revoked before they are deleted (SMSFactor tokens, OAuth 2.0 grants). */
  revokers: Partial<Record<ProviderId, EntryRevoker>>;
}

export function createTokensHandlers({
  vault,
  verifiers,
  revokers,
}: TokensHandlerDeps): HandlersFor<'tokens'> {
  return {
    'tokens:list': () => vault.list(),
    'tokens:get': ({ id }) => vault.get(id),
    'tokens:rename': ({ id, label }) =>
      vault.update(id, { label: label.trim() }, undefined, { action: 'renamed' }),
    'tokens:delete': async ({ id, revoke }) => {
      if (revoke) {
        const entry = vault.get(id);
        const revoker = revokers[entry.provider];
        if (!revoker) throw unsupported(`Revoking ${entry.provider} entries`);
        // A failed revocation throws here: the entry stays, so the user can retry.
        await revoker(entry);
      }
      vault.remove(id);
    },
    'tokens:verify': async ({ id }) => {
      const entry = vault.get(id);
      const verify = verifiers[entry.provider];
      if (!verify) throw unsupported(`Verifying ${entry.provider} entries`);
      return verify(entry);
    },
    'tokens:audit': ({ id }) => vault.audit(id),
    'tokens:set-reminders': ({ id, muted, snoozedUntil }) => {
      const patch: { muted?: boolean; snoozedUntil?: number } = {};
      if (muted !== undefined) patch.muted = muted;
      // null clears a snooze; the key is kept (as undefined) so the vault drops the old value.
      if (snoozedUntil !== undefined) patch.snoozedUntil = snoozedUntil ?? undefined;
      return vault.update(id, patch);
    },
  };
}
