// The reminder engine: pure functions from (entries, settings, fired log, now) to the alerts
// due now and the time of the next one. The service owns the single timer and the log.
//
// Model: each deadline D has stages, one per lead time L (plus L = 0, the deadline itself),
// due at D - L. Only the current stage (the smallest lead already reached) is ever delivered,
// so alerts missed while the app was closed collapse into the most urgent one per entry, and
// a stage is skipped for good once a more urgent one was fired (even if lead times change).
// Lead times are absolute durations (minutes * 60,000 ms) on epoch time, so DST changes
// neither double nor drop an alert.
import type { EntryView } from '../../../preload/api';
import { compareUrgency, deadlineAtOf, deadlineKindOf, deadlineOf } from './reminder-items';
import type {
  Deadline,
  EntryAlert,
  FiredLog,
  ReminderSettings,
  ReminderSubject,
  SummaryAlert,
} from './reminder.types';
import { DEFAULT_LEAD_MINUTES, MINUTE_MS, isLockedSubject } from './reminder.types';

/** Lead times in minutes, largest first, deduplicated, with 0 (the deadline itself) last. */
export function leadStages(settings: ReminderSettings): number[] {
  const raw = Array.isArray(settings.reminderLeadMinutes)
    ? settings.reminderLeadMinutes
    : DEFAULT_LEAD_MINUTES;
  const valid = raw.filter((m) => Number.isFinite(m) && m > 0).map((m) => Math.round(m));
  return [...new Set([...valid, 0])].sort((a, b) => b - a);
}

/** entryId|kind|deadline: the part of an alert key shared by all stages of one deadline. */
export function deadlinePrefix(d: Deadline): string {
  return `${d.entryId}|${d.kind}|${d.deadline === null ? '-' : String(d.deadline)}`;
}

/** Logs are never changed in place (markFired and pruneFiredLog return new ones). */
const firedIndexes = new WeakMap<FiredLog, Map<string, number>>();

/** prefix -> smallest lead fired, so "something as urgent or more was already said" is O(1). */
export function indexFiredLog(log: FiredLog): Map<string, number> {
  const cached = firedIndexes.get(log);
  if (cached) return cached;
  const index = new Map<string, number>();
  firedIndexes.set(log, index);
  for (const key of Object.keys(log.fired)) {
    const cut = key.lastIndexOf('|');
    if (cut < 0) continue;
    const lead = Number(key.slice(cut + 1));
    if (!Number.isFinite(lead)) continue;
    const prefix = key.slice(0, cut);
    const known = index.get(prefix);
    if (known === undefined || lead < known) index.set(prefix, lead);
  }
  return index;
}

interface EntrySchedule {
  due: EntryAlert;
  /**
   * Earliest time (>= now) at which this entry may produce an alert, assuming `due`
   * has been fired; null = never without a change.
   */
  next: number | null;
}

function scheduleEntry(
  entry: ReminderSubject,
  stages: readonly number[],
  fired: ReadonlyMap<string, number>,
  now: number,
  withAlert: boolean,
): EntrySchedule | number | null {
  // The locked index holds the deadline itself (and leaves muted and revoked entries out).
  const locked = isLockedSubject(entry);
  if (!locked && entry.muted) return null;
  const kind = locked ? entry.kind : deadlineKindOf(entry);
  // Revoked is informational: it is listed, never alerted.
  if (kind === null || kind === 'revoked') return null;
  const deadline = locked ? entry.at : deadlineAtOf(entry, kind);

  let current: number | undefined;
  let upcoming: number | null = null;
  if (deadline === null) {
    current = 0; // needs-reauth: due now
  } else {
    for (const lead of stages) {
      // Stages run largest lead first, so due times grow: the first one still ahead is the
      // next to come, and the last one reached is the current stage.
      const at = deadline - lead * MINUTE_MS;
      if (at > now) {
        upcoming = at;
        break;
      }
      current = lead;
    }
  }
  const snoozed = entry.snoozedUntil !== undefined && entry.snoozedUntil > now;
  // No stage reached yet: nothing was or could have been fired for this deadline, so the
  // fired log (a string key per entry) is not needed. Most entries of a large vault are here.
  if (current === undefined) {
    return upcoming !== null && snoozed ? Math.max(upcoming, entry.snoozedUntil ?? 0) : upcoming;
  }
  const prefix = `${entry.id}|${kind}|${deadline === null ? '-' : String(deadline)}`;
  const firedLead = fired.get(prefix);
  const currentUnfired = firedLead === undefined || firedLead > current;

  if (currentUnfired && !snoozed) {
    if (!withAlert) return upcoming;
    const dueAt = deadline === null ? now : deadline - current * MINUTE_MS;
    return {
      due: {
        type: 'entry',
        entryId: entry.id,
        ...(locked ? {} : { label: entry.label, provider: entry.provider, entryKind: entry.kind }),
        kind,
        deadline,
        key: `${prefix}|${current}`,
        leadMinutes: current,
        dueAt,
      },
      next: upcoming,
    };
  }
  let next = currentUnfired ? now : upcoming;
  if (next !== null && snoozed && entry.snoozedUntil !== undefined) {
    next = Math.max(next, entry.snoozedUntil);
  }
  return next;
}

