// The vault file. Format 2 (this version writes it): entry metadata and the audit trail are
// sealed with the data key and the whole document is authenticated (vault-seal.ts); only the
// KDF parameters, the wrapped data key, the keychain record and the locked index of deadlines
// are in clear. Format 1 (metadata in clear) is still read, and converted in one atomic save
// at the first unlock (VaultState), because sealing needs the key a parse does not have.
import type { AuditRecord, EntryView } from '../../../preload/api';
import type { LockedDeadline } from '../reminders/reminder.types';
import { FILE_MAC_BYTES, writeFileMac } from './vault-file-mac';
import { documentProblem, lockedIndexProblem, sealedDocumentProblem } from './vault-shape';

export const FORMAT_VERSION = 2;
/** Metadata in clear; read, converted at the first unlock, never written. */
export const LEGACY_FORMAT_VERSION = 1;
/** The audit log keeps the newest records only, so the file cannot grow without bound. */
export const MAX_AUDIT_RECORDS = 2000;

export interface KdfParams {
  algorithm: 'pbkdf2-sha256';
  iterations: number;
  /** base64, 16 bytes */
  salt: string;
}

/** An entry opened: its metadata view plus the sealed secrets (base64, by field name). */
export type StoredEntry = EntryView & { secrets: Record<string, string> };

export interface KeychainRecord {
  /** base64 of safeStorage.encryptString(base64 DEK). */
  wrappedKey: string;
  /** A known text sealed with the DEK, to tell a key the keychain mangled from the right one. */
  check: string;
}

/** What the key hierarchy needs from any format: the KDF, the wrapped key, the keychain. */
interface KeyHeader {
  kdf: KdfParams;
  /** The data key sealed with the key derived from the master password. */
  wrappedDek: string;
  /** Keychain unlock is on: the DEK wrapped by the OS keychain (keychain-unlock.ts). */
  keychain?: KeychainRecord;
}

/** The opened document the vault's logic works on; held in memory only while unlocked. */
export interface VaultDocument extends KeyHeader {
  formatVersion: typeof FORMAT_VERSION;
  entries: StoredEntry[];
  audit: AuditRecord[];
}

/** One entry on disk: its random id, and everything else sealed (AAD "entry|<id>|2"). */
export interface SealedEntry {
  id: string;
  /**
   * A keyed hash of provider and label (vault-seal.ts labelTag), so a lookup by label opens
   * one entry instead of all of them. Without the key it says nothing about the label.
   */
  tag: string;
  data: string;
}

/** Format 2 as on disk. */
export interface SealedDocument extends KeyHeader {
  formatVersion: typeof FORMAT_VERSION;
  entries: SealedEntry[];
  /** Each record sealed alone (AAD "audit|2"), oldest first. */
  audit: string[];
  /** In clear for locked reminders; not authenticated, rebuilt from the sealed data on unlock. */
  index: LockedDeadline[];
  /** base64 HMAC-SHA256 of everything above but the index (vault-seal.ts documentMac). */
  mac: string;
  /**
   * Every entry's metadata view in one sealed value, bound to this document's MAC (AAD
   * "listing|2|<mac>", vault-seal.ts sealListing), so `tokenvault list` opens one value
   * instead of every entry. Optional: a file without it, or with one that does not open for
   * this MAC and these entries, is listed from the entries.
   */
  listing?: string;
}

/** Format 1 as on disk: metadata and audit in clear, secrets sealed one by one. */
export interface LegacyDocument extends KeyHeader {
  formatVersion: typeof LEGACY_FORMAT_VERSION;
  entries: StoredEntry[];
  audit: AuditRecord[];
}

export type DiskDocument = SealedDocument | LegacyDocument;

/** The file is there but is not a vault this version can read. */
export class CorruptVaultError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CorruptVaultError';
  }
}

/**
 * A newer Token Vault wrote the file. Not damage: such a file is neither read nor
 * "recovered" from its backup; it is left exactly as it is, and the user is told to update.
 */
export class NewerFormatError extends CorruptVaultError {
  constructor(readonly formatVersion: number) {
    super(
      `The vault was written by a newer version of Token Vault (format ${formatVersion}); update Token Vault to open it. The file was left as it is.`,
    );
    this.name = 'NewerFormatError';
  }
}

const invalidAt = (problem: string) =>
  new CorruptVaultError(`The file is not a valid vault (problem at "${problem}").`);

function parseJson(text: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CorruptVaultError('The vault file is not valid JSON (it may be truncated).');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CorruptVaultError('The file is not a vault.');
  }
  return raw as Record<string, unknown>;
}

function versionOf(raw: Record<string, unknown>): number {
  const version = raw['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new CorruptVaultError('The file has no format version.');
  }
  if (version > FORMAT_VERSION) throw new NewerFormatError(version);
  if (version < LEGACY_FORMAT_VERSION) {
    throw new CorruptVaultError(`No migration from format ${version}.`);
  }
  return version;
}

/**
 * The key parameters of any document, with only the fields this version knows: what every
 * format shares, and what a format-1 document keeps when it is converted.
 */
