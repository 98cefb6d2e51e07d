// Every setting's default and bounds as plain data, with the check a stored value must pass.
// Reading settings (the app at start, the command line's `reminders`) needs only this, not
// zod: on the command line, loading zod and the store's libraries to read a small file took
// ~85 ms of the 270 ms `reminders` took with a session. The zod schema (settings.schema.ts)
// and the settings screen's hints take their bounds from here, so they cannot drift apart,
// and a test holds the schema and these checks to the same answers.
import type { HeaderFormat, Settings } from '../../../preload/api';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  idleLockMinutes: 15,
  clipboardClearSeconds: 30,
  defaultHeaderFormat: 'http',
  reminderLeadMinutes: [10080, 4320, 1440, 60],
  closeToTray: true,
  lockOnSuspend: true,
  theme: 'system',
  language: 'system',
  loopbackPort: 43117,
});

interface IntRule {
  kind: 'int';
  min: number;
  max: number;
}
interface ChoiceRule<T extends string> {
  kind: 'choice';
  values: readonly [T, ...T[]];
}
interface IntListRule {
  kind: 'int-list';
  min: number;
  max: number;
  /** At most this many, all different. */
  maxItems: number;
}
interface SwitchRule {
  kind: 'switch';
}
type Rule = IntRule | ChoiceRule<string> | IntListRule | SwitchRule;

export const SETTING_RULES = {
  idleLockMinutes: { kind: 'int', min: 0, max: 24 * 60 },
  clipboardClearSeconds: { kind: 'int', min: 0, max: 3600 },
  defaultHeaderFormat: {
    kind: 'choice',
    values: ['http', 'curl', 'json', 'env', 'fetch', 'python'],
  } as ChoiceRule<HeaderFormat>,
  reminderLeadMinutes: { kind: 'int-list', min: 1, max: 90 * 24 * 60, maxItems: 10 },
  closeToTray: { kind: 'switch' },
  lockOnSuspend: { kind: 'switch' },
  theme: { kind: 'choice', values: ['system', 'light', 'dark'] } as ChoiceRule<Settings['theme']>,
  language: { kind: 'choice', values: ['system', 'en', 'it', 'zh-CN'] } as ChoiceRule<
    Settings['language']
  >,
  loopbackPort: { kind: 'int', min: 1024, max: 65535 },
} as const satisfies Record<keyof Settings, Rule>;

const inBounds = (value: unknown, rule: { min: number; max: number }): boolean =>
  typeof value === 'number' &&
  Number.isSafeInteger(value) &&
  value >= rule.min &&
  value <= rule.max;

/** Whether `value` is a valid value of the setting `rule` describes. */
export function settingValueOk(rule: Rule, value: unknown): boolean {
  switch (rule.kind) {
    case 'int':
      return inBounds(value, rule);
    case 'choice':
      return typeof value === 'string' && (rule.values as readonly string[]).includes(value);
    case 'switch':
      return typeof value === 'boolean';
    case 'int-list':
      return (
        Array.isArray(value) &&
        value.length <= rule.maxItems &&
        value.every((item) => inBounds(item, rule)) &&
        new Set(value).size === value.length
      );
  }
}

/** The settings a stored document holds: each valid field, the default for every other. */
export function settingsFrom(stored: unknown): Settings {
  const next: Record<string, unknown> = {
    ...DEFAULT_SETTINGS,
    reminderLeadMinutes: [...DEFAULT_SETTINGS.reminderLeadMinutes],
  };
  if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
    const fields = stored as Record<string, unknown>;
    for (const [key, rule] of Object.entries(SETTING_RULES)) {
      const value = fields[key];
      if (settingValueOk(rule, value)) next[key] = Array.isArray(value) ? [...value] : value;
    }
  }
  return next as unknown as Settings;
}
