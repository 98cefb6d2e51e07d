import { describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/i18n/en';
import { format, translate, t } from '../../../../renderer/i18n/i18n';

describe('i18n', () => {
  it.each([
    ['At least {min} characters', { min: 12 }, 'At least 12 characters'],
    ['{a} and {b}', { a: 'x', b: 2 }, 'x and 2'],
    ['Missing {gone} stays', {}, 'Missing {gone} stays'],
    ['No params', undefined, 'No params'],
  ])('formats %j', (template, params, expected) => {
    expect(format(template, params)).toBe(expected);
  });

  it('falls back to English for a key a translation lacks', () => {
    const partial = { 'frame.lock': 'Blocca' };
    expect(translate(partial, 'frame.lock')).toBe('Blocca');
    expect(translate(partial, 'frame.settings')).toBe('Settings');
  });

  it('t() answers from the English catalog with parameters', () => {
    expect(t('create.rule.length', { min: 12 })).toBe('At least 12 characters');
  });

  it('has no empty message', () => {
    const empty = Object.entries(en).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });
});
