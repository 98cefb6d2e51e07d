// The vault document and its file: load (sealed, readable without the key), open (with the
// key, lazily: unlock checks the document MAC only, entries are opened the first time they
// are needed), and read-latest -> apply -> seal -> verified save under the cross-process
// lock. Memory changes only after the file holds the new state, so a failed save leaves
// nothing half-applied. A format-1 file is converted here, in one save, at the first unlock.
import type { AuditRecord } from '../../../preload/api';
import type { LockedDeadline } from '../reminders/reminder.types';
import type { VaultCrypto } from './crypto';
import { NativeOpener } from './native-opener';
import type { SafeStore } from './safe-store';
import { SealError } from './seal-format';
import { keepLegacyCopy, keepLastGoodCopy } from './vault-copies';
import {
  FORMAT_VERSION,
  LEGACY_FORMAT_VERSION,
  createDocumentSerializer,
  keyHeaderOf,
  NewerFormatError,
  parseDiskDocument,
  type DiskDocument,
  type SealedDocument,
  type SealedEntry,
  type StoredEntry,
  type VaultDocument,
} from './vault-file';
import { lockedIndexOf } from './vault-index';
import { integrityNotice, type IntegrityReport } from './vault-integrity';
import {
  finishSealed,
  macKeyOf,
  macMatches,
  openAudit,
  openEntry,
  sealAudit,
  sealEntry,
  fileMacKeyOf,
  tagKeyOf,
  withListing,
} from './vault-seal';
import { toView } from './vault-entries';
import { VaultError } from './vault.types';

/** The persistence the vault needs (SafeStore provides it). */
export type VaultStorage = Pick<
  SafeStore,
  'start' | 'readText' | 'writeBytes' | 'withLock' | 'hasChangedOnDisk' | 'path'
> &
  Partial<Pick<SafeStore, 'backupPath'>>;

const OPEN_ARRAY = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE_ARRAY = Buffer.from(']');

export class VaultState {
  private disk: DiskDocument | undefined;
  /** The opened document, only while a key is held; dropped on lock and on reload. */
  private plain: VaultDocument | undefined;
  /** Sealed records the key could not open: kept in the file, never shown, never dropped. */
  private damaged: SealedEntry[] = [];
  private readonly serialize = createDocumentSerializer();
  private readonly opener = new NativeOpener();
  /** The sealed form of each opened or saved entry and record, so a save seals only changes. */
  private readonly sealedEntries = new WeakMap<StoredEntry, SealedEntry>();
  private readonly sealedAudit = new WeakMap<AuditRecord, string>();
  /** Each entry's metadata view as JSON (UTF-8), for the listing (listingJson). */
  private readonly viewJson = new WeakMap<StoredEntry, Buffer>();
  /** The sealed document whose MAC was last checked, and with what result. */
  private checked: { doc: SealedDocument; ok: boolean } | undefined;
  private report: IntegrityReport | undefined;
  /** The last document parsed while validating, so start() does not parse the file twice. */
  private parsed: { text: string; doc: DiskDocument } | undefined;
  /** Set when the file is of a newer format: it is kept as it is and nothing opens it. */
  private newer: string | undefined;

  constructor(
    private readonly store: VaultStorage,
    private readonly crypto: VaultCrypto,
    /** The data key while unlocked, null while locked. */
    private readonly key: () => Uint8Array | null,
  ) {}

  get exists(): boolean {
    return this.disk !== undefined || this.newer !== undefined;
  }

  /** Why the file cannot be opened at all (a newer Token Vault wrote it), if so. */
  get newerFormat(): string | undefined {
    return this.newer;
  }

  /** The key parameters (readable while locked): KDF, wrapped data key, keychain record. */
  get header(): DiskDocument | undefined {
    return this.disk;
  }

  /** What the last opening found wrong with the file, said for the user (once per problem). */
  get integrity(): IntegrityReport | undefined {
    return this.report;
  }

  integrityNotice(): string | undefined {
    return this.report ? integrityNotice(this.report) : undefined;
  }

  /** Validator for SafeStore: whether a file's text is a vault (remembers the parse). */
  readonly validateFile = (text: string): boolean => {
    try {
      this.parsed = { text, doc: parseDiskDocument(text) };
      return true;
    } catch (error) {
      // A newer format is not damage: "recovering" it would put an older copy in its place.
      return error instanceof NewerFormatError;
    }
  };

  /** Loads the file; returns false (keeping what is in memory) when it cannot be read. */
  load(): boolean {
    const text = this.store.readText();
    if (text === undefined) {
      this.disk = undefined;
      this.plain = undefined;
      this.newer = undefined;
      return true;
    }
    try {
      this.disk = this.parsed?.text === text ? this.parsed.doc : parseDiskDocument(text);
      this.parsed = undefined;
      this.plain = undefined;
      this.damaged = [];
      this.newer = undefined;
      return true;
    } catch (error) {
      if (!(error instanceof NewerFormatError)) return false;
      this.newer = error.message;
      this.disk = undefined;
      this.plain = undefined;
      return true;
    }
  }

  changedOnDisk(): boolean {
    return this.store.hasChangedOnDisk();
  }

