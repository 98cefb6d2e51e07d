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
 * line is trimmed at its end, so an empty last column leaves no trailing spaces. Widths
 * count UTF-16 units, as String#padEnd does.
 */
export function table(header: string[], rows: string[][]): string {
  const columns = header.map((_, c) => rows.map((row) => row[c] ?? ''));
  return Buffer.from(tableBytes(header, columns)).toString('utf8');
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
 * took ~20 ms off `list`).
 */
export function tableBytes(
  header: readonly string[],
  columns: readonly (readonly string[])[],
): Uint8Array {
  const count = columns.reduce((n, column) => Math.max(n, column.length), 0);
  const cell = (row: number, c: number): string =>
    row === 0 ? (header[c] ?? '') : (columns[c]?.[row - 1] ?? '');
  const widths = header.map((h) => h.length);
  // Each cell takes its width plus two, and at most two more bytes per UTF-16 unit of it in
  // UTF-8 (three bytes for one unit); the buffer is never filled further than it is written.
  let units = 0;
  for (let c = 0; c < widths.length; c++) {
    for (let row = 1; row <= count; row++) {
      const n = cell(row, c).length;
      units += n;
      if (n > (widths[c] ?? 0)) widths[c] = n;
    }
    units += (header[c] ?? '').length;
  }
  let lineBytes = 1;
  for (const w of widths) lineBytes += w + 2;
  const out = Buffer.allocUnsafe(lineBytes * (count + 1) + 2 * units);
  let at = 0;
  const put = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (code >= 0x80) {
        // Not ASCII: the rest of the cell goes through the encoder.
        at += out.write(s.slice(i), at, 'utf8');
        return;
      }
      out[at++] = code;
    }
  };
  for (let row = 0; row <= count; row++) {
    // The line ends at its last cell that is not blank, trimmed: the padding after it, and
    // any blank cells, would all be trimmed away.
    let last = widths.length - 1;
    while (last >= 0 && trimmedEnd(cell(row, last)) === '') last--;
    for (let c = 0; c < last; c++) {
      const s = cell(row, c);
      put(s);
      // Byte by byte: Buffer#fill checks its arguments, which costs more for two spaces.
      for (let pad = (widths[c] ?? 0) + 2 - s.length; pad > 0; pad--) out[at++] = 0x20;
    }
    if (last >= 0) put(trimmedEnd(cell(row, last)));
    out[at++] = 0x0a;
  }
  return out.subarray(0, at);
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
