// A read-only view of the vault file for short-lived readers (the command line's `list`,
// `headers`, `token`, `exec`, `inject`, `reminders`, completion). It reads the file once
// without the writers' lock (every save replaces the file by rename, so any read sees one
// whole version) and checks its shape. Everything but the locked index is sealed, so it
// needs the key: unlock() checks the document MAC, and entries are opened (node:crypto,
// NativeOpener) only as they are looked at; a lookup by label opens just the entries whose
// label tag matches. A file that ends with a file MAC (vault-file-mac.ts) is not scanned at
// all when that MAC verifies under the key: the entry a command needs, and the listing, are
// found in its bytes. A reader told it will only list (ReadExtent) keeps just the bytes
// before and after the entries, and reads the file whole if asked for more after all.
// Anything it cannot read at once, it refuses
// (`open` returns undefined, or a CorruptVaultError) so the caller takes the full
// VaultService path, which converts format 1, recovers damaged files and reports why.
import { isAscii } from 'node:buffer';
import { join } from 'node:path';
import type { EntryView } from '../../../preload/api';
import type { LockedDeadline } from '../reminders/reminder.types';
import { readKdfHead } from './early-kdf';
import { NativeOpener } from './native-opener';
import { SealError } from './seal-format';
import { fileMacMatches, fileMacText, hasFileMac, readVaultBytes } from './vault-file-mac';
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
import { headerProblem } from './vault-shape';
import { unwrapDek } from './vault-keys';
import {
  fileMacKeyOf,
  labelTag,
  macKeyOf,
  macMatches,
  openEntry,
  openListing,
  sessionCacheKeyOf,
  tagKeyOf,
  teamFilesKeyOf,
} from './vault-seal';
import { readVaultEnds, scanSealedFile, VerifiedFile, type ScannedEntry } from './vault-scan';
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

/** What unlocking needs from the file before anything else is read. */
type KeyHead = Pick<SealedDocument, 'kdf' | 'wrappedDek'>;

/**
 * The file as read: its bytes, the key header, and the scanned document unless the file ends
 * with a file MAC (then it is scanned only if that MAC does not verify, or when asked).
 */
interface ReadFile {
  bytes: Buffer;
  /** SHA-256 of what a file MAC would cover, made while reading (vault-file-mac.ts). */
  coveredDigest?: Buffer;
  head: KeyHead;
  doc?: SealedDocument;
  /** Read without its entries (readVaultEnds): anything but the listing reads it whole. */
  partial?: true;
}

/**
 * What a reader will be asked for: everything, or only the listing (`list`, `reminders`,
 * completion). A listing reader keeps only the bytes around the entries; should it be asked
 * for more after all (an entry, the scan, a listing that does not open), it reads the file
 * whole first, so the answers are the same.
 */
export type ReadExtent = 'all' | 'listing';

interface ReaderOptions {
  /** The master password when known before the file is read: the KDF starts early. */
  password?: string;
  extent?: ReadExtent;
}

export class VaultFileReader implements VaultReadApi {
  private dek: Uint8Array | null = null;
  private tagKey: Uint8Array | null = null;
  /** Set by an unlock whose key verified the file MAC: lookups search the bytes. */
  private verified: VerifiedFile | undefined;
  /** Entries opened so far, by id: a lookup opens only the entries it needs. */
  private opened = new Map<string, StoredEntry>();
  private constructor(
    private readonly path: string,
    private file: ReadFile,
    private readonly opener: NativeOpener,
  ) {}

  /**
   * The reader, or undefined when the file is missing, of an older format, or not readable
   * at once. With `password` (known before the file is read, e.g. from the environment) the
   * KDF starts from the file's first bytes and runs while the rest is read and parsed.
   */
  static open(path: string, options: ReaderOptions = {}): VaultFileReader | undefined {
    const opener = new NativeOpener();
    if (options.password) {
      const kdf = readKdfHead(path);
      if (kdf) opener.startEarly(options.password, kdf.salt, kdf.iterations);
    }
    const file = (options.extent === 'listing' && readEnds(path)) || readFile(path);
    return file ? new VaultFileReader(path, file, opener) : undefined;
  }

