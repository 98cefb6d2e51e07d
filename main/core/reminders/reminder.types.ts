// Types shared by the reminder engine, the reminder service, the tray and notification
// models and the background refresher. Everything here is metadata: no secret ever appears.
import type {
  EntryKind,
  EntryView,
  ProviderId,
  ReminderItem,
  Settings,
} from '../../../preload/api';

export type ReminderKind = ReminderItem['kind'];

/** Lead times before a deadline, in minutes: 7 d, 3 d, 1 d, 1 h (DESIGN.md "Reminders"). */
export const DEFAULT_LEAD_MINUTES: readonly number[] = [7 * 24 * 60, 3 * 24 * 60, 24 * 60, 60];

export const MINUTE_MS = 60_000;

/** The part of the settings the engine reads; the full Settings object satisfies it. */
export type ReminderSettings = Pick<Settings, 'reminderLeadMinutes'>;

/**
 * The one deadline an entry has, as far as reminders are concerned. While the vault is locked
 * only the locked index is readable (LockedDeadline): then label, provider and entryKind are
 * absent, and the words say "an entry (unlock to see which)".
 */
export interface Deadline {
  entryId: string;
  label?: string;
  provider?: ProviderId;
  entryKind?: EntryKind;
  kind: ReminderKind;
  /** epoch ms; null for 'needs-reauth' (due now) and 'revoked' (informational). */
  deadline: number | null;
}

/** A deadline of an entry whose metadata is readable (the vault is unlocked). */
export type NamedDeadline = Deadline & Required<Pick<Deadline, 'label' | 'provider' | 'entryKind'>>;

/**
 * What the vault file keeps in clear per entry so reminders work while it is locked: an opaque
 * id and one deadline, never a label, account, provider or client id. Muted and revoked
 * entries are left out (they never alert).
 */
export interface LockedDeadline {
  id: string;
  kind: Exclude<ReminderKind, 'revoked'>;
  /** epoch ms; null for 'needs-reauth' (due now). */
  at: number | null;
  snoozedUntil?: number;
}

/** What reminders are computed from: full entries when unlocked, the locked index when not. */
export type ReminderSubject = EntryView | LockedDeadline;

export const isLockedSubject = (s: ReminderSubject): s is LockedDeadline => !('provider' in s);

/** One entry crossed a lead time (lead 0 = the deadline itself passed). */
export interface EntryAlert extends Deadline {
  type: 'entry';
  /** entryId|kind|deadline|lead: a changed deadline gives new keys, so it re-arms. */
  key: string;
  leadMinutes: number;
  /** When this alert became due (epoch ms). */
  dueAt: number;
}

/** Several entries fell due at once (typically while the app was closed): one message. */
export interface SummaryAlert {
  type: 'summary';
  key: string;
  /** Most urgent first. */
  alerts: EntryAlert[];
}

/** A background refresh of a Fax.Plus access token failed. */
export interface RefreshFailedAlert {
  type: 'refresh-failed';
  key: string;
  entryId: string;
  label: string;
}

export type ReminderAlert = EntryAlert | SummaryAlert | RefreshFailedAlert;

/** Persisted log of fired alert keys (key -> epoch ms fired), so a restart repeats none. */
export interface FiredLog {
  version: 1;
  fired: Record<string, number>;
}

export function emptyFiredLog(): FiredLog {
  return { version: 1, fired: {} };
}
