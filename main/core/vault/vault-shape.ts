// The shape checks of a vault file, written out by hand (no schema library): they run on
// every app start over all entries, and on the command line's read path over the entries a
// command touches, where loading a schema library would cost more than the checks. Each
// check returns the path of the first problem ("entries.3.kind"), or undefined.
import { ENTRY_KINDS, PROVIDER_IDS } from '../providers/registry';

const PROVIDERS: ReadonlySet<string> = new Set(PROVIDER_IDS);
const KINDS: ReadonlySet<string> = new Set(ENTRY_KINDS);
const STATUSES = new Set(['active', 'needs-reauth', 'revoked', 'error']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBase64 = (v: unknown, min = 0): v is string =>
  typeof v === 'string' && v.length >= min && BASE64.test(v);
const inSet = (set: ReadonlySet<string>, v: unknown) => typeof v === 'string' && set.has(v);

/** The fields the vault itself relies on; per-kind fields ride along unchecked. */
export function entryProblem(raw: unknown): string | undefined {
  const view = viewProblem(raw);
  if (view !== undefined || !isObject(raw)) return view;
  const secrets = raw['secrets'];
  if (!isObject(secrets)) return 'secrets';
  for (const [field, sealed] of Object.entries(secrets)) {
    if (!isBase64(sealed)) return `secrets.${field}`;
  }
  return undefined;
}

/** An entry's metadata view (no secrets; the sealed listing holds these). */
export function viewProblem(raw: unknown): string | undefined {
  if (!isObject(raw)) return '';
  if (typeof raw['id'] !== 'string' || raw['id'] === '') return 'id';
  if (typeof raw['label'] !== 'string') return 'label';
  if (!inSet(PROVIDERS, raw['provider'])) return 'provider';
  if (!inSet(KINDS, raw['kind'])) return 'kind';
  if (!inSet(STATUSES, raw['status'])) return 'status';
  if (!isNumber(raw['createdAt'])) return 'createdAt';
  if (!isNumber(raw['updatedAt'])) return 'updatedAt';
  return undefined;
}

export function auditProblem(raw: unknown): string | undefined {
  if (!isObject(raw)) return '';
  if (!isNumber(raw['at'])) return 'at';
  for (const key of ['entryId', 'label', 'action']) {
    if (typeof raw[key] !== 'string') return key;
  }
  if (raw['detail'] !== undefined && typeof raw['detail'] !== 'string') return 'detail';
  return undefined;
}

/** Everything but the entries and audit records (checked one by one, when needed). */
export function headerProblem(raw: Json, formatVersion: number): string | undefined {
  if (raw['formatVersion'] !== formatVersion) return 'formatVersion';
  const kdf = raw['kdf'];
  if (!isObject(kdf)) return 'kdf';
  if (kdf['algorithm'] !== 'pbkdf2-sha256') return 'kdf.algorithm';
  const iterations = kdf['iterations'];
  if (!isNumber(iterations) || !Number.isInteger(iterations) || iterations < 1) {
    return 'kdf.iterations';
  }
  if (!isBase64(kdf['salt'], 1)) return 'kdf.salt';
  if (!isBase64(raw['wrappedDek'], 1)) return 'wrappedDek';
  if (!Array.isArray(raw['entries'])) return 'entries';
  if (!Array.isArray(raw['audit'])) return 'audit';
  const keychain = raw['keychain'];
  if (keychain !== undefined) {
    if (!isObject(keychain)) return 'keychain';
    if (!isBase64(keychain['wrappedKey'], 1)) return 'keychain.wrappedKey';
    if (!isBase64(keychain['check'], 1)) return 'keychain.check';
  }
  return undefined;
}

/** The first problem anywhere in the document. */
export function documentProblem(raw: Json, formatVersion: number): string | undefined {
  const header = headerProblem(raw, formatVersion);
  if (header !== undefined) return header;
  const lists: [string, unknown[], (v: unknown) => string | undefined][] = [
    ['entries', raw['entries'] as unknown[], entryProblem],
    ['audit', raw['audit'] as unknown[], auditProblem],
  ];
  for (const [name, items, check] of lists) {
    for (let i = 0; i < items.length; i++) {
      const problem = check(items[i]);
      if (problem !== undefined) return [name, i, problem].filter((p) => p !== '').join('.');
    }
  }
  return undefined;
}

/** Entry ids are random hex (older vaults and tools may use letters, digits, "-", "_", "."). */
const ENTRY_ID = /^[A-Za-z0-9._-]{1,128}$/;
const DEADLINE_KINDS = new Set(['refresh-expiry', 'pat-expiry', 'token-expiry', 'needs-reauth']);

const isText = (v: unknown, max = Infinity): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max;

/** A sealed entry's problem ("id", "tag" or "data"); its data only has to be text. */
export function sealedEntryProblem(
  id: unknown,
  tag: unknown,
  dataLength: number,
): string | undefined {
  if (typeof id !== 'string' || !ENTRY_ID.test(id)) return 'id';
  if (!isText(tag, 64)) return 'tag';
  if (dataLength < 1) return 'data';
  return undefined;
}

/**
 * Format 2's header and sealed parts. Sealed values are only checked to be text here: the
 * document MAC and each value's tag prove them, and a pattern test over every entry would
 * cost more than the rest of a read (the command line reads all 10,000 on each call).
 */
export function sealedDocumentProblem(raw: Json, formatVersion: number): string | undefined {
  const header = headerProblem(raw, formatVersion);
  if (header !== undefined) return header;
  const entries = raw['entries'] as unknown[];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!isObject(entry)) return `entries.${i}`;
    const data = entry['data'];
    const problem = sealedEntryProblem(
      entry['id'],
      entry['tag'],
      typeof data === 'string' ? data.length : 0,
    );
    if (problem !== undefined) return `entries.${i}.${problem}`;
  }
  const audit = raw['audit'] as unknown[];
  for (let i = 0; i < audit.length; i++) {
    if (!isText(audit[i])) return `audit.${i}`;
  }
  if (!isBase64(raw['mac'], 1)) return 'mac';
  return undefined;
}

/** The locked index's first problem; an index with one is dropped (it is rebuilt on unlock). */
export function lockedIndexProblem(raw: unknown): string | undefined {
  if (!Array.isArray(raw)) return 'index';
  for (let i = 0; i < raw.length; i++) {
    const record: unknown = raw[i];
    if (!isObject(record)) return `index.${i}`;
    if (typeof record['id'] !== 'string') return `index.${i}.id`;
    if (!inSet(DEADLINE_KINDS, record['kind'])) return `index.${i}.kind`;
    const at = record['at'];
    if (at !== null && !isNumber(at)) return `index.${i}.at`;
    const snoozed = record['snoozedUntil'];
    if (snoozed !== undefined && !isNumber(snoozed)) return `index.${i}.snoozedUntil`;
  }
  return undefined;
}