  /** The reader of `vault.json` in `dir` (the file VaultService keeps there). */
  static inFolder(dir: string, options: ReaderOptions = {}): VaultFileReader | undefined {
    return VaultFileReader.open(join(dir, 'vault.json'), options);
  }

  /** Reads the file again, whole (after another writer, e.g. a refresh, saved it). */
  reload(): void {
    const file = readFile(this.path);
    if (!file) throw new CorruptVaultError('The vault file changed and could not be read again.');
    this.file = file;
    this.verified = undefined;
    this.opened.clear();
    if (this.dek) this.verify(this.dek);
  }

  /** The whole file, when only its listing was read (asked for more after all). */
  private whole(): void {
    if (this.file.partial) this.reload();
  }

  isUnlocked(): boolean {
    return this.dek !== null;
  }

  async unlock(password: string): Promise<void> {
    const dek = await unwrapDek(this.opener, this.file.head, password);
    this.useKey(dek);
  }

  /**
   * Unlocks with the data key a session gives for this file's wrapped key (vault-session.ts);
   * a key the file does not confirm is refused with CorruptVaultError, as a changed file is,
   * and the caller takes the full path.
   */
  unlockWithSession(open: (wrappedDek: string) => Uint8Array): void {
    this.useKey(open(this.file.head.wrappedDek));
  }

  lock(): void {
    this.dek?.fill(0);
    this.tagKey?.fill(0);
    this.dek = null;
    this.tagKey = null;
    this.verified = undefined;
    this.opened.clear();
  }

  lockedIndex(): LockedDeadline[] {
    return this.scanned().index;
  }

  /** From the sealed listing (one value) when the file has a usable one, else entry by entry. */
  list(): EntryView[] {
    const dek = this.requireKey();
    const verified = this.verified;
    const listing = verified?.field('listing');
    const mac = verified?.field('mac');
    const listed =
      verified && listing !== undefined && mac !== undefined
        ? openListing(this.opener, dek, { listing, mac })
        : openListing(this.opener, dek, this.scanned());
    if (listed) return listed;
    return this.scanned().entries.map((sealed) => toView(this.openSealed(sealed)));
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
    this.whole();
    const tag = labelTag(this.tagKey, provider, label);
    const tagged: readonly SealedEntry[] =
      this.verified?.withTag(tag) ?? this.scanned().entries.filter((e) => e.tag === tag);
    const found = findEntryByLabel(
      tagged.map((e) => this.openSealed(e)),
      provider,
      label,
    );
    return found ? toView(found) : undefined;
  }

  readSecret(id: string, field: SecretField): string | undefined {
    return openSecret(this.opener, this.requireKey(), this.stored(id), field);
  }

  teamFilesKey(): Buffer {
    return teamFilesKeyOf(this.requireKey());
  }

  /**
   * What names this exact file for a session's cache (vault-session.ts): its file MAC, and
   * the caches' key. Only once that MAC verified under the key, so any changed byte gives
   * another name; undefined otherwise (a file read the long way is not cached).
   */
  cacheStamp(): { fileMac: string; key: Buffer } | undefined {
    const fileMac = this.verified && fileMacText(this.file.bytes);
    return fileMac ? { fileMac, key: sessionCacheKeyOf(this.requireKey()) } : undefined;
  }

  onStatus(): () => void {
    return () => undefined;
  }

  recordAudit(): void {
    throw new VaultError('invalid-input', 'This view of the vault is read-only.');
  }

  /** Holds `dek` once the file confirms it (verify); wiped and refused otherwise. */
  private useKey(dek: Uint8Array): void {
    try {
      this.verify(dek);
    } catch (error) {
      dek.fill(0);
      throw error;
    }
    this.dek = dek;
    this.tagKey = tagKeyOf(dek);
  }

