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

/** Left-aligned columns separated by two spaces; no colours (output is often piped). */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h) => h.length);
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) {
      const n = (row[i] ?? '').length;
      if (n > (widths[i] ?? 0)) widths[i] = n;
    }
  }
  const last = widths.length - 1;
  const line = (cells: string[]): string => {
    let out = '';
    for (let i = 0; i < last; i++) out += (cells[i] ?? '').padEnd((widths[i] ?? 0) + 2);
    return (out + (cells[last] ?? '')).trimEnd();
  };
  let text = line(header) + '\n';
  for (const row of rows) text += line(row) + '\n';
  return text;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
