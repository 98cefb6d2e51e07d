// Turns entry metadata into what a row shows: which deadline matters for this kind, how soon
// it is, and how worried the user should be. Pure, so it is tested without a browser.
import type { EntryStatus, EntryView } from '../../../preload/api';
import type { MessageKey } from '../../i18n/en';
import { currentLocale } from '../../i18n/i18n';
import { uiOf } from '../kinds';
import type { Tone } from '../provider-ui';

export type { Tone } from '../provider-ui';
export { kindNameKey, providerNameKey } from '../kinds';

export interface ExpiryInfo {
  /** Catalog key plus its parameters, so the caller formats it in the user's language. */
  key: MessageKey;
  /** The deadline, when there is one. */
  at?: number;
  tone: Tone;
}

/** Deadlines closer than this are shown as a warning (the first default reminder is 7 days). */
export const warnWithinMs = 7 * 24 * 60 * 60 * 1000;

export const statusNameKey: Record<EntryStatus, MessageKey> = {
  active: 'status.active',
  'needs-reauth': 'status.needs-reauth',
  revoked: 'status.revoked',
  error: 'status.error',
};

export const statusTone: Record<EntryStatus, Tone> = {
  active: 'ok',
  'needs-reauth': 'danger',
  revoked: 'muted',
  error: 'danger',
};

function deadlineTone(at: number, now: number): Tone {
  if (at <= now) return 'danger';
  return at - now <= warnWithinMs ? 'warning' : 'ok';
}

function dated(at: number, now: number, future: MessageKey, past: MessageKey): ExpiryInfo {
  return { key: at <= now ? past : future, at, tone: deadlineTone(at, now) };
}

/** The one deadline that matters for an entry, in the words its kind uses. */
export function describeExpiry(entry: EntryView, now: number): ExpiryInfo {
  const ui = uiOf(entry);
  const revokedAt = ui.revokedAt(entry);
  if (revokedAt !== undefined) return { key: 'expiry.revoked', at: revokedAt, tone: 'muted' };
  const at = ui.deadlineAt(entry);
  const keys = ui.expiryKeys;
  if (at === null) return { key: keys.none, tone: keys.noneTone };
  return dated(at, now, keys.future, keys.past);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600e3],
  ['month', 30 * 24 * 3600e3],
  ['day', 24 * 3600e3],
  ['hour', 3600e3],
  ['minute', 60e3],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

/** One formatter per locale: building one costs more than formatting with it. */
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formats.set(locale, format);
  }
  return format;
}

/** "in 3 days", "2 hours ago": the largest unit that fits, through Intl. */
export function relativeTime(at: number, now: number, locale = currentLocale()): string {
  const diff = at - now;
  const format = relativeFormat(locale);
  for (const [unit, size] of units) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(Math.round(diff / 60e3), 'minute');
}

/** Search across what the user can see in a row (label, provider, account, token id). */
export function matchesQuery(entry: EntryView, query: string, providerName: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [
    entry.label,
    providerName,
    entry.account?.email,
    entry.account?.id,
    entry.account?.name,
    uiOf(entry).remoteId(entry),
  ];
  return haystack.some((value) => value?.toLowerCase().includes(needle));
}
