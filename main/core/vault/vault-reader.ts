// A read-only view of the vault file for short-lived readers (the command line's `list`,
// `headers`, `token`, `exec`, `inject`, `reminders`, completion). It reads the file once
// without the writers' lock (every save replaces the file by rename, so any read sees one
// whole version) and checks its shape. Everything but the locked index is sealed, so it
// needs the key: unlock() checks the document MAC, and entries are opened (node:crypto,
// NativeOpener) only as they are looked at; a lookup by label opens just the entries whose
// label tag matches. Anything it cannot read at once, it refuses
// (`open` returns undefined, or a CorruptVaultError) so the caller takes the full
// VaultService path, which converts format 1, recovers damaged files and reports why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryView } from '../../../preload/api';
import type { LockedDeadline } from '../reminders/reminder.types';
import { readKdfHead } from './early-kdf';
import { NativeOpener } from './native-opener';
import { SealError } from './seal-format';
import { findEntryByLabel, toView } from './vault-entries';
import {
  CorruptVaultError,
  FORMAT_VERSION,
  parseDiskDocument,
  type SealedDocument,
  type SealedEntry,
  type StoredEntry,
} from './vault-file';
import { CHANGED_OUTSIDE } from './vault-integrity';
import { unwrapDek } from './vault-keys';
import {
  labelTag,
  macKeyOf,
  macMatches,
  openEntry,
  openListing,
  tagKeyOf,
  teamFilesKeyOf,
} from './vault-seal';
import { scanSealedFile } from './vault-scan';
import { openSecret } from './vault-secrets';
import { VaultError, type SecretField, type VaultApi } from './vault.types';

/** What the readers above use; VaultService offers the same, so either can serve them. */
export type VaultReadApi = Pick<
  VaultApi,
  | 'isUnlocked'
  | 'list'
  | 'lockedIndex'
  | 'get'
  | 'findByLabel'
  | 'readSecret'
  | 'onStatus'
  | 'recordAudit'
  | 'teamFilesKey'
> & {
  unlock(password: string): Promise<void>;
  unlockWithSession(open: (wrappedDek: string) => Uint8Array): void;
};

export class VaultFileReader implements VaultReadApi {
  private dek: Uint8Array | null = null;
  private tagKey: Uint8Array | null = null;
  /** Entries opened so far, by id: a lookup opens only the entries it needs. */
  private opened = new Map<string, StoredEntry>();
  private constructor(
    private readonly path: string,
    private doc: SealedDocument,
    private readonly opener: NativeOpener,
  ) {}

  /**
   * The reader, or undefined when the file is missing, of an older format, or not readable
   * at once. With `password` (known before the file is read, e.g. from the environment) the
   * KDF starts from the file's first bytes and runs while the rest is read and parsed.
   */
  static open(path: string, options: { password?: string } = {}): VaultFileReader | undefined {
    const opener = new NativeOpener();
    if (options.password) {
      const kdf = readKdfHead(path);
      if (kdf) opener.startEarly(options.password, kdf.salt, kdf.iterations);
    }
    const doc = readDocument(path);
    return doc ? new VaultFileReader(path, doc, opener) : undefined;
  }

  /** The reader of `vault.json` in `dir` (the file VaultService keeps there). */
  static inFolder(dir: string, options: { password?: string } = {}): VaultFileReader | undefined {
    return VaultFileReader.open(join(dir, 'vault.json'), options);
  }

  /** Reads the file again (after another writer, e.g. a refresh, saved it). */
  reload(): void {
    const doc = readDocument(this.path);
    if (!doc) throw new CorruptVaultError('The vault file changed and could not be read again.');
    this.doc = doc;
    this.opened.clear();
    if (this.dek) this.checkMac(this.dek);
  }

  isUnlocked(): boolean {
    return this.dek !== null;
  }

  async unlock(password: string): Promise<void> {
    const dek = await unwrapDek(this.opener, this.doc, password);
    this.checkMac(dek);
    this.dek = dek;
    this.tagKey = tagKeyOf(dek);
  }