  /**
   * The file MAC when the file has one and it verifies (one HMAC over the bytes), else the
   * document MAC over the scanned file. A changed file goes to the full path, which says what
   * was changed and what is intact.
   */
  private verify(dek: Uint8Array): void {
    const { bytes, coveredDigest, partial } = this.file;
    if (!this.file.doc && fileMacMatches(bytes, fileMacKeyOf(dek), coveredDigest)) {
      this.verified = VerifiedFile.of(bytes, { entries: !partial });
      if (this.verified) return;
    }
    // The scan reads the whole file first, when only its ends were read.
    const doc = this.scanned();
    // The key header read first must be the document's (a second "kdf" key would differ).
    if (doc.wrappedDek !== this.file.head.wrappedDek || !sameKdf(doc, this.file.head)) {
      throw new CorruptVaultError(`${CHANGED_OUTSIDE}.`);
    }
    if (!macMatches(doc, macKeyOf(dek))) {
      throw new CorruptVaultError(`${CHANGED_OUTSIDE}.`);
    }
  }

  /** The scanned document (scanned now if the file MAC spared it so far). */
  private scanned(): SealedDocument {
    this.whole();
    if (this.file.doc) return this.file.doc;
    const doc = readDocument(this.file.bytes);
    // The file MAC's structure was not the serializer's after all: the full path reads it.
    if (!doc) throw new CorruptVaultError(`${CHANGED_OUTSIDE}.`);
    this.file.doc = doc;
    return doc;
  }

  private requireKey(): Uint8Array {
    if (!this.dek) throw new VaultError('locked', 'The vault is locked.');
    return this.dek;
  }

  private stored(id: string): StoredEntry {
    const known = this.opened.get(id);
    if (known) return known;
    this.whole();
    const found = this.verified?.withId(id);
    const sealed: SealedEntry | undefined =
      found === null ? undefined : (found ?? this.scanned().entries.find((e) => e.id === id));
    if (!sealed) throw new VaultError('not-found', 'That entry is no longer in the vault.');
    return this.openSealed(sealed);
  }

  private openSealed(sealed: SealedEntry | ScannedEntry): StoredEntry {
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

const sameKdf = (a: KeyHead, b: KeyHead): boolean =>
  a.kdf.algorithm === b.kdf.algorithm &&
  a.kdf.iterations === b.kdf.iterations &&
  a.kdf.salt === b.kdf.salt;

/**
 * The file, or undefined (missing, damaged, or format 1 to be converted). A file that ends
 * with a file MAC is left unscanned: its key header is read from its first bytes, where the
 * serializer writes it, and the rest waits for the key. Any other is read now.
 */
function readFile(path: string): ReadFile | undefined {
  let read: ReturnType<typeof readVaultBytes>;
  try {
    read = readVaultBytes(path);
  } catch {
    return undefined;
  }
  const { bytes } = read;
  const head = hasFileMac(bytes) ? keyHeadOf(bytes) : undefined;
  if (head) return { ...read, head };
  const doc = readDocument(bytes);
  return doc ? { bytes, head: doc, doc } : undefined;
}

/**
 * The file without its entries, for a listing reader; undefined (read it whole) for a file
 * without a file MAC, or not laid out as the serializer writes it.
 */
function readEnds(path: string): ReadFile | undefined {
  let read: ReturnType<typeof readVaultEnds>;
  try {
    read = readVaultEnds(path);
  } catch {
    return undefined;
  }
  if (!read || !hasFileMac(read.bytes)) return undefined;
  const head = keyHeadOf(read.bytes);
  return head ? { ...read, head, partial: true } : undefined;
}

/** The key header from the bytes before the entries (ASCII, as the serializer writes it). */
function keyHeadOf(bytes: Buffer): KeyHead | undefined {
  const at = bytes.indexOf('"entries":[', 0, 'latin1');
  if (at < 0 || !isAscii(bytes.subarray(0, at))) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(`${bytes.toString('latin1', 0, at)}"entries":[],"audit":[]}`);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const head = raw as Record<string, unknown>;
  if (headerProblem(head, FORMAT_VERSION) !== undefined) return undefined;
  return head as unknown as KeyHead;
}

/**
 * The sealed document, or undefined (damaged, or format 1 to be converted). A file as the
 * serializer writes it is scanned in its bytes (vault-scan.ts); any other is parsed.
 */
function readDocument(bytes: Buffer): SealedDocument | undefined {
  try {
    const scanned = scanSealedFile(bytes);
    if (scanned) return scanned;
    const doc = parseDiskDocument(bytes.toString('utf8'));
    return doc.formatVersion === FORMAT_VERSION ? doc : undefined;
  } catch {
    return undefined;
  }
}
