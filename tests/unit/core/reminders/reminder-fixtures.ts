// Entry builders and a metadata-only fake vault for the reminder tests.
import type {
  EntryView,
  FaxplusOAuthEntry,
  FaxplusPatEntry,
  SmsfactorTokenEntry,
  VaultStatus,
} from '../../../../preload/api';
import type { LockedDeadline } from '../../../../main/core/reminders/reminder.types';
import { lockedIndexOf } from '../../../../main/core/vault/vault-index';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

const T0 = Date.UTC(2026, 0, 1);

export function oauth(
  id: string,
  refreshExpiresAt: number | null,
  extra: Partial<FaxplusOAuthEntry> = {},
): FaxplusOAuthEntry {
  return {
    id,
    label: id,
    provider: 'faxplus',
    kind: 'faxplus-oauth',
    status: 'active',
    createdAt: T0,
    updatedAt: T0,
    clientId: 'APIKexample',
    redirectMode: 'scheme',
    allowMissingState: false,
    advancedSecurity: false,
    authorizedAt: T0,
    refreshExpiresAt,
    ...extra,
  };
}

export function pat(
  id: string,
  expiresAt: number | null,
  extra: Partial<FaxplusPatEntry> = {},
): FaxplusPatEntry {
  return {
    id,
    label: id,
    provider: 'faxplus',
    kind: 'faxplus-pat',
    status: 'active',
    createdAt: T0,
    updatedAt: T0,
    expiresAt,
    scopes: [],
    ...extra,
  };
}

export function sms(
  id: string,
  expiresAt: number | null,
  extra: Partial<SmsfactorTokenEntry> = {},
): SmsfactorTokenEntry {
  return {
    id,
    label: id,
    provider: 'smsfactor',
    kind: 'smsfactor-token',
    status: 'active',
    createdAt: T0,
    updatedAt: T0,
    ttlSeconds: null,
    expiresAt,
    allowedIps: [],
    format: 'json',
    ...extra,
  };
}

/**
 * The metadata side of the vault: list() while unlocked, the locked index (deadlines without
 * names, from the real lockedIndexOf) while locked. Secrets are never modelled here;
 * `secretReads` stays 0 unless someone cheats.
 */
export class FakeVault {
  entries: EntryView[] = [];
  locked = true;
  secretReads = 0;
  private changeListeners = new Set<(reason: string) => void>();
  private statusListeners = new Set<(status: VaultStatus) => void>();

  constructor(entries: EntryView[] = []) {
    this.entries = entries;
  }

  list(): EntryView[] {
    return this.entries.map((e) => ({ ...e }));
  }

  lockedIndex(): LockedDeadline[] {
    return lockedIndexOf(this.entries);
  }

  isUnlocked(): boolean {
    return !this.locked;
  }

  set(entries: EntryView[], reason = 'test'): void {
    this.entries = entries;
    for (const l of [...this.changeListeners]) l(reason);
  }

  update(id: string, patch: Partial<EntryView>): void {
    this.set(this.entries.map((e) => (e.id === id ? ({ ...e, ...patch } as EntryView) : e)));
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    const status: VaultStatus = {
      exists: true,
      locked,
      keychainUnlockAvailable: false,
      keychainUnlockEnabled: false,
    };
    for (const l of [...this.statusListeners]) l(status);
  }

  onChange(listener: (reason: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: (status: VaultStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  listenerCount(): number {
    return this.changeListeners.size + this.statusListeners.size;
  }
}
