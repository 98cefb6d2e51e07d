// The vault document, format v1: what is on disk, how it is checked on load, and how older
// formats are brought forward. Metadata is plain JSON; each secret field is sealed alone.
import type { AuditRecord, EntryView } from '../../../preload/api';
import { documentProblem, headerProblem } from './vault-shape';

export const FORMAT_VERSION = 1;
/** The audit log keeps the newest records only, so the file cannot grow without bound. */
export const MAX_AUDIT_RECORDS = 2000;

export interface KdfParams {
  algorithm: 'pbkdf2-sha256';
  iterations: number;
  /** base64, 16 bytes */
  salt: string;
}

/** An entry as stored: its metadata view plus the sealed secrets (base64, by field name). */
export type StoredEntry = EntryView & { secrets: Record<string, string> };

export interface VaultDocument {
  formatVersion: typeof FORMAT_VERSION;
  kdf: KdfParams;
  /** The data key sealed with the key derived from the master password. */
  wrappedDek: string;
  entries: StoredEntry[];
  audit: AuditRecord[];
  /** Keychain unlock is on: the DEK wrapped by the OS keychain (keychain-unlock.ts). */
  keychain?: KeychainRecord;
}

export interface KeychainRecord {
  /** base64 of safeStorage.encryptString(base64 DEK). */
  wrappedKey: string;
  /** A known text sealed with the DEK, to tell a key the keychain mangled from the right one. */
  check: string;
}

/** The file is there but is not a vault this version can read. */
export class CorruptVaultError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CorruptVaultError';
  }
}

/** Steps from format N to N+1. Each takes the parsed JSON of version N. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Record<number, Migration> = {};

function migrate(raw: Record<string, unknown>, steps: Record<number, Migration> = migrations) {
  let doc = raw;
  let version = doc['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new CorruptVaultError('The file has no format version.');
  }
  if (version > FORMAT_VERSION) {
    throw new CorruptVaultError('The vault was written by a newer version of Token Vault.');
  }
  while (version < FORMAT_VERSION) {
    const step = steps[version];
    if (!step) throw new CorruptVaultError(`No migration from format ${version}.`);
    doc = step(doc);
    version += 1;
    doc['formatVersion'] = version;
  }
  return doc;
}

/**
 * Parses a vault file's text and checks everything but the entries and audit records (which
 * the caller checks all at once, or one by one as it uses them). Throws CorruptVaultError.
 */
export function parseVaultHeader(
  text: string,
  steps: Record<number, Migration> = migrations,
): VaultDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CorruptVaultError('The vault file is not valid JSON (it may be truncated).');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CorruptVaultError('The file is not a vault.');
  }
  const doc = migrate(raw as Record<string, unknown>, steps);
  const problem = headerProblem(doc, FORMAT_VERSION);
  if (problem !== undefined) throw invalidAt(problem);
  return doc as unknown as VaultDocument;
}

const invalidAt = (problem: string) =>
  new CorruptVaultError(`The file is not a valid vault (problem at "${problem}").`);

/** Parses and checks a vault file's text; throws CorruptVaultError when it is not a vault. */
export function parseVaultDocument(
  text: string,
  steps: Record<number, Migration> = migrations,
): VaultDocument {
  const doc = parseVaultHeader(text, steps);
  const problem = documentProblem(doc as unknown as Record<string, unknown>, FORMAT_VERSION);
  if (problem !== undefined) throw invalidAt(problem);
  return knownFields(doc);
}

/** The document with the top-level fields this version knows (others are dropped). */
function knownFields(doc: VaultDocument): VaultDocument {
  const { formatVersion, kdf, wrappedDek, entries, audit, keychain } = doc;
  return {
    formatVersion,
    kdf: { algorithm: kdf.algorithm, iterations: kdf.iterations, salt: kdf.salt },
    wrappedDek,
    entries,
    audit,
    ...(keychain ? { keychain: { wrappedKey: keychain.wrappedKey, check: keychain.check } } : {}),
  };
}

export function isVaultDocument(text: string): boolean {
  try {
    parseVaultDocument(text);
    return true;
  } catch {
    return false;
  }
}

export function serializeVaultDocument(doc: VaultDocument): string {
  return JSON.stringify(doc);
}

/** Appends an audit record, dropping the oldest beyond the bound. Returns a new array. */
export function appendAudit(audit: AuditRecord[], record: AuditRecord): AuditRecord[] {
  const next =
    audit.length >= MAX_AUDIT_RECORDS ? audit.slice(-(MAX_AUDIT_RECORDS - 1)) : [...audit];
  next.push(record);
  return next;
}

/**
 * Serializes documents whose entries and audit records are treated as immutable: each
 * object's UTF-8 JSON is remembered, so saving a 10,000-entry vault after one change encodes
 * only what changed and copies the rest once. The bytes equal JSON.stringify(doc) as UTF-8.
 */
export function createDocumentSerializer(): (doc: VaultDocument) => Buffer {
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
  const list = (items: readonly object[], parts: Buffer[]): void => {
    items.forEach((item, i) => {
      if (i > 0) parts.push(comma);
      parts.push(json(item));
    });
  };
  return (doc) => {
    const head =
      `{"formatVersion":${JSON.stringify(doc.formatVersion)},"kdf":${JSON.stringify(doc.kdf)},` +
      `"wrappedDek":${JSON.stringify(doc.wrappedDek)},"entries":[`;
    const parts: Buffer[] = [Buffer.from(head, 'utf8')];
    list(doc.entries, parts);
    parts.push(Buffer.from('],"audit":['));
    list(doc.audit, parts);
    parts.push(Buffer.from(doc.keychain ? `],"keychain":${JSON.stringify(doc.keychain)}}` : ']}'));
    return Buffer.concat(parts);
  };
}
