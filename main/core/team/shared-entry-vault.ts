// One shared entry held in memory, offered to the providers' refresh code (OAuth2Session,
// FaxplusSession) as the vault it reads and updates. The team service runs that code inside
// the entry's row lock and writes back what it left here, so a shared Fax.Plus or OAuth 2.0
// entry is refreshed by exactly the logic that refreshes a personal one: rotated refresh
// tokens, deadlines, "needs re-authorization".
import type { EntryView } from '../../../preload/api';
import type { Clock } from '../ports';
import { applyPatch, assertSecretFields, toView } from '../vault/vault-entries';
import {
  VaultError,
  type EntryPatch,
  type SecretField,
  type SessionVault,
} from '../vault/vault.types';

/** What a shared row holds, sealed under the team key: the entry and its secrets. */
export interface SharedContent {
  entry: EntryView;
  secrets: Partial<Record<SecretField, string>>;
}

export class SharedEntryVault implements SessionVault {
  private current: SharedContent;
  /** Audit actions the refresh code asked for (the team audit records them). */
  readonly actions: string[] = [];

  constructor(
    content: SharedContent,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    this.current = { entry: { ...content.entry }, secrets: { ...content.secrets } };
  }

  get content(): SharedContent {
    return this.current;
  }

  get(id: string): EntryView {
    this.check(id);
    return this.current.entry;
  }

  readSecret(id: string, field: SecretField): string | undefined {
    this.check(id);
    return this.current.secrets[field];
  }

  update(
    id: string,
    patch: EntryPatch,
    secrets?: Partial<Record<SecretField, string>>,
    audit?: { action: string },
  ): EntryView {
    this.check(id);
    if (secrets) assertSecretFields(this.current.entry.kind, secrets);
    const entry = toView(
      applyPatch({ ...this.current.entry, secrets: {} }, patch, this.clock.now()),
    );
    // A secret given as undefined is cleared, as the vault's own update does.
    const given = Object.entries(secrets ?? {});
    const cleared = new Set(given.filter(([, v]) => v === undefined).map(([k]) => k));
    const merged = Object.fromEntries([
      ...Object.entries(this.current.secrets).filter(([k]) => !cleared.has(k)),
      ...given.filter(([, v]) => v !== undefined),
    ]) as SharedContent['secrets'];
    this.current = { entry, secrets: merged };
    if (audit) this.actions.push(audit.action);
    return entry;
  }

  hasChangedOnDisk(): boolean {
    return false;
  }

  reload(): void {
    // The row was read under its lock just now; there is nothing newer to read.
  }

  private check(id: string): void {
    if (id !== this.current.entry.id) {
      throw new VaultError('not-found', 'That shared entry is not the one being refreshed.');
    }
  }
}
