// Small relative-time words ("in 3 days", "2 hours ago", "3 days") on top of Intl, so other
// languages only need a locale string. Formatters are cached: lists can hold 10,000 entries.

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Average month length; months only appear for far-away deadlines where a day does not matter.
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

/**
 * Picks the largest unit that still reads naturally. Each step rounds first, so 59.6 minutes
 * becomes "1 hour" rather than "60 minutes", and an exact lead time (1 d, 3 d, 1 h) reads as
 * that lead time.
 */
export function pickUnit(absMs: number): { value: number; unit: Unit } {
  const seconds = Math.round(absMs / SECOND);
  if (seconds < 60) return { value: seconds, unit: 'second' };
  const minutes = Math.round(absMs / MINUTE);
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.round(absMs / HOUR);
  if (hours < 24) return { value: hours, unit: 'hour' };
  const days = Math.round(absMs / DAY);
  if (days < 45) return { value: days, unit: 'day' };
  const months = Math.round(absMs / MONTH);
  if (months < 12) return { value: months, unit: 'month' };
  return { value: Math.max(1, Math.round(absMs / YEAR)), unit: 'year' };
}

const relativeCache = new Map<string, Intl.RelativeTimeFormat>();
const durationCache = new Map<string, Intl.NumberFormat>();

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    // A bad locale string from settings must not break reminders: fall back to English.
    return 'en';
  }
}

/**
 * The words themselves, by locale, unit and value: 10,000 deadlines repeat a few dozen of
 * them, and each Intl format call costs more than the rest of a reminder. Bounded, for a
 * long-running app.
 */
const wordsCache = new Map<string, string>();

function cachedWords(key: string, make: () => string): string {
  let words = wordsCache.get(key);
  if (words === undefined) {
    if (wordsCache.size >= 4096) wordsCache.clear();
    words = make();
    wordsCache.set(key, words);
  }
  return words;
}

function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
  let f = relativeCache.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(safeLocale(locale), { numeric: 'always' });
    relativeCache.set(locale, f);
  }
  return f;
}

function durationFormatter(locale: string, unit: Unit): Intl.NumberFormat {
  const cacheKey = `${locale}|${unit}`;
  let f = durationCache.get(cacheKey);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), { style: 'unit', unit, unitDisplay: 'long' });
    durationCache.set(cacheKey, f);
  }
  return f;
}

/** `deltaMs` > 0 is in the future ("in 3 days"), < 0 in the past ("3 days ago"). */
export function formatRelative(deltaMs: number, locale = 'en'): string {
  const { value, unit } = pickUnit(Math.abs(deltaMs));
  // The sign is part of the key: "0 seconds ago" (-0) and "in 0 seconds" (0) differ.
  const sign = deltaMs < 0 ? '-' : '+';
  return cachedWords(`r|${locale}|${unit}|${sign}${value}`, () =>
    relativeFormatter(locale).format(deltaMs < 0 ? -value : value, unit),
  );
}

/** A plain duration ("3 days"), for sentences like "within 3 days". */
export function formatDuration(ms: number, locale = 'en'): string {
  const { value, unit } = pickUnit(Math.abs(ms));
  return cachedWords(`d|${locale}|${unit}|${value}`, () =>
    durationFormatter(locale, unit).format(value),
  );
}
