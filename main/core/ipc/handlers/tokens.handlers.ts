// tokens:* — provider-independent operations on vault entries. Verification is the one
// provider-specific step: it is dispatched to the verifier registered for the entry's provider
// (Fax.Plus: /accounts/self; SMSFactor: /credits), so a new provider adds a verifier, not a
// branch here.
import type { AuditRecord, EntryView, ProviderId } from '../../../../preload/api';
import type { EntryPatch, VaultApi } from '../../vault/vault.types';
import type { HandlersFor } from '../dispatch';
import { IpcError, unsupported } from '../ipc.errors';

/** Calls the provider with the entry's secret and returns the entry as updated by the check. */
export type EntryVerifier = (entry: EntryView) => Promise<EntryView>;

/** Revokes the credential at its provider (the vault then deletes the entry). */
export type EntryRevoker = (entry: EntryView) => Promise<unknown>;

/** Entries shared through the team (issue 15): listed and edited here, kept in the team. */
export interface SharedEntries {
  isShared(id: string): boolean;
  list(): EntryView[];
  get(id: string): EntryView;
  edit(id: string, patch: EntryPatch): Promise<EntryView>;
  /** The entry's history from the team's audit. */
  audit(id: string): Promise<AuditRecord[]>;
}

export interface TokensHandlerDeps {
  vault: VaultApi;
  shared?: SharedEntries;
  verifiers: Partial<Record<ProviderId, EntryVerifier>>;
  /** Kinds that can be revoked before they are deleted (SMSFactor tokens, OAuth 2.0 grants). */
  revokers: Partial<Record<ProviderId, EntryRevoker>>;
}

export function createTokensHandlers({
  vault,
  shared,
  verifiers,
  revokers,
}: TokensHandlerDeps): HandlersFor<'tokens'> {
  const sharedOne = (id: string) => (shared?.isShared(id) ? shared : undefined);
  return {
    'tokens:list': () => {
      const team = shared?.list() ?? [];
      return team.length ? [...vault.list(), ...team] : vault.list();
    },
    'tokens:get': ({ id }) => sharedOne(id)?.get(id) ?? vault.get(id),
    'tokens:rename': ({ id, label }) => {
      const team = sharedOne(id);
      if (team) return team.edit(id, { label: label.trim() });
      return vault.update(id, { label: label.trim() }, undefined, { action: 'renamed' });
    },
    'tokens:delete': async ({ id, revoke }) => {
      if (sharedOne(id)) {
        throw new IpcError(
          'invalid-input',
          'This entry is shared with the team: move it back to personal first, then remove it.',
        );
      }
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
      if (sharedOne(id)) throw unsupported('Verifying a shared entry');
      const entry = vault.get(id);
      const verify = verifiers[entry.provider];
      if (!verify) throw unsupported(`Verifying ${entry.provider} entries`);
      return verify(entry);
    },
    // A shared entry's history is in the team's audit, not this vault's.
    'tokens:audit': ({ id }) => {
      const team = id ? sharedOne(id) : undefined;
      return team && id ? team.audit(id) : vault.audit(id);
    },
    'tokens:set-reminders': ({ id, muted, snoozedUntil }) => {
      const patch: { muted?: boolean; snoozedUntil?: number } = {};
      if (muted !== undefined) patch.muted = muted;
      // null clears a snooze; the key is kept (as undefined) so the vault drops the old value.
      if (snoozedUntil !== undefined) patch.snoozedUntil = snoozedUntil ?? undefined;
      const team = sharedOne(id);
      return team ? team.edit(id, patch) : vault.update(id, patch);
    },
  };
}
