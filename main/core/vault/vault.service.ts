// The vault service (VaultApi): key handling, lazy secret access, verified persistence under
// the cross-process lock, audit log and idle auto-lock. Secrets are decrypted one at a time
// on request and never kept; the only key material held is the DEK, and only while unlocked.
// The pieces live beside it (vault-key-holder, vault-secrets, vault-keychain, vault-audit,
// vault-entry-edits, vault-events) so this file keeps only the orchestration and API rules.
import type { AuditRecord, EntryView, VaultStatus } from '../../../preload/api';
import type { Clock, Random, Scheduler } from '../ports';
import { VaultCrypto } from './crypto';
import { assertStrongPassword } from './password-rules';
import { newVault, unwrapDek, wrapDek } from './vault-keys';
import type { StartReport } from './safe-store';
import { VaultState, type VaultStorage } from './vault-state';
import { auditFor, auditRecord } from './vault-audit';
import {
  newStoredEntry,
  notFound,
  withEntryAdded,
  withEntryRemoved,
  withEntryUpdated,
} from './vault-entry-edits';
import { VaultEvents } from './vault-events';
import { teamFilesKeyOf } from './vault-seal';
import { VaultKeyHolder } from './vault-key-holder';
import { SessionError } from './vault-session';
import { sealKeychainCheck, verifyKeychainKey, withKeychainRecord } from './vault-keychain';
import { openSecret, sealSecrets, type Secrets } from './vault-secrets';
import { assertSecretFields, findEntryByLabel, normaliseLabel, toView } from './vault-entries';
import type { LockedDeadline } from '../reminders/reminder.types';
import {
  appendAudit,
  type DiskDocument,
  type KeychainRecord,
  type StoredEntry,
  type VaultDocument,
} from './vault-file';
import {
  VaultError,
  type AuditAction,
  type EntryPatch,
  type NewEntry,
  type SecretField,
  type VaultApi,
} from './vault.types';

export interface VaultServiceDeps {
  store: VaultStorage;
  clock: Clock;
  scheduler: Scheduler;
  random: Random;
  /** PBKDF2 iterations for new vaults and password changes (default 600,000). */
  kdfIterations?: number;
  /** Current idle-lock setting in minutes; 0 = never. Read at each unlock and touch. */
  idleLockMinutes?: () => number;
}

export type { VaultStorage };

export class VaultService implements VaultApi {
  private readonly state: VaultState;
  private readonly keyHolder: VaultKeyHolder;
  private recoveryNotice: string | undefined;
  /** Whether the locked index was compared with the sealed data since the last unlock. */
  private indexChecked = true;
  private readonly crypto: VaultCrypto;
  private readonly events = new VaultEvents();
  /** Whether the OS keychain can hold the key (keychain-unlock.ts sets it). */
  private keychainAvailable: () => boolean = () => false;

  constructor(private readonly deps: VaultServiceDeps) {
    this.crypto = new VaultCrypto({ random: deps.random, iterations: deps.kdfIterations });
    this.keyHolder = new VaultKeyHolder({
      clock: deps.clock,
      scheduler: deps.scheduler,
      minutes: () => deps.idleLockMinutes?.() ?? 15,
      onIdle: () => this.lock('idle'),
    });
    this.state = new VaultState(deps.store, this.crypto, () => this.keyHolder.key);
  }

  /** Validator for SafeStore: whether a file's text is a vault. */
  get validateFile(): (text: string) => boolean {
    return this.state.validateFile;
  }

  /** Recovers the file if needed and loads the metadata. */
  start(): StartReport {
    const report = this.deps.store.start();
    this.recoveryNotice = report.notice;
    this.state.load();
    return report;
  }

  status(): VaultStatus {
    const integrity = this.state.integrityNotice();
    return {
      exists: this.state.exists,
      locked: this.keyHolder.key === null,
      ...(this.recoveryNotice ? { recoveryNotice: this.recoveryNotice } : {}),
      ...(this.state.newerFormat ? { newerFormat: this.state.newerFormat } : {}),
      ...(integrity ? { integrityNotice: integrity } : {}),
      keychainUnlockAvailable: this.keychainAvailable(),
      keychainUnlockEnabled: this.state.header?.keychain !== undefined,
    };
  }

  isUnlocked(): boolean {
    return this.keyHolder.key !== null;
  }

  async create(password: string): Promise<void> {
    assertStrongPassword(password);
    this.refreshIfChanged();
    if (this.state.exists) throw new VaultError('vault-exists', 'A vault already exists here.');
    const { doc, dek } = await newVault(this.crypto, password);
    this.state.create(doc, dek);
    this.indexChecked = true;
    this.setUnlocked(dek);
  }

