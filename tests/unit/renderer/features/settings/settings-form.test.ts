import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../../preload/api';
import {
  checkWholeNumber,
  isDirty,
  toFormValues,
  validateSettingsForm,
} from '../../../../../renderer/features/settings/settings-form';

const saved: Settings = {
  idleLockMinutes: 15,
  clipboardClearSeconds: 30,
  defaultHeaderFormat: 'http',
  reminderLeadMinutes: [10080, 4320, 1440, 60],
  closeToTray: true,
  lockOnSuspend: true,
  theme: 'system',
  language: 'system',
  loopbackPort: 53682,
};

describe('settings form', () => {
  it.each([
    ['idleLockMinutes', '15', undefined],
    ['idleLockMinutes', ' 0 ', undefined],
    ['idleLockMinutes', '1440', undefined],
    ['idleLockMinutes', '1441', 'settings.error.range'],
    ['idleLockMinutes', '', 'settings.error.required'],
    ['idleLockMinutes', '2.5', 'settings.error.whole'],
    ['idleLockMinutes', '-1', 'settings.error.whole'],
    ['idleLockMinutes', '1e3', 'settings.error.whole'],
    ['clipboardClearSeconds', '3600', undefined],
    ['clipboardClearSeconds', '3601', 'settings.error.range'],
    ['clipboardClearSeconds', 'abc', 'settings.error.whole'],
  ] as const)('%s = %j -> %s', (key, text, expected) => {
    expect(checkWholeNumber(text, key)?.key).toBe(expected);
  });

  it('produces a numeric patch only when every field is valid', () => {
    const values = {
      ...toFormValues(saved),
      idleLockMinutes: ' 5',
      theme: 'dark' as const,
      defaultHeaderFormat: 'curl' as const,
    };
    expect(validateSettingsForm(values)).toEqual({
      errors: {},
      patch: {
        idleLockMinutes: 5,
        clipboardClearSeconds: 30,
        defaultHeaderFormat: 'curl',
        theme: 'dark',
        language: 'system',
      },
    });
    const bad = validateSettingsForm({ ...values, clipboardClearSeconds: 'x' });
    expect(bad.patch).toBeUndefined();
    expect(bad.errors.clipboardClearSeconds?.key).toBe('settings.error.whole');
  });

  it('is dirty only when a value differs from what main holds', () => {
    expect(isDirty(toFormValues(saved), saved)).toBe(false);
    expect(isDirty({ ...toFormValues(saved), clipboardClearSeconds: '45' }, saved)).toBe(true);
    expect(isDirty({ ...toFormValues(saved), theme: 'light' }, saved)).toBe(true);
    expect(isDirty({ ...toFormValues(saved), language: 'zh-CN' }, saved)).toBe(true);
    expect(isDirty({ ...toFormValues(saved), defaultHeaderFormat: 'env' }, saved)).toBe(true);
  });
});