  /**
   * Unlocks with the data key a session gives for this file's wrapped key (vault-session.ts);
   * a key the document MAC does not confirm is refused with CorruptVaultError, as a changed
   * file is, and the caller takes the full path.
   */
  unlockWithSession(open: (wrappedDek: string) => Uint8Array): void {
    const dek = open(this.doc.wrappedDek);
    try {
      this.checkMac(dek);
    } catch (error) {
      dek.fill(0);
      throw error;
    }
    this.dek = dek;
    this.tagKey = tagKeyOf(dek);
  }

  lock(): void {
    this.dek?.fill(0);
    this.tagKey?.fill(0);
    this.dek = null;
    this.tagKey = null;
    this.opened.clear();
  }

  lockedIndex(): LockedDeadline[] {
    return this.doc.index;
  }

  /** From the sealed listing (one value) when the file has a usable one, else entry by entry. */
  list(): EntryView[] {
    const listed = openListing(this.opener, this.requireKey(), this.doc);
    if (listed) return listed;
    return this.doc.entries.map((sealed) => toView(this.openSealed(sealed)));
  }

  get(id: string): EntryView {
    return toView(this.stored(id));
  }

  /**
   * Opens only the entries whose label tag matches (the MAC proved the tags), and checks the
   * label inside, so a lookup in 10,000 entries opens one.
   */
  findByLabel(provider: EntryView['provider'], label: string): EntryView | undefined {
    if (!this.tagKey) throw new VaultError('locked', 'The vault is locked.');
    const tag = labelTag(this.tagKey, provider, label);
    const candidates = this.doc.entries.filter((e) => e.tag === tag).map((e) => this.openSealed(e));
    const found = findEntryByLabel(candidates, provider, label);
    return found ? toView(found) : undefined;
  }

  readSecret(id: string, field: SecretField): string | undefined {
    return openSecret(this.opener, this.requireKey(), this.stored(id), field);
  }

  teamFilesKey(): Buffer {
    return teamFilesKeyOf(this.requireKey());
  }

  onStatus(): () => void {
    return () => undefined;
  }

  recordAudit(): void {
    throw new VaultError('invalid-input', 'This view of the vault is read-only.');
  }

  /** A changed file goes to the full path, which says what was changed and what is intact. */
  private checkMac(dek: Uint8Array): void {
    if (!macMatches(this.doc, macKeyOf(dek))) {
      throw new CorruptVaultError(`${CHANGED_OUTSIDE}.`);
    }
  }

  private requireKey(): Uint8Array {
    if (!this.dek) throw new VaultError('locked', 'The vault is locked.');
    return this.dek;
  }

  private stored(id: string): StoredEntry {
    const known = this.opened.get(id);
    if (known) return known;
    const sealed = this.doc.entries.find((e) => e.id === id);
    if (!sealed) throw new VaultError('not-found', 'That entry is no longer in the vault.');
    return this.openSealed(sealed);
  }

  private openSealed(sealed: SealedEntry): StoredEntry {
    const known = this.opened.get(sealed.id);
    if (known) return known;
    let entry: StoredEntry;
    try {
      entry = openEntry(this.opener, this.requireKey(), sealed);
    } catch (error) {
      // The MAC matched, so this is damage the full path reports (and keeps).
      if (error instanceof SealError) throw new CorruptVaultError(`${CHANGED_OUTSIDE}.`);
      throw error;
    }
    this.opened.set(sealed.id, entry);
    return entry;
  }
}

/**
 * The sealed document, or undefined (missing, damaged, or format 1 to be converted). A file as
 * the serializer writes it is scanned in its bytes (vault-scan.ts); any other is parsed.
 */
function readDocument(path: string): SealedDocument | undefined {
  try {
    const bytes = readFileSync(path);
    const scanned = scanSealedFile(bytes);
    if (scanned) return scanned;
    const doc = parseDiskDocument(bytes.toString('utf8'));
    return doc.formatVersion === FORMAT_VERSION ? doc : undefined;
  } catch {
    return undefined;
  }
}