export function keyHeaderOf(doc: KeyHeader): KeyHeader {
  const { kdf, wrappedDek, keychain } = doc;
  return {
    kdf: { algorithm: kdf.algorithm, iterations: kdf.iterations, salt: kdf.salt },
    wrappedDek,
    ...(keychain ? { keychain: { wrappedKey: keychain.wrappedKey, check: keychain.check } } : {}),
  };
}

/**
 * Parses and checks a vault file of either format; throws CorruptVaultError when it is not
 * one. Format 2 is checked in full (its parts are strings, so this is cheap); sealed parts
 * are opened only with the key. An unreadable locked index is dropped, not fatal: it is
 * unauthenticated by design and rebuilt at the next unlock.
 */
export function parseDiskDocument(text: string): DiskDocument {
  const raw = parseJson(text);
  if (versionOf(raw) === LEGACY_FORMAT_VERSION) {
    const problem = documentProblem(raw, LEGACY_FORMAT_VERSION);
    if (problem !== undefined) throw invalidAt(problem);
    const doc = raw as unknown as LegacyDocument;
    return {
      formatVersion: LEGACY_FORMAT_VERSION,
      ...keyHeaderOf(doc),
      entries: doc.entries,
      audit: doc.audit,
    };
  }
  const problem = sealedDocumentProblem(raw, FORMAT_VERSION);
  if (problem !== undefined) throw invalidAt(problem);
  const entries = (raw['entries'] as SealedEntry[]).map((e) => ({
    id: e.id,
    tag: e.tag,
    data: e.data,
  }));
  return sealedDocumentOf(raw, entries);
}

/**
 * A format-2 document from a parse that sealedDocumentProblem passed, with only the fields
 * this version knows, and its entries (parsed above, or found in the bytes by vault-scan.ts).
 */
export function sealedDocumentOf(
  raw: Record<string, unknown>,
  entries: SealedEntry[],
): SealedDocument {
  const doc = raw as unknown as SealedDocument;
  return {
    formatVersion: FORMAT_VERSION,
    ...keyHeaderOf(doc),
    entries,
    audit: doc.audit,
    index: lockedIndexProblem(doc.index) === undefined ? doc.index : [],
    mac: doc.mac,
    ...(typeof doc.listing === 'string' && doc.listing !== '' ? { listing: doc.listing } : {}),
  };
}

export function isVaultFile(text: string): boolean {
  try {
    parseDiskDocument(text);
    return true;
  } catch {
    return false;
  }
}

/** Appends an audit record, dropping the oldest beyond the bound. Returns a new array. */
export function appendAudit(audit: AuditRecord[], record: AuditRecord): AuditRecord[] {
  const next =
    audit.length >= MAX_AUDIT_RECORDS ? audit.slice(-(MAX_AUDIT_RECORDS - 1)) : [...audit];
  next.push(record);
  return next;
}

/**
 * Serializes sealed documents whose entries are treated as immutable: each entry object's
 * UTF-8 JSON is remembered, so saving a 10,000-entry vault after one change encodes only
 * what changed and copies the rest once. The bytes equal JSON.stringify(doc) as UTF-8, with
 * the KDF parameters first (the command line reads them from the file's first bytes); with
 * `fileMacKey`, the file MAC follows as the last field (vault-file-mac.ts).
 */
export function createDocumentSerializer(): (
  doc: SealedDocument,
  fileMacKey?: Uint8Array,
) => Buffer {
  const fragments = new WeakMap<object, Buffer>();
  const comma = Buffer.from(',');
  const json = (value: object): Buffer => {
    let bytes = fragments.get(value);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(value), 'utf8');
      fragments.set(value, bytes);
    }
    return bytes;
  };
  return (doc, fileMacKey) => {
    const head =
      `{"formatVersion":${JSON.stringify(doc.formatVersion)},"kdf":${JSON.stringify(doc.kdf)},` +
      `"wrappedDek":${JSON.stringify(doc.wrappedDek)},` +
      (doc.keychain ? `"keychain":${JSON.stringify(doc.keychain)},` : '') +
      `"entries":[`;
    const parts: Buffer[] = [Buffer.from(head, 'utf8')];
    doc.entries.forEach((entry, i) => {
      if (i > 0) parts.push(comma);
      parts.push(json(entry));
    });
    parts.push(
      Buffer.from(
        `],"audit":${JSON.stringify(doc.audit)},"index":${JSON.stringify(doc.index)},` +
          `"mac":${JSON.stringify(doc.mac)}` +
          (doc.listing !== undefined ? `,"listing":${JSON.stringify(doc.listing)}` : '') +
          (fileMacKey ? '' : '}'),
        'utf8',
      ),
    );
    if (!fileMacKey) return Buffer.concat(parts);
    // Room for the file MAC at the end, filled in place (vault-file-mac.ts).
    let length = FILE_MAC_BYTES;
    for (const part of parts) length += part.length;
    const file = Buffer.concat(parts, length);
    writeFileMac(file, fileMacKey);
    return file;
  };
}
