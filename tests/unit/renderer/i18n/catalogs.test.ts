import { describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/i18n/en';
import type { Catalog } from '../../../../renderer/i18n/i18n';
import { it as italian } from '../../../../renderer/i18n/it';
import { zhCN } from '../../../../renderer/i18n/zh-cn';

const translations: Array<[string, Catalog]> = [
  ['it', italian],
  ['zh-CN', zhCN],
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const wordCount = (text: string) => text.trim().split(/\s+/).length;

/**
 * Keys whose English of more than 3 words may stay as it is in a translation (a product or
 * command name that happens to be long). Empty today; add a key here only with a reason.
 */
const sameEverywhere = new Set<string>([]);

describe.each(translations)('%s catalog', (_language, catalog) => {
  it('has exactly the keys of English', () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty message', () => {
    const empty = Object.entries(catalog).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('keeps the placeholders of English', () => {
    const differing = Object.entries(en)
      .filter(([key, text]) => {
        const translated = catalog[key as keyof Catalog];
        return placeholders(translated).join() !== placeholders(text).join();
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('translates every sentence (no English of more than 3 words copied verbatim)', () => {
    const copied = Object.entries(en)
      .filter(([key, text]) => wordCount(text) > 3 && !sameEverywhere.has(key))
      .filter(([key, text]) => catalog[key as keyof Catalog] === text)
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });

  it('keeps product names and APIK untranslated', () => {
    const lost = Object.entries(en).flatMap(([key, text]) =>
      ['Token Vault', 'Fax.Plus', 'SMSFactor', 'APIK']
        .filter((name) => text.includes(name))
        .filter((name) => !catalog[key as keyof Catalog].includes(name))
        .map((name) => `${key}: ${name}`),
    );
    expect(lost).toEqual([]);
  });
});

describe('zh-CN catalog', () => {
  it('writes every sentence in Chinese characters', () => {
    const han = /\p{Script=Han}/u;
    const latinOnly = Object.entries(en)
      .filter(([, text]) => wordCount(text) > 3)
      .filter(([key]) => !han.test(zhCN[key as keyof Catalog]))
      .map(([key]) => key);
    expect(latinOnly).toEqual([]);
  });
});