  async unlock(password: string): Promise<void> {
    this.refreshIfChanged();
    const dek = await unwrapDek(this.crypto, this.requireHeader(), password);
    this.acceptKey(dek);
  }

  lock(reason = 'explicit'): void {
    if (!this.keyHolder.drop()) return;
    this.state.forget();
    this.emitStatus();
    this.events.emitChange(`locked:${reason}`);
  }

  async changePassword(current: string, next: string): Promise<void> {
    assertStrongPassword(next);
    this.refreshIfChanged();
    const dek = await unwrapDek(this.crypto, this.requireHeader(), current);
    try {
      const wrapped = await wrapDek(this.crypto, dek, next);
      this.mutate('password-changed', (doc) => ({ ...doc, ...wrapped }), dek);
    } finally {
      dek.fill(0);
    }
  }

  /** The entries' metadata; empty while locked (it is sealed: lockedIndex() is what is readable). */
  list(): EntryView[] {
    if (!this.isUnlocked() || !this.state.exists) return [];
    return this.doc().entries.map(toView);
  }

  lockedIndex(): LockedDeadline[] {
    return this.state.lockedIndex();
  }

  get(id: string): EntryView {
    return toView(this.entry(id));
  }

  findByLabel(provider: EntryView['provider'], label: string): EntryView | undefined {
    this.requireKey();
    const found = findEntryByLabel(this.doc().entries, provider, label);
    return found ? toView(found) : undefined;
  }

  add(entry: NewEntry, secrets: Secrets): EntryView {
    const dek = this.requireKey();
    const label = normaliseLabel(entry.label);
    assertSecretFields(entry.kind, secrets);
    const id = hex(this.deps.random.bytes(16));
    const now = this.deps.clock.now();
    const sealed = sealSecrets(this.crypto, dek, id, secrets, {});
    const stored = newStoredEntry(entry, label, id, now, sealed);
    const saved = this.mutate('added', (doc) => withEntryAdded(doc, stored, now));
    return toView(saved.entries[saved.entries.length - 1] ?? stored);
  }

  update(
    id: string,
    patch: EntryPatch,
    secrets?: Secrets,
    audit?: { action: AuditAction; detail?: string },
  ): EntryView {
    const dek = secrets ? this.requireKey() : null;
    const label = patch.label === undefined ? undefined : normaliseLabel(patch.label);
    let result: StoredEntry | undefined;
    // Sealing needs the key, so it is offered to the transform only when secrets change.
    const seal = dek
      ? (values: Secrets, existing: Record<string, string>) =>
          sealSecrets(this.crypto, dek, id, values, existing)
      : undefined;
    this.mutate('updated', (doc) => {
      const edited = withEntryUpdated(doc, {
        id,
        patch,
        label,
        clock: this.deps.clock,
        ...(secrets ? { secrets } : {}),
        ...(seal ? { seal } : {}),
        ...(audit ? { audit } : {}),
      });
      result = edited.entry;
      return edited.doc;
    });
    if (!result) throw notFound();
    return toView(result);
  }

  remove(id: string): void {
    this.requireKey();
    this.mutate('removed', (doc) => withEntryRemoved(doc, id, this.deps.clock));
  }

  teamFilesKey(): Buffer {
    return teamFilesKeyOf(this.requireKey());
  }

  readSecret(id: string, field: SecretField): string | undefined {
    const dek = this.requireKey();
    this.refreshIfChanged();
    return openSecret(this.crypto, dek, this.entry(id), field);
  }

  audit(entryId?: string): AuditRecord[] {
    if (!this.isUnlocked() || !this.state.exists) return [];
    return auditFor(this.doc().audit, entryId);
  }

  recordAudit(entryId: string, action: AuditAction, detail?: string): void {
    this.mutate('audit', (doc) => {
      const label = doc.entries.find((e) => e.id === entryId)?.label ?? entryId;
      const record = auditRecord(this.deps.clock.now(), entryId, label, action, detail);
      return { ...doc, audit: appendAudit(doc.audit, record) };
    });
  }

  touch(): void {
    if (!this.keyHolder.touch()) this.lock('idle');
  }

  reload(): void {
    if (this.state.load()) this.events.emitChange('reloaded');
  }

  /** Whether the file changed since this service last read or wrote it (for the watcher). */
  hasChangedOnDisk(): boolean {
    return this.state.changedOnDisk();
  }

  onChange(listener: (reason: string) => void): () => void {
    return this.events.onChange(listener);
  }

