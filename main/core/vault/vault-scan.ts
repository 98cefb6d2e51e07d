// A fast reading of format 2 as the serializer writes it (vault-file.ts
// createDocumentSerializer), for the command line's read path: the 10,000 sealed entries are
// found in the file's bytes instead of being parsed into 10,000 objects and 10,000 long
// strings. Each entry keeps its id and label tag as text and its sealed data as a range of
// the file's bytes, turned into text only when the entry is opened; the document MAC reads
// those bytes directly (vault-seal.ts). On a machine where every new page of memory costs a
// fault, not making a copy of the file as text and another of every value in it is most of
// the read's time.
//
// It returns the same document JSON.parse and parseDiskDocument would, or undefined for
// anything else: a file with a byte outside ASCII or any backslash (so no JSON escape can make
// the bytes differ from the text), entries not exactly `{"id":"…","tag":"…","data":"…"}`, a
// second "entries" key, or any shape problem. The caller then takes parseDiskDocument, which
// reads every valid file and says what is wrong with the others.
//
// A file whose file MAC verified is not scanned at all: VerifiedFile (below) finds the one
// entry a command needs. A reader that needs only the listing reads the file without its
// entries (readVaultEnds, below), which relies on the same layout.
import { isAscii } from 'node:buffer';
import {
  FORMAT_VERSION,
  sealedDocumentOf,
  type SealedDocument,
  type SealedEntry,
} from './vault-file';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FILE_MAC_BYTES, fileMacAt } from './vault-file-mac';
import { sealedEntryProblem, sealedDocumentProblem } from './vault-shape';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSE_ARRAY = 0x5d;
const ENTRIES_KEY = Buffer.from('"entries":[', 'latin1');
const ENTRY_START = Buffer.from('{"id":"', 'latin1');
const AFTER_ID = Buffer.from('","tag":"', 'latin1');
const AFTER_TAG = Buffer.from('","data":"', 'latin1');
const ENTRY_END = Buffer.from('"}', 'latin1');
const AFTER_ENTRIES = Buffer.from('],"audit":[', 'latin1');

/** One entry found in the file: id and tag as text, the sealed data as bytes of the file. */
export class ScannedEntry implements SealedEntry {
  constructor(
    readonly id: string,
    readonly tag: string,
    private readonly bytes: Buffer,
    private readonly start: number,
    /** Where the sealed data ends (its closing quote) in the file's bytes. */
    readonly end: number,
  ) {}

  get data(): string {
    return latin1(this.bytes, this.start, this.end);
  }

  /** The sealed data's bytes (ASCII, so the same bytes as its UTF-8): a view, not a copy. */
  dataBytes(): Uint8Array {
    return this.bytes.subarray(this.start, this.end);
  }
}

/** Byte by byte: a literal is a few bytes, and Buffer.compare's argument checks cost more. */
function startsAt(bytes: Buffer, at: number, literal: Buffer): boolean {
  if (at + literal.length > bytes.length) return false;
  for (let i = 0; i < literal.length; i++) if (bytes[at + i] !== literal[i]) return false;
  return true;
}

/**
 * Buffer's own latin1 slice, which toString('latin1', start, end) calls after checking its
 * arguments again (20,000 times per read here). Every Node since 0.x has it.
 */
const latin1 = (bytes: Buffer, start: number, end: number): string =>
  (bytes as Buffer & { latin1Slice(start: number, end: number): string }).latin1Slice(start, end);

/**
 * The entry that starts at `at` (its `{"id":"`), exactly as the serializer writes one, or
 * undefined. Also used on a file whose MAC verified (vault-file-mac.ts), to read one entry.
 */
export function scanEntryAt(bytes: Buffer, at: number): ScannedEntry | undefined {
  if (at < 0 || !startsAt(bytes, at, ENTRY_START)) return undefined;
  const idStart = at + ENTRY_START.length;
  const idEnd = bytes.indexOf(QUOTE, idStart);
  if (idEnd < 0 || !startsAt(bytes, idEnd, AFTER_ID)) return undefined;
  const tagStart = idEnd + AFTER_ID.length;
  const tagEnd = bytes.indexOf(QUOTE, tagStart);
  if (tagEnd < 0 || !startsAt(bytes, tagEnd, AFTER_TAG)) return undefined;
  const dataStart = tagEnd + AFTER_TAG.length;
  const dataEnd = bytes.indexOf(QUOTE, dataStart);
  if (dataEnd < 0 || !startsAt(bytes, dataEnd, ENTRY_END)) return undefined;
  const entry = new ScannedEntry(
    latin1(bytes, idStart, idEnd),
    latin1(bytes, tagStart, tagEnd),
    bytes,
    dataStart,
    dataEnd,
  );
  return sealedEntryProblem(entry.id, entry.tag, dataEnd - dataStart) === undefined
    ? entry
    : undefined;
}

