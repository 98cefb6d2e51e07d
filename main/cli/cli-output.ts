// The stable `--json` shapes (documented in README-cli.md) and the human tables. Times are
// ISO 8601 strings in UTC (or null); every key is always present, so scripts can rely on it.
import type { EntryView, ReminderItem } from '../../preload/api';
import { moduleOf } from '../core/providers/registry';
import type { LockedReminderItem } from '../core/reminders/reminder-items';

export const JSON_VERSION = 1;

export interface ListEntryJson {
  id: string;
  label: string;
  provider: EntryView['provider'];
  kind: EntryView['kind'];
  status: EntryView['status'];
  /** When the credential stops working without the user acting (refresh token, PAT, TTL). */
  expiresAt: string | null;
  /** Account e-mail, else account id, else null. */
  account: string | null;
  /** Masked secret as the app shows it, or null. */
  preview: string | null;
  createdAt: string;
  updatedAt: string;
  /** The team that shares it, or null for a personal entry. */
  team: string | null;
}

export interface ReminderJson {
  entryId: string;
  label: string;
  provider: ReminderItem['provider'];
  kind: ReminderItem['kind'];
  deadline: string | null;
  severity: ReminderItem['severity'];
  message: string;
}

const iso = (ms: number | null | undefined): string | null =>
  typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null;

export function expiryOf(entry: EntryView): number | null {
  return moduleOf(entry).deadlineAt(entry);
}

export function entryJson(e: EntryView): ListEntryJson {
  return {
    id: e.id,
    label: e.label,
    provider: e.provider,
    kind: e.kind,
    status: e.status,
    expiresAt: iso(expiryOf(e)),
    account: e.account?.email ?? e.account?.id ?? null,
    preview: e.preview ?? null,
    createdAt: iso(e.createdAt) ?? '',
    updatedAt: iso(e.updatedAt) ?? '',
    team: e.team ?? null,
  };
}

export function reminderJson(r: ReminderItem): ReminderJson {
  return {
    entryId: r.entryId,
    label: r.label,
    provider: r.provider,
    kind: r.kind,
    deadline: iso(r.deadline),
    severity: r.severity,
    message: r.message,
  };
}

/** A reminder of the locked view: as reminderJson, without label and provider. */
export type LockedReminderJson = Omit<ReminderJson, 'label' | 'provider'>;

export function lockedReminderJson(r: LockedReminderItem): LockedReminderJson {
  return {
    entryId: r.entryId,
    kind: r.kind,
    deadline: iso(r.deadline),
    severity: r.severity,
    message: r.message,
  };
}

/**
 * Left-aligned columns separated by two spaces; no colours (output is often piped). Every
 * line is trimmed at its end, so an empty last column leaves no trailing spaces. Widths are
 * terminal columns (displayWidth), so a label in Chinese or Japanese lines up too.
 */
export function table(header: string[], rows: string[][]): string {
  const columns = header.map((_, c) => rows.map((row) => row[c] ?? ''));
  return Buffer.from(tableBytes(header, columns)).toString('utf8');
}

/** Code points a terminal shows two columns wide (East Asian Wide and Fullwidth, emoji). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f5],
  [0x26fa, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
];

/** Code points that take no column of their own (combining marks, joiners, selectors). */
const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0e31, 0x0e31],
  [0x0e34, 0x0e3a],
  [0x0e47, 0x0e4e],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x20d0, 0x20ff],
  [0x302a, 0x302d],
  [0x3099, 0x309a],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xfeff, 0xfeff],
  [0x1f3fb, 0x1f3ff],
  [0xe0000, 0xe0fff],
];

const inRanges = (code: number, ranges: readonly (readonly [number, number])[]): boolean => {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid] ?? [0, -1];
    if (code < from) hi = mid - 1;
    else if (code > to) lo = mid + 1;
    else return true;
  }
  return false;
};

/**
 * How many terminal columns `s` takes: two for a wide character (Chinese, Japanese, Korean,
 * fullwidth forms, most emoji), none for a combining mark or a joiner, one for the rest.
 */
