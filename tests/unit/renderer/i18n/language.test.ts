import { afterEach, describe, expect, it } from 'vitest';
import { relativeTime } from '../../../../renderer/features/tokens/entry-format';
import { formatLead } from '../../../../renderer/features/reminders/reminder-state';
import {
  currentLanguage,
  currentLocale,
  formatDateTime,
  formatNumber,
  resolveLanguage,
  setLanguage,
  t,
  type Language,
} from '../../../../renderer/i18n/i18n';

describe('resolveLanguage', () => {
  it.each<[Language | 'system', string[], Language]>([
    // An explicit choice wins over the system.
    ['it', ['en-US'], 'it'],
    ['zh-CN', ['it-IT'], 'zh-CN'],
    ['en', ['zh-CN'], 'en'],
    ['system', ['it-IT', 'en-US'], 'it'],
    ['system', ['it'], 'it'],
    ['system', ['it-CH'], 'it'],
    ['system', ['zh-CN'], 'zh-CN'],
    ['system', ['zh-Hans-CN'], 'zh-CN'],
    ['system', ['zh-Hans'], 'zh-CN'],
    ['system', ['zh-SG'], 'zh-CN'],
    ['system', ['zh'], 'zh-CN'],
    ['system', ['ZH-cn'], 'zh-CN'],
    // Traditional Chinese is not Simplified: the next preferred language wins.
    ['system', ['zh-TW', 'it-CH'], 'it'],
    ['system', ['zh-Hant-HK'], 'en'],
    ['system', ['zh-HK'], 'en'],
    ['system', ['fr'], 'en'],
    ['system', ['fr-FR', 'it-IT'], 'it'],
    ['system', ['de-DE'], 'en'],
    ['system', [], 'en'],
    ['system', ['en-GB', 'it-IT'], 'en'],
  ])('%s with system %j -> %s', (setting, preferred, expected) => {
    expect(resolveLanguage(setting, preferred)).toBe(expected);
  });
});

describe('active language', () => {
  afterEach(() => setLanguage('en'));

  it.each<[Language, string, string]>([
    ['en', 'Lock', 'At least 12 characters'],
    ['it', 'Blocca', 'Almeno 12 caratteri'],
    ['zh-CN', '锁定', '至少 12 个字符'],
  ])('%s: t() answers from its catalog with parameters', (language, lock, rule) => {
    setLanguage(language);
    expect(currentLanguage()).toBe(language);
    expect(currentLocale()).toBe(language);
    expect(t('frame.lock')).toBe(lock);
    expect(t('create.rule.length', { min: 12 })).toBe(rule);
  });

  it.each<[Language, string]>([
    ['en', '10,005'],
    ['it', '10.005'],
    ['zh-CN', '10,005'],
  ])('numbers follow the language (%s)', (language, expected) => {
    setLanguage(language);
    expect(formatNumber(10_005)).toBe(expected);
  });

  const now = Date.UTC(2026, 10, 22, 12, 0);
  const inThreeDays = now + 3 * 24 * 3600e3;
  const twoHoursAgo = now - 2 * 3600e3;

  it.each<[Language, string, string, string]>([
    ['en', 'in 3 days', '2 hours ago', '1 week'],
    ['it', 'tra 3 giorni', '2 ore fa', '1 settimana'],
    ['zh-CN', '3天后', '2小时前', '1周'],
  ])('relative times and lead times follow the language (%s)', (language, ahead, ago, lead) => {
    setLanguage(language);
    expect(relativeTime(inThreeDays, now)).toBe(ahead);
    expect(relativeTime(twoHoursAgo, now)).toBe(ago);
    expect(formatLead(7 * 24 * 60)).toBe(lead);
  });

  it.each<[Language, RegExp]>([
    ['en', /Nov/],
    ['it', /nov/],
    ['zh-CN', /11月/],
  ])('dates follow the language (%s)', (language, month) => {
    setLanguage(language);
    expect(formatDateTime(now)).toMatch(month);
    expect(formatDateTime(now)).toMatch(/2026/);
  });
});
