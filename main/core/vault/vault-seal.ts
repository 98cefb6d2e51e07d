// Format 2's sealing of the whole document (issue 12, README "Security model"). Each entry's
// metadata, with its still separately sealed secrets, is one AES-256-GCM value bound to the
// entry id and the format (AAD "entry|<id>|2"); each audit record is one value ("audit|2");
// and an HMAC-SHA256 under a key derived from the data key (HKDF) covers the header fields,
// the entry set sorted by id (so the order in the file does not matter, but a removed,
// duplicated, swapped or replayed entry changes it) and the audit trail in order. Only the
// locked index (vault-index.ts) stays outside, by design, and is rebuilt on every unlock.
import { isAscii } from 'node:buffer';
import { createHmac, hkdfSync, timingSafeEqual, type Hmac } from 'node:crypto';
import type { AuditRecord, EntryView } from '../../../preload/api';
import { SealError, type KeyOpener } from './seal-format';
import type { VaultCrypto } from './crypto';
import {
  FORMAT_VERSION,
  type SealedDocument,
  type SealedEntry,
  type StoredEntry,
} from './vault-file';
import type { LockedDeadline } from '../reminders/reminder.types';
import { auditProblem, entryProblem, viewProblem } from './vault-shape';

export const entryAad = (id: string): string => `entry|${id}|${FORMAT_VERSION}`;
export const AUDIT_AAD = `audit|${FORMAT_VERSION}`;
/** The listing is bound to the document it lists: its MAC is part of the AAD. */
export const listingAad = (mac: string): string => `listing|${FORMAT_VERSION}|${mac}`;
/**
 * node:zlib when a listing is made or opened: loading it costs ~3 ms, which `headers`,
 * `token` and `exec` (they read no listing) would otherwise pay on every call.
 */
const zlib = () => process.getBuiltinModule('node:zlib');
/** Far above any real listing (10,000 entries are ~2.5 MB); a bigger one is not opened. */
const MAX_LISTING_BYTES = 64 * 1024 * 1024;
const MAC_INFO = `tokenvault document mac|${FORMAT_VERSION}`;
const TAG_INFO = `tokenvault label tag|${FORMAT_VERSION}`;
const FILE_MAC_INFO = `tokenvault file mac|${FORMAT_VERSION}`;
/** Bytes of a label tag: 128 bits, no collision among any vault's labels. */
const TAG_BYTES = 16;