/**
 * The entries from `from` (just after `"entries":[`) to their closing bracket: the entries
 * and the index just past the bracket, or undefined when they are not as the serializer
 * writes them.
 */
function scanEntries(
  bytes: Buffer,
  from: number,
): { entries: ScannedEntry[]; end: number } | undefined {
  const entries: ScannedEntry[] = [];
  let at = from;
  if (bytes[at] === CLOSE_ARRAY) return { entries, end: at + 1 };
  for (;;) {
    const entry = scanEntryAt(bytes, at);
    if (!entry) return undefined;
    entries.push(entry);
    at = entry.end + ENTRY_END.length;
    if (bytes[at] === COMMA) at += 1;
    else if (bytes[at] === CLOSE_ARRAY) return { entries, end: at + 1 };
    else return undefined;
  }
}

/** The sealed document in these bytes, or undefined for parseDiskDocument to read (above). */
export function scanSealedFile(bytes: Buffer): SealedDocument | undefined {
  if (!isAscii(bytes) || bytes.indexOf(BACKSLASH) >= 0) return undefined;
  const key = bytes.indexOf(ENTRIES_KEY);
  if (key < 0) return undefined;
  const scanned = scanEntries(bytes, key + ENTRIES_KEY.length);
  if (!scanned) return undefined;
  // A later "entries" key would win in JSON.parse; there must be none.
  if (bytes.indexOf('"entries"', scanned.end, 'latin1') >= 0) return undefined;
  // The rest, with the entries taken out, is small: JSON.parse reads it. Outside the entries
  // the tokens are the same as in the whole file: the entries began outside any string (a
  // string open before them would end at `"entries"` and leave `entries` bare, which no JSON
  // allows) and are whole values, so what follows them is read exactly as before.
  const rest =
    bytes.toString('latin1', 0, key) +
    '"entries":[]' +
    bytes.toString('latin1', scanned.end, bytes.length);
  let raw: unknown;
  try {
    raw = JSON.parse(rest);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const top = raw as Record<string, unknown>;
  if (sealedDocumentProblem(top, FORMAT_VERSION) !== undefined) return undefined;
  const entries = top['entries'];
  // The key found above was the document's own (not one inside another value).
  if (!Array.isArray(entries) || entries.length !== 0) return undefined;
  return sealedDocumentOf(top, scanned.entries);
}

/** The file with its entries left out (readVaultEnds). */
export interface VaultEnds {
  /** The bytes up to the end of `"entries":[`, then those from `],"audit":[` to the end. */
  bytes: Buffer;
  /** SHA-256 of what a file MAC covers in the whole file (not only the bytes kept). */
  coveredDigest: Buffer;
}

const ENDS_CHUNK = 64 * 1024;

/**
 * As readVaultBytes (vault-file-mac.ts), for a reader that needs only what the file holds
 * before its entries (up to `"entries":[`: the key header) and after them (from
 * `],"audit":[`: MACs, listing, locked index). The whole file still goes through the hash,
 * but through one 64 KB buffer, and only those two parts are kept. On the build machine
 * every page of memory a process touches for the first time costs a fault, and reading and
 * hashing 5.7 MB this way takes ~7 ms instead of ~29. Undefined for a file not laid out as
 * the serializer writes it: the entries not opened in the first chunk, no end of them after
 * that, a backslash anywhere (the bytes left out could hold an escape that changes what a
 * search of the rest means, as VerifiedFile refuses), too short for a file MAC, or shorter
 * than it was a moment ago. The caller then reads the file whole.
 */
export function readVaultEnds(path: string): VaultEnds | undefined {
  const open = ENTRIES_KEY;
  const close = AFTER_ENTRIES;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const covered = size - FILE_MAC_BYTES;
    if (covered <= 0) return undefined;
    // The last bytes of a chunk stay at the buffer's start, for a `close` across two chunks.
    const carry = close.length - 1;
    const buffer = Buffer.allocUnsafeSlow(carry + ENDS_CHUNK);
    const hash = createHash('sha256');
    const kept: Buffer[] = [];
    /** File offsets: just after `open`, and where `close` starts (-1 until found). */
    let head = -1;
    let tail = -1;
    let done = 0;
    let held = 0;
    while (done < size) {
      const n = readSync(fd, buffer, held, Math.min(ENDS_CHUNK, size - done), done);
      if (n === 0) return undefined;
      const chunk = buffer.subarray(held, held + n);
      if (done < covered) hash.update(chunk.subarray(0, Math.min(n, covered - done)));
      if (chunk.indexOf(BACKSLASH) >= 0) return undefined;
      if (head < 0) {
        const at = chunk.indexOf(open);
        if (at < 0) return undefined;
        head = at + open.length;
        kept.push(Buffer.from(chunk.subarray(0, head)));
      }
      /** The file's bytes from `start` to done + n. */
      const start = done - held;
      const window = buffer.subarray(0, held + n);
      if (tail < 0) {
        const at = window.indexOf(close, Math.max(0, head - start));
        if (at >= 0) {
          tail = start + at;
          kept.push(Buffer.from(window.subarray(at)));
        }
      } else {
        kept.push(Buffer.from(chunk));
      }
      done += n;
      held = tail < 0 ? Math.min(carry, window.length) : 0;
      window.copy(buffer, 0, window.length - held);
    }
    if (tail < 0) return undefined;
    return { bytes: Buffer.concat(kept), coveredDigest: hash.digest() };
  } finally {
    closeSync(fd);
  }
}

