// Parsing and checking of the settings form. The fields are text while the user types; a
// patch is produced only when every field is a whole number within its range. Main validates
// again (zod) and its answer wins.
import type { Settings } from '../../../preload/api';
import type { MessageKey } from '../../i18n/en';

export type NumericSettingKey = 'idleLockMinutes' | 'clipboardClearSeconds';

/** Same ranges as main's schema (main/core/ipc/schemas.ts); main re-checks anyway. */
export const settingLimits: Record<NumericSettingKey, { min: number; max: number }> = {
  /** Up to a day; 0 turns auto-lock off. */
  idleLockMinutes: { min: 0, max: 1440 },
  /** Up to an hour; 0 leaves copied headers on the clipboard. */
  clipboardClearSeconds: { min: 0, max: 3600 },
};

export type SettingsFormValues = Record<NumericSettingKey, string> & {
  defaultHeaderFormat: Settings['defaultHeaderFormat'];
  theme: Settings['theme'];
  language: Settings['language'];
};

/**
 * The language choices besides 'system'. Each is named in its own language, in every
 * language, so a user who cannot read the current one still finds theirs.
 */
export const languageNames: ReadonlyArray<{
  value: Exclude<Settings['language'], 'system'>;
  label: string;
}> = [
  { value: 'en', label: 'English' },
  { value: 'it', label: 'Italiano' },
  { value: 'zh-CN', label: '简体中文' },
];

export function isLanguageSetting(value: string): value is Settings['language'] {
  return value === 'system' || languageNames.some((l) => l.value === value);
}

export interface FieldProblem {
  key: MessageKey;
  params?: Record<string, number>;
}

export type SettingsFormErrors = Partial<Record<NumericSettingKey, FieldProblem>>;

export function toFormValues(settings: Settings): SettingsFormValues {
  return {
    idleLockMinutes: String(settings.idleLockMinutes),
    clipboardClearSeconds: String(settings.clipboardClearSeconds),
    defaultHeaderFormat: settings.defaultHeaderFormat,
    theme: settings.theme,
    language: settings.language,
  };
}

export function checkWholeNumber(text: string, key: NumericSettingKey): FieldProblem | undefined {
  const { min, max } = settingLimits[key];
  const trimmed = text.trim();
  if (trimmed === '') return { key: 'settings.error.required' };
  if (!/^\d+$/.test(trimmed)) return { key: 'settings.error.whole' };
  const value = Number(trimmed);
  if (value < min || value > max) return { key: 'settings.error.range', params: { min, max } };
  return undefined;
}

export function validateSettingsForm(values: SettingsFormValues): {
  errors: SettingsFormErrors;
  patch?: Pick<Settings, NumericSettingKey | 'defaultHeaderFormat' | 'theme' | 'language'>;
} {
  const errors: SettingsFormErrors = {};
  for (const key of Object.keys(settingLimits) as NumericSettingKey[]) {
    const problem = checkWholeNumber(values[key], key);
    if (problem) errors[key] = problem;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    patch: {
      idleLockMinutes: Number(values.idleLockMinutes.trim()),
      clipboardClearSeconds: Number(values.clipboardClearSeconds.trim()),
      defaultHeaderFormat: values.defaultHeaderFormat,
      theme: values.theme,
      language: values.language,
    },
  };
}

/** True when the form differs from what main holds (the Save button is enabled only then). */
export function isDirty(values: SettingsFormValues, saved: Settings): boolean {
  const original = toFormValues(saved);
  return (Object.keys(original) as (keyof SettingsFormValues)[]).some(
    (key) => values[key].trim() !== original[key],
  );
}