const hkdf = (dek: Uint8Array, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', dek, new Uint8Array(0), info, 32));

/** The document MAC's key: HKDF-SHA256 of the data key, so the data key itself signs nothing. */
export function macKeyOf(dek: Uint8Array): Buffer {
  return hkdf(dek, MAC_INFO);
}

/**
 * The key that seals this vault's team files (membership and the offline copy, beside the
 * vault file): HKDF of the data key, so team code never holds the data key itself.
 */
export function teamFilesKeyOf(dek: Uint8Array): Buffer {
  return hkdf(dek, 'tokenvault team files|1');
}

/** The file MAC's key (vault-file-mac.ts): another HKDF info, so no two MACs share a key. */
export function fileMacKeyOf(dek: Uint8Array): Buffer {
  return hkdf(dek, FILE_MAC_INFO);
}

/**
 * The key of a command-line session's caches (vault-session.ts): what was drawn from the
 * vault is sealed under the vault's own key material, never under a key of its own.
 */
export function sessionCacheKeyOf(dek: Uint8Array): Buffer {
  return hkdf(dek, 'tokenvault session cache|1');
}

/** The label tags' key, also from the data key (another HKDF info). */
export function tagKeyOf(dek: Uint8Array): Buffer {
  return hkdf(dek, TAG_INFO);
}

/**
 * HMAC of provider and label as lookups compare them (trimmed, any case): a lookup computes
 * the tag and opens only the entries that carry it, then checks the label inside.
 */
export function labelTag(tagKey: Uint8Array, provider: string, label: string): string {
  return createHmac('sha256', tagKey)
    .update(`${provider}\0${label.trim().toLowerCase()}`)
    .digest()
    .subarray(0, TAG_BYTES)
    .toString('base64');
}

/** An entry whose sealed data is still bytes of the file (vault-scan.ts ScannedEntry). */
interface EntryBytes {
  dataBytes(): Uint8Array;
}

const CHUNK_BYTES = 65_536;

/**
 * Feeds an HMAC through one reused 64 KB buffer: one update per chunk rather than several
 * per entry (over 10,000 entries the per-call cost is most of the MAC's time), and the same
 * bytes as updating with each piece (text as UTF-8).
 */
class ChunkedHmac {
  private readonly chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  constructor(private readonly h: Hmac) {}

  text(value: string): void {
    // At most 3 bytes per UTF-16 unit, so a write with that much room is never cut short.
    if (value.length * 3 > CHUNK_BYTES - this.used) this.flush();
    if (value.length * 3 > CHUNK_BYTES) this.h.update(value, 'utf8');
    else this.used += this.chunk.write(value, this.used, 'utf8');
  }

  bytes(value: Uint8Array): void {
    if (value.length > CHUNK_BYTES - this.used) this.flush();
    if (value.length > CHUNK_BYTES) this.h.update(value);
    else {
      this.chunk.set(value, this.used);
      this.used += value.length;
    }
  }

  flush(): void {
    if (this.used > 0) this.h.update(this.chunk.subarray(0, this.used));
    this.used = 0;
  }
}

const byIdThenData = (a: SealedEntry, b: SealedEntry): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : a.data < b.data ? -1 : a.data > b.data ? 1 : 0;

type MacCovered = Pick<
  SealedDocument,
  'formatVersion' | 'kdf' | 'wrappedDek' | 'keychain' | 'entries' | 'audit'
>;

/**
 * What the MAC covers: everything but itself and the locked index. Ids and sealed values are
 * base64 or id characters, never "\0" or "\n", so the encoding below is unambiguous.
 */
function writeMacInput(doc: MacCovered, out: ChunkedHmac): void {
  out.text(`tokenvault-document|${doc.formatVersion}\n`);
  out.text(
    JSON.stringify([
      doc.kdf.algorithm,
      doc.kdf.iterations,
      doc.kdf.salt,
      doc.wrappedDek,
      doc.keychain?.wrappedKey ?? null,
      doc.keychain?.check ?? null,
    ]),
  );
  const sorted = doc.entries.slice().sort(byIdThenData);
  out.text(`\nentries ${sorted.length}\n`);
  for (const e of sorted) {
    out.text(`${e.id}\0${e.tag}\0`);
    const bytes = (e as Partial<EntryBytes>).dataBytes?.();
    if (bytes) out.bytes(bytes);
    else out.text(e.data);
    out.text('\n');
  }
  out.text(`audit ${doc.audit.length}\n`);
  out.text(doc.audit.length > 0 ? `${doc.audit.join('\n')}\n` : '');
  out.flush();
}

/** The document's MAC (HMAC-SHA256, base64) under `macKey` (macKeyOf). */
export function documentMac(doc: MacCovered, macKey: Uint8Array): string {
  const h = createHmac('sha256', macKey);
  writeMacInput(doc, new ChunkedHmac(h));
  return h.digest('base64');
}

const sameMac = (actualBase64: string, expectedBase64: string): boolean => {
  const expected = Buffer.from(expectedBase64, 'base64');
  const actual = Buffer.from(actualBase64, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** A sealed document from its sealed parts, the locked index, and the MAC over them. */
export function finishSealed(
  base: Omit<SealedDocument, 'index' | 'mac'>,
  index: LockedDeadline[],
  dek: Uint8Array,
): SealedDocument {
  return { ...base, index, mac: documentMac(base, macKeyOf(dek)) };
}

export function macMatches(doc: SealedDocument, macKey: Uint8Array): boolean {
  return sameMac(doc.mac, documentMac(doc, macKey));
}

/** One entry sealed: its id in clear (it is random), its label tag, everything else in `data`. */
export function sealEntry(
  crypto: VaultCrypto,
  dek: Uint8Array,
  entry: StoredEntry,
  tagKey: Uint8Array,
): SealedEntry {
  const { id, ...body } = entry;
  return {
    id,
    tag: labelTag(tagKey, entry.provider, entry.label),
    data: crypto.seal(dek, JSON.stringify(body), entryAad(id)),
  };
}

/** One entry opened and checked; SealError when it fails its tag or is not an entry inside. */
export function openEntry(opener: KeyOpener, dek: Uint8Array, sealed: SealedEntry): StoredEntry {
  const text = opener.openText(dek, sealed.data, entryAad(sealed.id));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SealError();
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SealError();
  const entry = { id: sealed.id, ...(body as Record<string, unknown>) };
  if ('id' in (body as object) || entryProblem(entry) !== undefined) throw new SealError();
  return entry as unknown as StoredEntry;
}

export function sealAudit(crypto: VaultCrypto, dek: Uint8Array, record: AuditRecord): string {
  return crypto.seal(dek, JSON.stringify(record), AUDIT_AAD);
}

export function openAudit(opener: KeyOpener, dek: Uint8Array, sealed: string): AuditRecord {
  let record: unknown;
  try {
    record = JSON.parse(opener.openText(dek, sealed, AUDIT_AAD));
  } catch (error) {
    if (error instanceof SealError) throw error;
    throw new SealError();
  }
  if (auditProblem(record) !== undefined) throw new SealError();
  return record as AuditRecord;
}

/**
 * The document with its listing: `viewsJson` is every entry's metadata view, in the entries'
 * order, as one JSON array (UTF-8). It is compressed (the views repeat their keys: 10,000 are
 * ~2.5 MB of JSON, ~0.1 MB deflated, so sealing it on each save stays cheap with node-forge)
 * and sealed with AAD "listing|2|<mac>". The MAC covers the entries, so a listing opens only
 * beside the entries it was made from.
 */
export function withListing(
  doc: SealedDocument,
  viewsJson: Uint8Array,
  seal: (plaintext: Uint8Array, aad: string) => string,
): SealedDocument {
  const plain = zlib().deflateRawSync(viewsJson, { level: 1 });
  return { ...doc, listing: seal(plain, listingAad(doc.mac)) };
}

/** UTF-8 text; ASCII (the usual listing) through the cheaper latin1 decoder, which equals it. */
function utf8(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * The views in the document's listing, or undefined when it has none or it cannot be used:
 * a failed tag (another document's listing, changed bytes, another key), or contents that are
 * not one valid view per entry. Given the document's `entries`, the views must carry their
 * ids in their order; without, the caller knows the listing was written with the entries
 * beside it (a file whose file MAC verified, vault-file-mac.ts). The caller then opens the
 * entries.
 */
export function openListing(
  opener: KeyOpener,
  dek: Uint8Array,
  doc: Pick<SealedDocument, 'listing' | 'mac'> & { entries?: readonly Pick<SealedEntry, 'id'>[] },
): EntryView[] | undefined {
  const entries = doc.entries;
  if (doc.listing === undefined) return undefined;
  let views: unknown;
  try {
    const packed = opener.open(dek, doc.listing, listingAad(doc.mac));
    // One output chunk for a usual listing: the views are ~25 times their deflated size.
    const plain = zlib().inflateRawSync(packed, {
      maxOutputLength: MAX_LISTING_BYTES,
      chunkSize: Math.min(MAX_LISTING_BYTES, Math.max(64 * 1024, packed.length * 32)),
    });
    views = JSON.parse(utf8(plain));
  } catch {
    return undefined;
  }
  if (!Array.isArray(views) || (entries && views.length !== entries.length)) return undefined;
  for (let i = 0; i < views.length; i++) {
    const view: unknown = views[i];
    if (viewProblem(view) !== undefined) return undefined;
    if (entries && (view as EntryView).id !== entries[i]?.id) return undefined;
  }
  return views as EntryView[];
}
