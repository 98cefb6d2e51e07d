// String lookup for the renderer. Every user-facing sentence lives in a catalog (en.ts is the
// reference; other languages provide the same keys), so adding a language is one new file
// plus one line in `catalogs` below. The active language is module state set once per
// language change (setLanguage); the app re-renders its tree on a change (use-language.ts),
// so `t()` stays a plain function callable anywhere, including outside components.
import { en, type MessageKey } from './en';
import { it } from './it';
import { zhCN } from './zh-cn';

export type Catalog = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

/** Languages the app speaks; the setting's 'system' resolves to one of these. */
export type Language = 'en' | 'it' | 'zh-CN';
export const languages: readonly Language[] = ['en', 'it', 'zh-CN'];

/**
 * Catalog per language. it.ts and zh-cn.ts are typed Catalog (complete); the fallback to
 * English in translate() still guards a key added to en.ts while a translation lags.
 */
const catalogs: Record<Language, Partial<Catalog>> = {
  en,
  it,
  'zh-CN': zhCN,
};

let active: Language = 'en';

/** Fills `{name}` placeholders; a placeholder without a value stays visible so it gets noticed. */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Looks a key up in a catalog, falling back to English for keys a translation lacks. */
export function translate(catalog: Partial<Catalog>, key: MessageKey, params?: MessageParams) {
  return format(catalog[key] ?? en[key], params);
}

/** The lookup components use: the active language's catalog, English as the fallback. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(catalogs[active], key, params);
}

/**
 * The language to use for a setting: an explicit choice wins; 'system' takes the first of
 * the system's preferred languages we speak (zh-Hans, zh-CN, zh-SG -> zh-CN; it-CH -> it),
 * English otherwise.
 */
export function resolveLanguage(
  setting: Language | 'system',
  preferred: readonly string[],
): Language {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'it' || lower.startsWith('it-')) return 'it';
    // Traditional Chinese (zh-TW, zh-HK, zh-Hant) is not Simplified: keep looking.
    if (/^zh(-hans|-cn|-sg|-my)?(-|$)/.test(lower) && !/hant|-tw|-hk|-mo/.test(lower)) {
      return 'zh-CN';
    }
  }
  return 'en';
}

/** Switches the active catalog and the document language (screen readers, hyphenation). */
export function setLanguage(language: Language): void {
  active = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return active;
}

/** BCP 47 tag for Intl (dates, relative times, numbers, sorting). */
export function currentLocale(): string {
  return active;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count or amount in the user's language (10,005 / 10.005). */
export function formatNumber(value: number): string {
  const locale = currentLocale();
  let formatter = numberFormats.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale);
    numberFormats.set(locale, formatter);
  }
  return formatter.format(value);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time in the user's language; one formatter per locale (building one is slow). */
export function formatDateTime(at: number): string {
  const locale = currentLocale();
  let formatter = dateTimeFormats.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, formatter);
  }
  return formatter.format(at);
}