/**
 * A file whose file MAC verified (vault-file-mac.ts), so its bytes are the serializer's: one
 * entry is found by searching them, without scanning the others. A quote inside a JSON
 * string is always escaped, and the file has no backslash at all, so a pattern that starts
 * or ends at a quote only matches the structure it spells. Anything not as the serializer
 * writes it gives undefined, and the reader scans.
 */
export class VerifiedFile {
  private constructor(
    private readonly bytes: Buffer,
    /** The entries: from just after `"entries":[` to their closing bracket. */
    private readonly from: number,
    private readonly to: number,
    /** Where the file MAC field begins: the fields before it end there. */
    private readonly end: number,
    /** False for a file read without its entries (readVaultEnds): only field() answers. */
    private readonly hasEntries: boolean,
  ) {}

  /**
   * The view, or undefined for a file this cannot search safely (call it after the MAC).
   * `entries: false` for bytes that are the file with its entries left out (readVaultEnds,
   * which refused any backslash in what it left out): lookups then give undefined.
   */
  static of(bytes: Buffer, options: { entries?: boolean } = {}): VerifiedFile | undefined {
    const end = fileMacAt(bytes);
    if (end === undefined || bytes.indexOf(BACKSLASH) >= 0) return undefined;
    const key = bytes.indexOf(ENTRIES_KEY);
    const to = bytes.lastIndexOf(AFTER_ENTRIES, end);
    if (key < 0 || to < key) return undefined;
    return new VerifiedFile(bytes, key + ENTRIES_KEY.length, to, end, options.entries !== false);
  }

  /** The entries whose label tag is `tag` (usually one), or undefined if one is malformed. */
  withTag(tag: string): ScannedEntry[] | undefined {
    if (!this.hasEntries) return undefined;
    const needle = Buffer.from(`","tag":"${tag}","data":"`, 'latin1');
    const found: ScannedEntry[] = [];
    for (let at = this.find(needle, this.from); at >= 0; at = this.find(needle, at + 1)) {
      const entry = scanEntryAt(this.bytes, this.bytes.lastIndexOf(ENTRY_START, at));
      if (!entry || entry.tag !== tag) return undefined;
      found.push(entry);
    }
    return found;
  }

  /** The first entry with this id, null when there is none, undefined if it is malformed. */
  withId(id: string): ScannedEntry | null | undefined {
    if (!this.hasEntries) return undefined;
    const at = this.find(Buffer.from(`{"id":"${id}","tag":"`, 'latin1'), this.from);
    if (at < 0) return null;
    const entry = scanEntryAt(this.bytes, at);
    return entry?.id === id ? entry : undefined;
  }

  /** A string field written after the entries (`mac`, `listing`), or undefined. */
  field(name: string): string | undefined {
    const marker = Buffer.from(`,"${name}":"`, 'latin1');
    const at = this.bytes.lastIndexOf(marker, this.end);
    if (at < this.to) return undefined;
    const start = at + marker.length;
    const close = this.bytes.indexOf(QUOTE, start);
    return close < 0 || close > this.end ? undefined : this.bytes.toString('latin1', start, close);
  }

  /** The next `needle` inside the entries, or -1. */
  private find(needle: Buffer, from: number): number {
    const at = this.bytes.indexOf(needle, from);
    return at >= 0 && at + needle.length <= this.to ? at : -1;
  }
}
