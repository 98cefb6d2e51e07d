// Deadlines per entry and the reminder list ('reminders:list'): which date matters for each
// kind of credential, how urgent it is, and what to tell the user in words.
import type { EntryView, ReminderItem } from '../../../preload/api';
import { kindModule, moduleOf } from '../providers/registry';
import { formatDuration, formatRelative } from './relative-time';
import type {
  Deadline,
  LockedDeadline,
  NamedDeadline,
  ReminderKind,
  ReminderSettings,
} from './reminder.types';
import { DEFAULT_LEAD_MINUTES, MINUTE_MS } from './reminder.types';

/**
 * Which deadline reminders track for an entry, or null when it has none (never expires).
 * Split from deadlineOf so the engine's hot path (10,000 entries) allocates nothing.
 */
export function deadlineKindOf(entry: EntryView): ReminderKind | null {
  // Status wins over dates: a revoked token's expiry no longer matters, and an entry that
  // needs re-authorization is due now whatever its dates say.
  if (entry.status === 'revoked') return 'revoked';
  if (entry.status === 'needs-reauth') return 'needs-reauth';
  const module = moduleOf(entry);
  return module.deadlineAt(entry) === null ? null : module.deadlineKind;
}

/** The deadline's time (epoch ms) for a tracked kind; null for needs-reauth and revoked. */
export function deadlineAtOf(entry: EntryView, kind: ReminderKind): number | null {
  if (kind === 'revoked' || kind === 'needs-reauth') return null;
  return moduleOf(entry).deadlineAt(entry);
}

export function deadlineOf(entry: EntryView): NamedDeadline | null {
  const kind = deadlineKindOf(entry);
  if (kind === null) return null;
  return {
    entryId: entry.id,
    label: entry.label,
    provider: entry.provider,
    entryKind: entry.kind,
    kind,
    deadline: deadlineAtOf(entry, kind),
  };
}

/** A locked index record as a deadline: it names no entry. */
export function lockedDeadlineOf(locked: LockedDeadline): Deadline {
  return { entryId: locked.id, kind: locked.kind, deadline: locked.at };
}

/**
 * The record the locked index keeps for an entry, or null when it has none to remind of
 * (no deadline, muted, revoked). Snooze rides along so a locked reminder respects it.
 */
export function lockedIndexRecord(entry: EntryView): LockedDeadline | null {
  if (entry.muted) return null;
  const kind = deadlineKindOf(entry);
  if (kind === null || kind === 'revoked') return null;
  const record: LockedDeadline = { id: entry.id, kind, at: deadlineAtOf(entry, kind) };
  if (entry.snoozedUntil !== undefined) record.snoozedUntil = entry.snoozedUntil;
  return record;
}

/** The largest lead time in ms: inside it a deadline is a warning. */
export function warningWindowMs(settings: ReminderSettings): number {
  const leads = settings.reminderLeadMinutes.filter((m) => Number.isFinite(m) && m > 0);
  const max = leads.length > 0 ? Math.max(...leads) : Math.max(...DEFAULT_LEAD_MINUTES);
  return max * MINUTE_MS;
}

export function severityOf(
  d: Deadline,
  settings: ReminderSettings,
  now: number,
): ReminderItem['severity'] {
  if (d.kind === 'needs-reauth' || d.kind === 'revoked') return 'expired';
  if (d.deadline === null) return 'ok';
  if (d.deadline <= now) return 'expired';
  return d.deadline - now <= warningWindowMs(settings) ? 'warning' : 'ok';
}

/** Said of an entry the locked index cannot name. */
export const LOCKED_SUBJECT = 'an entry (unlock to see which)';

function subject(d: Deadline): string {
  if (d.entryKind === undefined || d.label === undefined) return LOCKED_SUBJECT;
  return `${kindModule(d.entryKind).reminderNoun} '${d.label}'`;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The deadline in words, e.g. "Re-authorize Fax.Plus 'billing' within 3 days". */
export function describeDeadline(d: Deadline, now: number, locale = 'en'): string {
  const what = subject(d);
  switch (d.kind) {
    case 'revoked':
      return `${capital(what)} was revoked`;
    case 'needs-reauth':
      if (d.entryKind === undefined) return `${capital(what)} was rejected; fix it now`;
      return kindModule(d.entryKind).reauthorizable
        ? `Re-authorize ${what} now`
        : `${capital(what)} was rejected by the provider; replace it`;
    default:
      break;
  }
  if (d.deadline === null) return `${capital(what)} does not expire`;
  const left = d.deadline - now;
  if (left <= 0) {
    // The deadline alert fires at the deadline itself: "expired in 0 seconds" would read wrong.
    const ago = left > -MINUTE_MS ? 'just now' : formatRelative(left, locale);
    return d.kind === 'refresh-expiry'
      ? `${capital(what)} authorization expired ${ago}; re-authorize it`
      : `${capital(what)} expired ${ago}; replace it`;
  }
  const within = formatDuration(left, locale);
  return d.kind === 'refresh-expiry'
    ? `Re-authorize ${what} within ${within}`
    : `Replace ${what} within ${within}`;
}

/** Sort rank: needs-reauth first (due now), then by deadline, revoked (informational) last. */
export function urgencyRank(d: Pick<Deadline, 'kind' | 'deadline'>): number {
  if (d.kind === 'needs-reauth') return Number.NEGATIVE_INFINITY;
  if (d.kind === 'revoked' || d.deadline === null) return Number.POSITIVE_INFINITY;
  return d.deadline;
}

export function compareUrgency(
  a: Pick<Deadline, 'kind' | 'deadline' | 'label'>,
  b: Pick<Deadline, 'kind' | 'deadline' | 'label'>,
): number {
  const ra = urgencyRank(a);
  const rb = urgencyRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  // Plain code-unit order: localeCompare is far too slow for 10,000 rows on every pass.
  const la = a.label ?? '';
  const lb = b.label ?? '';
  return la < lb ? -1 : la > lb ? 1 : 0;
}

/** The 'reminders:list' answer: entries with a deadline or a status worth showing, soonest first. */
export function listReminderItems(
  entries: readonly EntryView[],
  settings: ReminderSettings,
  now: number,
  locale = 'en',
): ReminderItem[] {
  const deadlines: NamedDeadline[] = [];
  for (const entry of entries) {
    const d = deadlineOf(entry);
    if (d) deadlines.push(d);
  }
  deadlines.sort(compareUrgency);
  return deadlines.map((d) => ({
    entryId: d.entryId,
    label: d.label,
    provider: d.provider,
    kind: d.kind,
    deadline: d.deadline,
    severity: severityOf(d, settings, now),
    message: describeDeadline(d, now, locale),
  }));
}

/** A reminder from the locked index: what is due and when, not which entry. */
export type LockedReminderItem = Omit<ReminderItem, 'label' | 'provider'>;

/** The reminder list while locked (the command line's `reminders` without a password). */
export function listLockedReminderItems(
  index: readonly LockedDeadline[],
  settings: ReminderSettings,
  now: number,
  locale = 'en',
): LockedReminderItem[] {
  return index
    .map(lockedDeadlineOf)
    .sort(compareUrgency)
    .map((d) => ({
      entryId: d.entryId,
      kind: d.kind,
      deadline: d.deadline,
      severity: severityOf(d, settings, now),
      message: describeDeadline(d, now, locale),
    }));
}
