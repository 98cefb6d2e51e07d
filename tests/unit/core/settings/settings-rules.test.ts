// The checks that read stored settings without zod (settings-rules.ts) must give the answers
// the zod schema gives (settings.schema.ts: what the app's settings screen and IPC accept).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTING_RULES,
  settingValueOk,
  settingsFrom,
} from '../../../../main/core/settings/settings-rules';
import { settingsFields } from '../../../../main/core/settings/settings.schema';

const numbers = [-1, -0, 0, 1, 1.5, 59, 60, 1024, 1440, 1441, 3600, 3601, 43117, 65535, 65536];
const candidates: unknown[] = [
  ...numbers,
  129_600,
  129_601,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  '15',
  '',
  'http',
  'python',
  'xml',
  'system',
  'dark',
  'zh-CN',
  'zh',
  true,
  false,
  null,
  undefined,
  {},
  [],
  [1],
  [10080, 4320, 1440, 60],
  [60, 60],
  [0],
  [129_600],
  [129_601],
  [1.5],
  ['60'],
  Array.from({ length: 10 }, (_, i) => i + 1),
  Array.from({ length: 11 }, (_, i) => i + 1),
];

describe('stored settings, read without zod', () => {
  it('accept and refuse exactly the values the settings screen does, field by field', () => {
    for (const [key, rule] of Object.entries(SETTING_RULES)) {
      const schema = settingsFields[key as keyof typeof settingsFields];
      for (const value of candidates) {
        expect(settingValueOk(rule, value), `${key} = ${JSON.stringify(value)}`).toBe(
          schema.safeParse(value).success,
        );
      }
    }
  });

  it('keep each valid field and put the default back for any other', () => {
    expect(settingsFrom(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(settingsFrom([1, 2])).toEqual(DEFAULT_SETTINGS);
    expect(
      settingsFrom({ reminderLeadMinutes: [30], theme: 'dark', idleLockMinutes: -5, extra: 1 }),
    ).toEqual({ ...DEFAULT_SETTINGS, reminderLeadMinutes: [30], theme: 'dark' });
    // The defaults are copied, never shared.
    const one = settingsFrom(undefined);
    one.reminderLeadMinutes.push(5);
    expect(DEFAULT_SETTINGS.reminderLeadMinutes).toEqual([10080, 4320, 1440, 60]);
  });
});