  onStatus(listener: (status: VaultStatus) => void): () => void {
    return this.events.onStatus(listener);
  }

  /** For tests (security.md 27): whether any key material is held. */
  holdsKeyMaterial(): boolean {
    return this.keyHolder.key !== null;
  }

  // Keychain unlock: the policy lives in keychain-unlock.ts, the record format in
  // vault-keychain.ts; the service only guards the key and persists the record.

  setKeychainAvailability(available: () => boolean): void {
    this.keychainAvailable = available;
  }

  /** A copy of the DEK for the OS keychain to wrap; only while unlocked. */
  exportKeyForKeychain(): Uint8Array {
    return this.requireKey().slice();
  }

  keychainRecord(): KeychainRecord | undefined {
    this.refreshIfChanged();
    return this.requireHeader().keychain;
  }

  /** Stores the keychain-wrapped DEK with a check sealed under the DEK; null erases it. */
  setKeychainRecord(wrappedKey: string | null): void {
    const check = wrappedKey === null ? null : sealKeychainCheck(this.crypto, this.requireKey());
    this.mutate('keychain', (doc) => withKeychainRecord(doc, wrappedKey, check));
    this.emitStatus();
  }

  /** Unlocks with a DEK the keychain gave back, after checking it is this vault's key. */
  unlockWithKey(key: Uint8Array): void {
    verifyKeychainKey(this.crypto, this.keychainRecord(), key);
    this.acceptKey(key.slice());
  }

  /**
   * Command-line sessions (vault-session.ts): `start` is given a copy of the data key and the
   * wrapped key it came from, only while unlocked, and the copy is wiped after it returns.
   */
  withKeyForSession<T>(start: (dek: Uint8Array, wrappedDek: string) => T): T {
    const dek = this.requireKey().slice();
    try {
      return start(dek, this.requireHeader().wrappedDek);
    } finally {
      dek.fill(0);
    }
  }

  /**
   * Unlocks with the data key a session gives for this file's wrapped key, used only when the
   * document MAC confirms it: a file changed since, or a key that is not this vault's, is
   * refused here, and the master password (which says what changed) is the way in.
   */
  unlockWithSession(open: (wrappedDek: string) => Uint8Array): void {
    this.refreshIfChanged();
    const dek = open(this.requireHeader().wrappedDek);
    if (!this.state.keyFits(dek)) {
      dek.fill(0);
      throw new SessionError(
        'does-not-fit',
        'The session does not open the vault file as it is now (was it changed outside Token Vault?); unlock with the master password.',
      );
    }
    this.acceptKey(dek);
  }

  // -------------------------------------------------------------------------------------------

  private mutate(
    reason: string,
    apply: (doc: VaultDocument) => VaultDocument,
    dek?: Uint8Array,
  ): VaultDocument {
    const next = this.state.mutate(apply, dek);
    this.events.emitChange(reason);
    return next;
  }

  /**
   * Takes a just-unwrapped key: checks the document MAC (and says what is wrong if it fails),
   * converts a format-1 file, then holds the key. The entries are opened when first needed.
   */
  private acceptKey(dek: Uint8Array): void {
    try {
      this.state.verify(dek);
    } catch (error) {
      dek.fill(0);
      throw error;
    }
    this.indexChecked = false;
    this.setUnlocked(dek);
  }

  /** The opened document; the first time after an unlock, the locked index is checked too. */
  private doc(): VaultDocument {
    const doc = this.state.opened();
    if (!this.indexChecked) {
      this.indexChecked = true;
      // The sealed metadata wins over an edited (or stale) plain index.
      if (this.state.repairIndex()) return this.state.opened();
    }
    return doc;
  }

  private refreshIfChanged(): void {
    if (this.state.changedOnDisk()) this.reload();
  }

  private setUnlocked(dek: Uint8Array): void {
    this.keyHolder.hold(dek);
    this.emitStatus();
  }

  private requireHeader(): DiskDocument {
    const newer = this.state.newerFormat;
    if (newer) throw new VaultError('storage-error', newer);
    const header = this.state.header;
    if (!header) throw new VaultError('vault-missing', 'There is no vault yet; create one first.');
    return header;
  }

  private requireKey(): Uint8Array {
    this.requireHeader();
    const dek = this.keyHolder.key;
    if (dek === null) throw new VaultError('locked', 'The vault is locked.');
    return dek;
  }

  private entry(id: string): StoredEntry {
    this.requireKey();
    const found = this.doc().entries.find((e) => e.id === id);
    if (!found) throw notFound();
    return found;
  }

  private emitStatus(): void {
    this.events.emitStatus(this.status());
  }
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