  /** Forgets the opened metadata (on lock): while locked only the sealed file is held. */
  forget(): void {
    this.plain = undefined;
    this.damaged = [];
  }

  /** The locked index: from the opened entries while unlocked, from the file while locked. */
  lockedIndex(): LockedDeadline[] {
    if (this.plain) return lockedIndexOf(this.plain.entries);
    const disk = this.disk;
    if (!disk) return [];
    return disk.formatVersion === FORMAT_VERSION ? disk.index : lockedIndexOf(disk.entries);
  }

  /**
   * Checks the document with a just-unwrapped key: the MAC only, unless it fails, when every
   * part is opened to say what is wrong. A format-1 file is converted now (one atomic save;
   * its previous file is kept beside it).
   */
  verify(dek: Uint8Array): void {
    const disk = this.disk;
    if (!disk) return;
    if (disk.formatVersion === LEGACY_FORMAT_VERSION) {
      this.convertLegacy(disk, dek);
      return;
    }
    if (!this.macOk(disk, dek)) this.opened(dek);
  }

  /** Whether `dek` is the data key of the file, by its document MAC (format 2 only). */
  keyFits(dek: Uint8Array): boolean {
    const disk = this.disk;
    return disk?.formatVersion === FORMAT_VERSION && this.macOk(disk, dek);
  }

  /** The opened document; opens it (all entries) the first time. Needs the key. */
  opened(dek = this.requireKey()): VaultDocument {
    if (this.plain) return this.plain;
    const disk = this.requireDisk();
    this.plain =
      disk.formatVersion === LEGACY_FORMAT_VERSION
        ? this.convertLegacy(disk, dek)
        : this.open(disk, dek);
    return this.plain;
  }

  /** Writes a brand-new vault, refusing if any file appeared meanwhile. */
  create(doc: VaultDocument, dek: Uint8Array): void {
    const sealed = this.seal(doc, dek);
    this.store.withLock(() => {
      if (this.store.readText() !== undefined) {
        throw new VaultError('vault-exists', 'A vault already exists here.');
      }
      this.store.writeBytes(this.fileBytes(sealed, dek));
    });
    this.disk = sealed;
    this.plain = doc;
    this.checked = { doc: sealed, ok: true };
  }

  /**
   * Applies `apply` to the latest document on disk and saves it, all under the lock. Needs
   * the key (sealing does); `dek` overrides the held one (a password change while locked).
   */
  mutate(apply: (doc: VaultDocument) => VaultDocument, dek?: Uint8Array): VaultDocument {
    if (this.newer) throw new VaultError('storage-error', this.newer);
    const key = dek ?? this.requireKey();
    const next = this.store.withLock(() => {
      if (this.store.hasChangedOnDisk()) this.load();
      if (!this.disk) {
        throw new VaultError('vault-missing', 'There is no vault yet; create one first.');
      }
      const updated = apply(this.opened(key));
      const sealed = this.seal(updated, key);
      this.store.writeBytes(this.fileBytes(sealed, key));
      this.disk = sealed;
      this.checked = { doc: sealed, ok: true };
      return updated;
    });
    this.plain = next;
    return next;
  }

  /**
   * After an unlock opened the entries: rewrites the locked index when the file's differs
   * from the sealed data (edited, or from a crashed save), so the sealed metadata wins.
   */
  repairIndex(): boolean {
    const disk = this.disk;
    if (!disk || disk.formatVersion !== FORMAT_VERSION || !this.plain || !this.key()) return false;
    // A file changed outside Token Vault is not saved behind the user's back: the notice says
    // what was found, and their next change rewrites the index with everything else.
    if (this.report) return false;
    const wanted = lockedIndexOf(this.plain.entries);
    if (JSON.stringify(wanted) === JSON.stringify(disk.index)) return false;
    this.mutate((doc) => doc);
    return true;
  }

  // -------------------------------------------------------------------------------------------

  private macOk(disk: SealedDocument, dek: Uint8Array): boolean {
    if (this.checked?.doc === disk) return this.checked.ok;
    const ok = macMatches(disk, macKeyOf(dek));
    this.checked = { doc: disk, ok };
    return ok;
  }

