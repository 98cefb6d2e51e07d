import { afterEach, describe, expect, it } from 'vitest';
import {
  currentLanguage,
  formatNumber,
  resolveLanguage,
  setLanguage,
  t,
  type Language,
} from '../../../../renderer/i18n/i18n';

describe('resolveLanguage', () => {
  it.each<[Language | 'system', string[], Language]>([
    ['it', ['en-US'], 'it'],
    ['zh-CN', ['it-IT'], 'zh-CN'],
    ['system', ['it-IT', 'en-US'], 'it'],
    ['system', ['it'], 'it'],
    ['system', ['zh-CN'], 'zh-CN'],
    ['system', ['zh-Hans-CN'], 'zh-CN'],
    ['system', ['zh'], 'zh-CN'],
    // Traditional Chinese is not Simplified: the next preferred language wins.
    ['system', ['zh-TW', 'it-CH'], 'it'],
    ['system', ['zh-Hant-HK'], 'en'],
    ['system', ['fr-FR', 'it-IT'], 'it'],
    ['system', ['de-DE'], 'en'],
    ['system', [], 'en'],
    ['system', ['en-GB', 'it-IT'], 'en'],
  ])('%s with system %j -> %s', (setting, preferred, expected) => {
    expect(resolveLanguage(setting, preferred)).toBe(expected);
  });
});

describe('setLanguage', () => {
  afterEach(() => setLanguage('en'));

  it('switches the active language; missing translations fall back to English', () => {
    setLanguage('it');
    expect(currentLanguage()).toBe('it');
    expect(t('frame.lock')).toBe('Lock');
  });

  it.each<[Language, string]>([
    ['en', '10,005'],
    ['it', '10.005'],
  ])('numbers follow the language (%s)', (language, expected) => {
    setLanguage(language);
    expect(formatNumber(10_005)).toBe(expected);
  });
});
