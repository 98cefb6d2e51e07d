// Pure tray model: the shell draws the icon, tooltip and menu from this and nothing else.
// Built from metadata only, so it stays correct while the vault is locked.
import { moduleOf } from '../providers/registry';
import { formatRelative } from './relative-time';
import {
  compareUrgency,
  deadlineOf,
  describeDeadline,
  lockedDeadlineOf,
  severityOf,
} from './reminder-items';
import type { Deadline, ReminderSettings, ReminderSubject } from './reminder.types';
import { DEFAULT_LEAD_MINUTES, isLockedSubject } from './reminder.types';

export type TrayState = 'ok' | 'warning' | 'expired';

export type TrayEntryAction =
  | { type: 'copy-headers'; entryId: string; label: string; needsUnlock: boolean }
  | { type: 'reauthorize'; entryId: string; label: string };

export type TrayMenuItem =
  | {
      type: 'entry';
      entryId: string;
      /** Menu text, e.g. "Fax.Plus · billing — expires in 3 days". */
      label: string;
      severity: TrayState;
      actions: TrayEntryAction[];
    }
  | { type: 'more'; label: string; count: number }
  | { type: 'separator' }
  | { type: 'open' | 'lock' | 'quit'; label: string; enabled: boolean };

export interface TrayModel {
  state: TrayState;
  tooltip: string;
  items: TrayMenuItem[];
}

export interface TrayOptions {
  locked: boolean;
  settings?: ReminderSettings;
  locale?: string;
  /** Menus with thousands of rows are useless; the rest is behind "Open Token Vault". */
  maxEntries?: number;
}

// Windows truncates tray tooltips at 127 characters; keep under it everywhere.
const TOOLTIP_MAX = 127;
const APP = 'Token Vault';

/** The row's name: provider and label, or for a locked index record only that it is locked. */
const rowName = (subject: ReminderSubject): string =>
  isLockedSubject(subject) ? 'Locked entry' : `${moduleOf(subject).trayName} · ${subject.label}`;

const isMuted = (subject: ReminderSubject): boolean =>
  !isLockedSubject(subject) && subject.muted === true;

/** Only OAuth entries can be re-authorized; a locked record knows it by its deadline kind. */
const canReauthorize = (subject: ReminderSubject): boolean =>
  isLockedSubject(subject) ? subject.kind === 'refresh-expiry' : moduleOf(subject).reauthorizable;

function timeWords(d: Deadline | null, now: number, locale: string): string {
  if (!d) return 'no expiry';
  if (d.kind === 'needs-reauth') return 'needs re-authorization';
  if (d.deadline === null) return 'no expiry';
  const delta = d.deadline - now;
  return delta > 0
    ? `expires ${formatRelative(delta, locale)}`
    : `expired ${formatRelative(delta, locale)}`;
}

const labelOf = (subject: ReminderSubject): string | undefined =>
  isLockedSubject(subject) ? undefined : subject.label;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * `entries` are the vault's entries while unlocked, or its locked index (deadlines without
 * names) while locked.
 */
export function buildTrayModel(
  entries: readonly ReminderSubject[],
  now: number,
  options: TrayOptions,
): TrayModel {
  const settings = options.settings ?? { reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] };
  const locale = options.locale ?? 'en';
  const maxEntries = options.maxEntries ?? 15;

  // Revoked tokens cannot be used any more: they are left out of the tray altogether.
  const rows = entries
    .filter((e) => isLockedSubject(e) || e.status !== 'revoked')
    .map((entry) => {
      const d: Deadline | null = isLockedSubject(entry)
        ? lockedDeadlineOf(entry)
        : deadlineOf(entry);
      const severity: TrayState = d ? severityOf(d, settings, now) : 'ok';
      return { entry, d, severity };
    })
    .sort((a, b) =>
      compareUrgency(
        a.d ?? { kind: 'revoked', deadline: null, label: labelOf(a.entry) },
        b.d ?? { kind: 'revoked', deadline: null, label: labelOf(b.entry) },
      ),
    );

  // A muted entry still shows in the menu but no longer colours the icon: muting means
  // "I know, stop telling me".
  let state: TrayState = 'ok';
  for (const row of rows) {
    if (isMuted(row.entry)) continue;
    if (row.severity === 'expired') {
      state = 'expired';
      break;
    }
    if (row.severity === 'warning') state = 'warning';
  }

  const soonest = rows.find((r) => r.d !== null && !isMuted(r.entry));
  const tooltip = truncate(
    soonest?.d ? `${APP}: ${describeDeadline(soonest.d, now, locale)}` : `${APP}: nothing expiring`,
    TOOLTIP_MAX,
  );

  const items: TrayMenuItem[] = [];
  for (const { entry, d, severity } of rows.slice(0, maxEntries)) {
    const actions: TrayEntryAction[] = [
      {
        type: 'copy-headers',
        entryId: entry.id,
        label: 'Copy headers',
        needsUnlock: options.locked,
      },
    ];
    if (canReauthorize(entry)) {
      actions.push({ type: 'reauthorize', entryId: entry.id, label: 'Re-authorize…' });
    }
    items.push({
      type: 'entry',
      entryId: entry.id,
      label: `${rowName(entry)} — ${timeWords(d, now, locale)}`,
      severity,
      actions,
    });
  }
  const hidden = rows.length - Math.min(rows.length, maxEntries);
  if (hidden > 0) items.push({ type: 'more', label: `${hidden} more…`, count: hidden });
  if (items.length > 0) items.push({ type: 'separator' });
  items.push(
    { type: 'open', label: `Open ${APP}`, enabled: true },
    { type: 'lock', label: 'Lock', enabled: !options.locked },
    { type: 'separator' },
    { type: 'quit', label: 'Quit', enabled: true },
  );
  return { state, tooltip, items };
}
