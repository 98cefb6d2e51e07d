// The vault service (VaultApi): key handling, lazy secret access, verified persistence under
// the cross-process lock, audit log and idle auto-lock. Secrets are decrypted one at a time
// on request and never kept; the only key material held is the DEK, and only while unlocked.
import type { AuditRecord, EntryView, VaultStatus } from '../../../preload/api';
import type { Clock, Random, Scheduler } from '../ports';
import { KEY_BYTES, SealError, VaultCrypto, secretAad } from './crypto';
import { IdleLock } from './idle-lock';
import { checkPassword } from './password-rules';
import { newVault, unwrapDek, wrapDek } from './vault-keys';
import type { StartReport } from './safe-store';
import { VaultState, type VaultStorage } from './vault-state';
import {
  applyPatch,
  assertLabelFree,
  assertSecretFields,
  normaliseLabel,
  toView,
} from './vault-entries';
import {
  FORMAT_VERSION,
  appendAudit,
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

type Secrets = Partial<Record<SecretField, string>>;

export type { VaultStorage };

export class VaultService implements VaultApi {
  private readonly state: VaultState;
  /** The data key; null whenever the vault is locked. */
  private dek: Uint8Array | null = null;
  private recoveryNotice: string | undefined;
  private readonly idle: IdleLock;
  private readonly crypto: VaultCrypto;
  private readonly changeListeners = new Set<(reason: string) => void>();
  private readonly statusListeners = new Set<(status: VaultStatus) => void>();
  /** Whether the OS keychain can hold the key (keychain-unlock.ts sets it). */
  private keychainAvailable: () => boolean = () => false;

  constructor(private readonly deps: VaultServiceDeps) {
    this.state = new VaultState(deps.store);
    this.crypto = new VaultCrypto({ random: deps.random, iterations: deps.kdfIterations });
    this.idle = new IdleLock({
      clock: deps.clock,
      scheduler: deps.scheduler,
      minutes: () => deps.idleLockMinutes?.() ?? 15,
      onIdle: () => this.lock('idle'),
    });
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
    return {
      exists: this.state.doc !== undefined,
      locked: this.dek === null,
      ...(this.recoveryNotice ? { recoveryNotice: this.recoveryNotice } : {}),
      keychainUnlockAvailable: this.keychainAvailable(),
      keychainUnlockEnabled: this.state.doc?.keychain !== undefined,
    };
  }

  isUnlocked(): boolean {
    return this.dek !== null;
  }

  async create(password: string): Promise<void> {
    this.assertStrong(password);
    this.refreshIfChanged();
    if (this.state.doc) throw new VaultError('vault-exists', 'A vault already exists here.');
    const { doc, dek } = await newVault(this.crypto, password);
    this.state.create(doc);
    this.setUnlocked(dek);
  }

  async unlock(password: string): Promise<void> {
    this.refreshIfChanged();
    const doc = this.requireDoc();
    const dek = await unwrapDek(this.crypto, doc, password);
    this.setUnlocked(dek);
  }

  lock(reason = 'explicit'): void {
    this.idle.cancel();
    if (this.dek === null) return;
    this.dek.fill(0);
    this.dek = null;
    this.emitStatus();
    this.emitChange(`locked:${reason}`);
  }

  async changePassword(current: string, next: string): Promise<void> {
    this.assertStrong(next);
    this.refreshIfChanged();
    const dek = await unwrapDek(this.crypto, this.requireDoc(), current);
    try {
      const wrapped = await wrapDek(this.crypto, dek, next);
      this.mutate('password-changed', (doc) => ({ ...doc, ...wrapped }));
    } finally {
      dek.fill(0);
    }
  }

  list(): EntryView[] {
    return (this.state.doc?.entries ?? []).map(toView);
  }

  get(id: string): EntryView {
    return toView(this.entry(id));
  }

  findByLabel(provider: EntryView['provider'], label: string): EntryView | undefined {
    const wanted = label.trim().toLowerCase();
    const found = this.state.doc?.entries.find(
      (e) => e.provider === provider && e.label.toLowerCase() === wanted,
    );
    return found ? toView(found) : undefined;
  }

  add(entry: NewEntry, secrets: Secrets): EntryView {
    const dek = this.requireKey();
    const label = normaliseLabel(entry.label);
    assertSecretFields(entry.kind, secrets);
    const id = hex(this.deps.random.bytes(16));
    const now = this.deps.clock.now();
    const stored = {
      ...entry,
      label,
      id,
      createdAt: now,
      updatedAt: now,
      secrets: this.sealAll(dek, id, secrets, {}),
    } as StoredEntry;
    const saved = this.mutate('added', (doc) => {
      assertLabelFree(doc.entries, stored.provider, label);
      return {
        ...doc,
        entries: [...doc.entries, stored],
        audit: appendAudit(doc.audit, { at: now, entryId: id, label, action: 'created' }),
      };
    });
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
    this.mutate('updated', (doc) => {
      const index = doc.entries.findIndex((e) => e.id === id);
      const current = doc.entries[index];
      if (!current) throw notFound();
      if (label !== undefined) assertLabelFree(doc.entries, current.provider, label, id);
      const now = this.deps.clock.now();
      let next = applyPatch(current, label === undefined ? patch : { ...patch, label }, now);
      if (secrets && dek) {
        assertSecretFields(current.kind, secrets);
        next = { ...next, secrets: this.sealAll(dek, id, secrets, current.secrets) };
      }
      const entries = doc.entries.slice();
      entries[index] = next;
      result = next;
      const action =
        audit?.action ?? (label !== undefined && label !== current.label ? 'renamed' : undefined);
      const record: AuditRecord | undefined = action
        ? {
            at: now,
            entryId: id,
            label: next.label,
            action,
            ...(audit?.detail ? { detail: audit.detail } : {}),
          }
        : undefined;
      return { ...doc, entries, audit: record ? appendAudit(doc.audit, record) : doc.audit };
    });
    if (!result) throw notFound();
    return toView(result);
  }

  remove(id: string): void {
    this.requireKey();
    this.mutate('removed', (doc) => {
      const current = doc.entries.find((e) => e.id === id);
      if (!current) throw notFound();
      const at = this.deps.clock.now();
      return {
        ...doc,
        entries: doc.entries.filter((e) => e.id !== id),
        audit: appendAudit(doc.audit, { at, entryId: id, label: current.label, action: 'deleted' }),
      };
    });
  }

  readSecret(id: string, field: SecretField): string | undefined {
    const dek = this.requireKey();
    this.refreshIfChanged();
    const entry = this.entry(id);
    const sealed = entry.secrets[field];
    if (sealed === undefined) return undefined;
    try {
      return this.crypto.openText(dek, sealed, secretAad(id, field, FORMAT_VERSION));
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      throw new VaultError(
        'storage-error',
        `The stored ${field} of "${entry.label}" failed its integrity check; it may have been tampered with.`,
      );
    }
  }

  audit(entryId?: string): AuditRecord[] {
    const all = this.state.doc?.audit ?? [];
    return (entryId === undefined ? all : all.filter((r) => r.entryId === entryId)).map((r) => ({
      ...r,
    }));
  }

  recordAudit(entryId: string, action: AuditAction, detail?: string): void {
    this.mutate('audit', (doc) => {
      const label = doc.entries.find((e) => e.id === entryId)?.label ?? entryId;
      const record: AuditRecord = {
        at: this.deps.clock.now(),
        entryId,
        label,
        action,
        ...(detail ? { detail } : {}),
      };
      return { ...doc, audit: appendAudit(doc.audit, record) };
    });
  }

  touch(): void {
    if (this.dek !== null && !this.idle.touch()) this.lock('idle');
  }

  reload(): void {
    if (this.state.load()) this.emitChange('reloaded');
  }

  /** Whether the file changed since this service last read or wrote it (for the watcher). */
  hasChangedOnDisk(): boolean {
    return this.state.changedOnDisk();
  }

  onChange(listener: (reason: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: (status: VaultStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** For tests (security.md 27): whether any key material is held. */
  holdsKeyMaterial(): boolean {
    return this.dek !== null;
  }

  // Keychain unlock: the policy lives in keychain-unlock.ts; the vault keeps the record only.

  setKeychainAvailability(available: () => boolean): void {
    this.keychainAvailable = available;
  }

  /** A copy of the DEK for the OS keychain to wrap; only while unlocked. */
  exportKeyForKeychain(): Uint8Array {
    return this.requireKey().slice();
  }

  keychainRecord(): KeychainRecord | undefined {
    this.refreshIfChanged();
    return this.requireDoc().keychain;
  }

  /** Stores the keychain-wrapped DEK with a check sealed under the DEK; null erases it. */
  setKeychainRecord(wrappedKey: string | null): void {
    const check =
      wrappedKey === null ? null : this.crypto.seal(this.requireKey(), 'keychain', KEYCHAIN_AAD);
    this.mutate('keychain', (doc) => {
      const next: VaultDocument = { ...doc };
      delete next.keychain;
      return wrappedKey === null || check === null
        ? next
        : { ...next, keychain: { wrappedKey, check } };
    });
    this.emitStatus();
  }

  /** Unlocks with a DEK the keychain gave back, after checking it is this vault's key. */
  unlockWithKey(key: Uint8Array): void {
    const record = this.keychainRecord();
    try {
      if (!record || key.length !== KEY_BYTES) throw new SealError();
      this.crypto.open(key, record.check, KEYCHAIN_AAD);
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      throw new VaultError(
        'wrong-password',
        'The system keychain did not give back this vault’s key. Unlock with your password.',
      );
    }
    this.setUnlocked(key.slice());
  }

  // -------------------------------------------------------------------------------------------

  private mutate(reason: string, apply: (doc: VaultDocument) => VaultDocument): VaultDocument {
    const next = this.state.mutate(apply);
    this.emitChange(reason);
    return next;
  }

  private refreshIfChanged(): void {
    if (this.state.changedOnDisk()) this.reload();
  }

  private sealAll(
    dek: Uint8Array,
    id: string,
    secrets: Secrets,
    existing: Record<string, string>,
  ): Record<string, string> {
    const out = { ...existing };
    for (const [field, value] of Object.entries(secrets)) {
      if (value === undefined) continue;
      out[field] = this.crypto.seal(dek, value, secretAad(id, field, FORMAT_VERSION));
    }
    return out;
  }

  private setUnlocked(dek: Uint8Array): void {
    this.dek?.fill(0);
    this.dek = dek;
    this.idle.arm();
    this.emitStatus();
  }

  private assertStrong(password: string): void {
    const problem = checkPassword(password);
    if (problem) throw new VaultError('weak-password', problem);
  }

  private requireDoc(): VaultDocument {
    if (!this.state.doc)
      throw new VaultError('vault-missing', 'There is no vault yet; create one first.');
    return this.state.doc;
  }

  private requireKey(): Uint8Array {
    this.requireDoc();
    if (this.dek === null) throw new VaultError('locked', 'The vault is locked.');
    return this.dek;
  }

  private entry(id: string): StoredEntry {
    const found = this.requireDoc().entries.find((e) => e.id === id);
    if (!found) throw notFound();
    return found;
  }

  private emitChange(reason: string): void {
    for (const listener of this.changeListeners) listener(reason);
  }

  private emitStatus(): void {
    const status = this.status();
    for (const listener of this.statusListeners) listener(status);
  }
}

const KEYCHAIN_AAD = `vault-keychain-check|${FORMAT_VERSION}`;
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const notFound = () => new VaultError('not-found', 'That entry no longer exists.');
