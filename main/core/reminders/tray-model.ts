// Pure tray model: the shell draws the icon, tooltip and menu from this and nothing else.
// Built from metadata only, so it stays correct while the vault is locked.
import type { EntryView } from '../../../preload/api';
import { moduleOf } from '../providers/registry';
import { formatRelative } from './relative-time';
import { compareUrgency, deadlineOf, describeDeadline, severityOf } from './reminder-items';
import type { Deadline, ReminderSettings } from './reminder.types';
import { DEFAULT_LEAD_MINUTES } from './reminder.types';

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

const providerName = (entry: EntryView): string => moduleOf(entry).trayName;

function timeWords(d: Deadline | null, now: number, locale: string): string {
  if (!d) return 'no expiry';
  if (d.kind === 'needs-reauth') return 'needs re-authorization';
  if (d.deadline === null) return 'no expiry';
  const delta = d.deadline - now;
  return delta > 0
    ? `expires ${formatRelative(delta, locale)}`
    : `expired ${formatRelative(delta, locale)}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function buildTrayModel(
  entries: readonly EntryView[],
  now: number,
  options: TrayOptions,
): TrayModel {
  const settings = options.settings ?? { reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] };
  const locale = options.locale ?? 'en';
  const maxEntries = options.maxEntries ?? 15;

  // Revoked tokens cannot be used any more: they are left out of the tray altogether.
  const rows = entries
    .filter((e) => e.status !== 'revoked')
    .map((entry) => {
      const d = deadlineOf(entry);
      const severity: TrayState = d ? severityOf(d, settings, now) : 'ok';
      return { entry, d, severity };
    })
    .sort((a, b) =>
      compareUrgency(
        a.d ?? { kind: 'revoked', deadline: null, label: a.entry.label },
        b.d ?? { kind: 'revoked', deadline: null, label: b.entry.label },
      ),
    );

  // A muted entry still shows in the menu but no longer colours the icon: muting means
  // "I know, stop telling me".
  let state: TrayState = 'ok';
  for (const row of rows) {
    if (row.entry.muted) continue;
    if (row.severity === 'expired') {
      state = 'expired';
      break;
    }
    if (row.severity === 'warning') state = 'warning';
  }

  const soonest = rows.find((r) => r.d !== null && !r.entry.muted);
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
    if (moduleOf(entry).reauthorizable) {
      actions.push({ type: 'reauthorize', entryId: entry.id, label: 'Re-authorize…' });
    }
    items.push({
      type: 'entry',
      entryId: entry.id,
      label: `${providerName(entry)} · ${entry.label} — ${timeWords(d, now, locale)}`,
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
