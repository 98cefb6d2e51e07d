// What the reminders look like in the window: the badge of a row, whether an entry belongs in
// "Needs attention", snooze choices and lead-time chips. Pure, so it is tested without a
// browser. "Soon" uses the largest lead time, like the tray and the notifications in main.
import type { EntryView } from '../../../preload/api';
import { uiOf } from '../kinds';
import type { MessageKey } from '../../i18n/en';
import { currentLocale } from '../../i18n/i18n';

export type BadgeKind = 'ok' | 'soon' | 'expired' | 'needs-reauth' | 'revoked';

export const DEFAULT_LEADS: readonly number[] = [7 * 24 * 60, 3 * 24 * 60, 24 * 60, 60];
export const MAX_LEADS = 10;
/** Same bounds as main's settings schema (1 minute to 90 days). */
export const LEAD_MIN = 1;
export const LEAD_MAX = 90 * 24 * 60;

const MINUTE = 60_000;

export const badgeText: Record<BadgeKind, MessageKey> = {
  ok: 'reminders.badge.ok',
  soon: 'reminders.badge.soon',
  expired: 'reminders.badge.expired',
  'needs-reauth': 'reminders.badge.needsReauth',
  revoked: 'reminders.badge.revoked',
};

/** The deadline the user must act on (refresh-token expiry for OAuth), if any. */
export function deadlineOf(entry: EntryView): number | null {
  return uiOf(entry).deadlineAt(entry);
}

export function soonWindowMs(leads: readonly number[]): number {
  const valid = leads.filter((m) => Number.isFinite(m) && m > 0);
  return Math.max(...(valid.length > 0 ? valid : DEFAULT_LEADS)) * MINUTE;
}

export function badgeOf(entry: EntryView, now: number, leads: readonly number[]): BadgeKind {
  return badgeWithin(entry, now, soonWindowMs(leads));
}

/** badgeOf with the "soon" window worked out once, for loops over thousands of entries. */
function badgeWithin(entry: EntryView, now: number, soonMs: number): BadgeKind {
  const ui = uiOf(entry);
  if (entry.status === 'revoked' || ui.revokedAt(entry) !== undefined) return 'revoked';
  if (entry.status === 'needs-reauth') return 'needs-reauth';
  const at = ui.deadlineAt(entry);
  if (at === null) return 'ok';
  if (at <= now) return ui.reauthorizable ? 'needs-reauth' : 'expired';
  return at - now <= soonMs ? 'soon' : 'ok';
}

export function isSnoozed(entry: EntryView, now: number): boolean {
  return entry.snoozedUntil !== undefined && entry.snoozedUntil > now;
}

/** In "Needs attention": soon, expired or needing re-authorization, unless muted or snoozed. */
export function needsAttention(entry: EntryView, now: number, leads: readonly number[]): boolean {
  return attentionBadge(entry, now, soonWindowMs(leads)) !== undefined;
}

function attentionBadge(entry: EntryView, now: number, soonMs: number): BadgeKind | undefined {
  if (entry.muted || isSnoozed(entry, now)) return undefined;
  const badge = badgeWithin(entry, now, soonMs);
  return badge === 'soon' || badge === 'expired' || badge === 'needs-reauth' ? badge : undefined;
}

const rank: Record<BadgeKind, number> = {
  'needs-reauth': 0,
  expired: 1,
  soon: 2,
  ok: 3,
  revoked: 4,
};

/** The attention group's entries, most urgent first (re-auth, expired, then soonest). */
export function attentionEntries(
  entries: readonly EntryView[],
  now: number,
  leads: readonly number[],
): EntryView[] {
  const soonMs = soonWindowMs(leads);
  const found: { entry: EntryView; badge: BadgeKind; at: number | null }[] = [];
  // One pass, no intermediate arrays: this runs over the whole vault (10,000 entries).
  for (const entry of entries) {
    const badge = attentionBadge(entry, now, soonMs);
    if (badge) found.push({ entry, badge, at: deadlineOf(entry) });
  }
  return found
    .sort(
      (a, b) =>
        rank[a.badge] - rank[b.badge] ||
        (a.at ?? Infinity) - (b.at ?? Infinity) ||
        (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0),
    )
    .map((x) => x.entry);
}

// ---- Snooze ----------------------------------------------------------------------------------

export const snoozeChoices: readonly { key: MessageKey; ms: number }[] = [
  { key: 'reminders.snooze.day', ms: 24 * 60 * MINUTE },
  { key: 'reminders.snooze.threeDays', ms: 3 * 24 * 60 * MINUTE },
  { key: 'reminders.snooze.week', ms: 7 * 24 * 60 * MINUTE },
];

// ---- Lead times --------------------------------------------------------------------------------

const UNITS: Record<string, number> = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };

/**
 * "2d", "12 h", "30m", "1w" or a plain number of hours -> minutes; undefined when it is not
 * a duration or falls outside 1 minute .. 90 days.
 */
export function parseLead(text: string): number | undefined {
  const match = /^\s*(\d{1,4})\s*([mhdw]?)\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = (match[2] ?? '').toLowerCase() || 'h';
  const minutes = Number(match[1]) * (UNITS[unit] ?? 60);
  return minutes >= LEAD_MIN && minutes <= LEAD_MAX ? minutes : undefined;
}

/** A lead time in the largest whole unit: { value: 3, unit: 'day' }. */
export function leadParts(minutes: number): {
  value: number;
  unit: 'week' | 'day' | 'hour' | 'minute';
} {
  if (minutes % (7 * 24 * 60) === 0) return { value: minutes / (7 * 24 * 60), unit: 'week' };
  if (minutes % (24 * 60) === 0) return { value: minutes / (24 * 60), unit: 'day' };
  if (minutes % 60 === 0) return { value: minutes / 60, unit: 'hour' };
  return { value: minutes, unit: 'minute' };
}

/** "7 days", "1 hour": through Intl, so other languages only need a locale. */
export function formatLead(minutes: number, locale = currentLocale()): string {
  const { value, unit } = leadParts(minutes);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export type LeadProblem =
  'reminders.lead.invalid' | 'reminders.lead.duplicate' | 'reminders.lead.tooMany';

/** Adds a lead time, largest first; or says why it cannot be added. */
export function addLead(
  leads: readonly number[],
  text: string,
): { leads: number[] } | { problem: LeadProblem } {
  const minutes = parseLead(text);
  if (minutes === undefined) return { problem: 'reminders.lead.invalid' };
  if (leads.includes(minutes)) return { problem: 'reminders.lead.duplicate' };
  if (leads.length >= MAX_LEADS) return { problem: 'reminders.lead.tooMany' };
  return { leads: [...leads, minutes].sort((a, b) => b - a) };
}