  private open(disk: SealedDocument, dek: Uint8Array): VaultDocument {
    const macOk = this.macOk(disk, dek);
    this.report = undefined;
    const entries: StoredEntry[] = [];
    const damaged: SealedEntry[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    for (const sealed of disk.entries) {
      if (seen.has(sealed.id)) {
        duplicates += 1;
        continue;
      }
      try {
        const entry = openEntry(this.opener, dek, sealed);
        this.sealedEntries.set(entry, sealed);
        entries.push(entry);
        seen.add(sealed.id);
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        damaged.push(sealed);
      }
    }
    const audit: AuditRecord[] = [];
    let damagedAudit = 0;
    for (const sealed of disk.audit) {
      try {
        const record = openAudit(this.opener, dek, sealed);
        this.sealedAudit.set(record, sealed);
        audit.push(record);
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        damagedAudit += 1;
      }
    }
    // A damaged copy of an entry that opened elsewhere in the file is only a duplicate.
    this.damaged = damaged.filter((d) => !seen.has(d.id));
    duplicates += damaged.length - this.damaged.length;
    if (!macOk || this.damaged.length > 0 || duplicates > 0 || damagedAudit > 0) {
      this.report = {
        macOk,
        intactEntries: entries.length,
        damagedEntries: this.damaged.length,
        duplicateEntries: duplicates,
        damagedAudit,
        lastGoodCopy: this.store.backupPath
          ? keepLastGoodCopy(this.store.path, this.store.backupPath, (text) =>
              this.isIntactCopy(text, dek),
            )
          : undefined,
      };
    }
    return { formatVersion: FORMAT_VERSION, ...keyHeaderOf(disk), entries, audit };
  }

  /** Whether a file's text is a format-2 vault whose MAC this key confirms. */
  private isIntactCopy(text: string, dek: Uint8Array): boolean {
    try {
      const doc = parseDiskDocument(text);
      return doc.formatVersion === FORMAT_VERSION && macMatches(doc, macKeyOf(dek));
    } catch {
      return false;
    }
  }

  /** The file's bytes: the serialized document with its file MAC last (vault-file-mac.ts). */
  private fileBytes(sealed: SealedDocument, dek: Uint8Array): Buffer {
    return this.serialize(sealed, fileMacKeyOf(dek));
  }

  private seal(doc: VaultDocument, dek: Uint8Array): SealedDocument {
    let tagKey: Uint8Array | undefined;
    const entries: SealedEntry[] = doc.entries.map((entry) => {
      let sealed = this.sealedEntries.get(entry);
      if (sealed === undefined) {
        tagKey ??= tagKeyOf(dek);
        sealed = sealEntry(this.crypto, dek, entry, tagKey);
        this.sealedEntries.set(entry, sealed);
      }
      return sealed;
    });
    // Records the key could not open stay in the file (a last-good copy may still need them).
    const live = new Set(doc.entries.map((e) => e.id));
    for (const d of this.damaged) if (!live.has(d.id)) entries.push(d);
    const audit = doc.audit.map((record) => {
      let sealed = this.sealedAudit.get(record);
      if (sealed === undefined) {
        sealed = sealAudit(this.crypto, dek, record);
        this.sealedAudit.set(record, sealed);
      }
      return sealed;
    });
    const sealed = finishSealed(
      { formatVersion: FORMAT_VERSION, ...keyHeaderOf(doc), entries, audit },
      lockedIndexOf(doc.entries),
      dek,
    );
    // With damaged records kept in the file, a listing would not match its entries.
    if (entries.length !== doc.entries.length) return sealed;
    return withListing(sealed, this.listingJson(doc.entries), (plain, aad) =>
      this.crypto.seal(dek, plain, aad),
    );
  }

  /**
   * The listing's JSON: each entry's view as UTF-8 is remembered, as the serializer remembers
   * the sealed entries, so a save after one change stringifies one view, not 10,000.
   */
  private listingJson(entries: readonly StoredEntry[]): Buffer {
    const parts: Buffer[] = [OPEN_ARRAY];
    entries.forEach((entry, i) => {
      if (i > 0) parts.push(COMMA);
      let bytes = this.viewJson.get(entry);
      if (bytes === undefined) {
        bytes = Buffer.from(JSON.stringify(toView(entry)), 'utf8');
        this.viewJson.set(entry, bytes);
      }
      parts.push(bytes);
    });
    parts.push(CLOSE_ARRAY);
    return Buffer.concat(parts);
  }

  /**
   * Format 1 -> 2: the same entries and records, sealed, in one verified save. Returns the
   * opened document (another process's conversion, when it got there first).
   */
  private convertLegacy(
    legacy: Extract<DiskDocument, { formatVersion: 1 }>,
    dek: Uint8Array,
  ): VaultDocument {
    const doc: VaultDocument = {
      formatVersion: FORMAT_VERSION,
      ...keyHeaderOf(legacy),
      entries: legacy.entries,
      audit: legacy.audit,
    };
    const sealed = this.seal(doc, dek);
    const converted = this.store.withLock((): SealedDocument => {
      const text = this.store.readText();
      if (text === undefined) throw new VaultError('vault-missing', 'The vault file is gone.');
      const now = parseDiskDocument(text);
      // Another process converted it meanwhile: use its file.
      if (now.formatVersion !== LEGACY_FORMAT_VERSION) return now;
      keepLegacyCopy(this.store.path, text);
      this.store.writeBytes(this.fileBytes(sealed, dek));
      this.checked = { doc: sealed, ok: true };
      return sealed;
    });
    this.disk = converted;
    this.plain = converted === sealed ? doc : this.open(converted, dek);
    return this.plain;
  }

  private requireDisk(): DiskDocument {
    if (this.newer) throw new VaultError('storage-error', this.newer);
    if (!this.disk)
      throw new VaultError('vault-missing', 'There is no vault yet; create one first.');
    return this.disk;
  }

  private requireKey(): Uint8Array {
    const key = this.key();
    if (key === null) throw new VaultError('locked', 'The vault is locked.');
    return key;
  }
}