export interface Evaluation {
  /** One alert per entry at most (the most urgent stage), most urgent entry first. */
  alerts: EntryAlert[];
  /**
   * When to look again once `alerts` have been fired (the single timer's target), or null
   * when nothing can fall due without a change.
   */
  nextDueAt: number | null;
}

/** One pass over the entries: what is due now and when the next alert falls due. */
export function evaluate(
  entries: readonly ReminderSubject[],
  settings: ReminderSettings,
  log: FiredLog,
  now: number,
): Evaluation {
  const stages = leadStages(settings);
  const fired = indexFiredLog(log);
  const alerts: EntryAlert[] = [];
  let nextDueAt: number | null = null;
  for (const entry of entries) {
    const s = scheduleEntry(entry, stages, fired, now, true);
    let next: number | null;
    if (s !== null && typeof s === 'object') {
      alerts.push(s.due);
      next = s.next;
    } else {
      next = s;
    }
    if (next !== null && (nextDueAt === null || next < nextDueAt)) nextDueAt = next;
  }
  alerts.sort(compareUrgency);
  return { alerts, nextDueAt };
}

/** Alerts due now: at most one per entry, the most urgent of those not yet fired. */
export function computeAlerts(
  entries: readonly ReminderSubject[],
  settings: ReminderSettings,
  log: FiredLog,
  now: number,
): EntryAlert[] {
  return evaluate(entries, settings, log, now).alerts;
}

/**
 * When the next alert falls due, assuming the alerts due now have been fired (this is what
 * the single timer is set for). Null when nothing can fall due without a change.
 */
export function nextDueAt(
  entries: readonly ReminderSubject[],
  settings: ReminderSettings,
  log: FiredLog,
  now: number,
): number | null {
  // The same pass as evaluate(), without building (or sorting) the alerts.
  const stages = leadStages(settings);
  const fired = indexFiredLog(log);
  let nextDue: number | null = null;
  for (const entry of entries) {
    const next = scheduleEntry(entry, stages, fired, now, false) as number | null;
    if (next !== null && (nextDue === null || next < nextDue)) nextDue = next;
  }
  return nextDue;
}

/** Several entries due at once become one summary, so a morning after a week away is one toast. */
export function groupAlerts(alerts: readonly EntryAlert[]): (EntryAlert | SummaryAlert)[] {
  if (alerts.length <= 1) return [...alerts];
  const sorted = [...alerts].sort(compareUrgency);
  const first = sorted[0] as EntryAlert;
  return [{ type: 'summary', key: `summary|${first.key}|${sorted.length}`, alerts: sorted }];
}

export function markFired(log: FiredLog, alerts: readonly EntryAlert[], now: number): FiredLog {
  const fired = { ...log.fired };
  for (const a of alerts) fired[a.key] = now;
  return { version: 1, fired };
}

/**
 * Drops keys whose deadline no longer exists (entry deleted, deadline moved, status back to
 * active). That keeps the log small and lets a deadline that comes back (a second
 * "needs re-authorization") alert again.
 */
export function pruneFiredLog(log: FiredLog, entries: readonly EntryView[]): FiredLog {
  const live = new Set<string>();
  for (const entry of entries) {
    const d = deadlineOf(entry);
    if (d) live.add(deadlinePrefix(d));
  }
  const fired: Record<string, number> = {};
  for (const [key, at] of Object.entries(log.fired)) {
    const cut = key.lastIndexOf('|');
    if (cut >= 0 && live.has(key.slice(0, cut))) fired[key] = at;
  }
  return { version: 1, fired };
}