export function displayWidth(s: string): number {
  let width = 0;
  for (const char of s) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x300) width += 1;
    else if (inRanges(code, ZERO)) continue;
    else width += inRanges(code, WIDE) ? 2 : 1;
  }
  return width;
}

/** `s` without the white space String#trimEnd takes, asking it only when `s` may end in some. */
const trimmedEnd = (s: string): string => {
  const code = s.charCodeAt(s.length - 1);
  return code > 0x20 && code < 0x7f ? s : s.trimEnd();
};

/**
 * The same text as table(), given column by column, as UTF-8 bytes. `list` prints 10,000
 * rows with it: written straight into one buffer, with no string per line and no array per
 * row (on the build machine fresh memory is what a short process pays for most, and this
 * took ~20 ms off `list`). A table of ASCII, the usual one, is written at once, with each
 * string's length as its width; the first other character sends it to the second pass,
 * which measures every cell with displayWidth.
 */
export function tableBytes(
  header: readonly string[],
  columns: readonly (readonly string[])[],
): Uint8Array {
  return writeTable(header, columns, false) ?? (writeTable(header, columns, true) as Uint8Array);
}

/**
 * Longer cells (a reminder's message) go to the UTF-8 encoder in one call; shorter ones are
 * copied byte by byte, which under the baseline compiler costs less than the call.
 */
const LONG_CELL = 24;

/** The table, or undefined when `wide` is false and some cell is not ASCII. */
function writeTable(
  header: readonly string[],
  columns: readonly (readonly string[])[],
  wide: boolean,
): Uint8Array | undefined {
  const count = columns.reduce((n, column) => Math.max(n, column.length), 0);
  const cell = (row: number, c: number): string =>
    row === 0 ? (header[c] ?? '') : (columns[c]?.[row - 1] ?? '');
  const widthOf = wide ? displayWidth : (s: string) => s.length;
  const widths = header.map(widthOf);
  // Each cell takes its width plus two, and at most three more bytes per UTF-16 unit of it
  // (three bytes of UTF-8 for one unit, padded as if it took no column); the buffer is never
  // filled further than it is written.
  let units = 0;
  for (let c = 0; c < widths.length; c++) {
    for (let row = 1; row <= count; row++) {
      const s = cell(row, c);
      units += s.length;
      const n = widthOf(s);
      if (n > (widths[c] ?? 0)) widths[c] = n;
    }
    units += (header[c] ?? '').length;
  }
  let lineBytes = 1;
  for (const w of widths) lineBytes += w + 2;
  const out = Buffer.allocUnsafe(lineBytes * (count + 1) + 3 * units);
  let at = 0;
  /** Writes `s`; false (ASCII pass only) at its first character that is not ASCII. */
  const put = (s: string): boolean => {
    if (s.length > LONG_CELL) {
      // One call to the encoder: more bytes than it takes UTF-16 units means not ASCII.
      const n = out.write(s, at, 'utf8');
      if (!wide && n !== s.length) return false;
      at += n;
      return true;
    }
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (code >= 0x80) {
        if (!wide) return false;
        // The rest of the cell goes through the encoder.
        at += out.write(s.slice(i), at, 'utf8');
        return true;
      }
      out[at++] = code;
    }
    return true;
  };
  for (let row = 0; row <= count; row++) {
    // The line ends at its last cell that is not blank, trimmed: the padding after it, and
    // any blank cells, would all be trimmed away.
    let last = widths.length - 1;
    while (last >= 0 && trimmedEnd(cell(row, last)) === '') last--;
    for (let c = 0; c < last; c++) {
      const s = cell(row, c);
      if (!put(s)) return undefined;
      // Byte by byte: Buffer#fill checks its arguments, which costs more for two spaces.
      for (let pad = (widths[c] ?? 0) + 2 - widthOf(s); pad > 0; pad--) out[at++] = 0x20;
    }
    if (last >= 0 && !put(trimmedEnd(cell(row, last)))) return undefined;
    out[at++] = 0x0a;
  }
  return out.subarray(0, at);
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
