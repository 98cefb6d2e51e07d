// The history shows the action in the UI language and main's English detail beside it, marked
// lang="en" only when the UI speaks another language. The list loads in an effect (which a
// server render never runs), so its loaded state comes in through a useState stand-in.
import type * as React from 'react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditRecord, TokenVaultApi } from '../../../../../preload/api';
import { EntryAuditList } from '../../../../../renderer/features/tokens/entry-audit.list';
import { setLanguage, t, type Language } from '../../../../../renderer/i18n/i18n';
import { VaultClientProvider } from '../../../../../renderer/vault-client';
import { now } from './sample-entries';

const seeded = vi.hoisted(() => ({ queue: [] as unknown[] }));
vi.mock('react', async (importOriginal) => {
  const actual = await importOriginal<typeof React>();
  return {
    ...actual,
    useState: (initial: unknown) =>
      seeded.queue.length > 0 ? [seeded.queue.shift(), () => undefined] : actual.useState(initial),
  };
});
afterEach(() => {
  seeded.queue.length = 0;
  setLanguage('en');
});

const DETAIL = 'checked with /account: 200';
const records: AuditRecord[] = [
  { at: now - 60_000, entryId: 'e', label: 'Shop', action: 'verified', detail: DETAIL },
  { at: now - 120_000, entryId: 'e', label: 'Shop', action: 'copied' },
];

function renderHistory(): string {
  seeded.queue.push({ for: 'e:v', records, fetchedAt: now });
  const api = {} as TokenVaultApi;
  return renderToStaticMarkup(
    createElement(VaultClientProvider, {
      api,
      children: createElement(EntryAuditList, { id: 'e', version: 'v', now }),
    }),
  );
}

describe('EntryAuditList', () => {
  it.each<[Language, string | undefined]>([
    ['en', undefined],
    ['it', 'en'],
    ['zh-CN', 'en'],
  ])('in %s the detail carries lang=%s', (language, lang) => {
    setLanguage(language);
    const html = renderHistory();
    expect(html).toContain(`<span class="history__action">${t('audit.verified')}</span>`);
    const detail = html.match(/<span class="history__detail"([^>]*)>([^<]*)<\/span>/);
    expect(detail?.[2]).toBe(DETAIL);
    expect(detail?.[1]).toBe(lang ? ` lang="${lang}"` : '');
    // A record without a detail shows no empty detail element.
    expect(html.match(/history__detail/g)).toHaveLength(1);
  });

  it('the action follows the UI language', () => {
    setLanguage('it');
    const italian = renderHistory();
    setLanguage('en');
    expect(italian).not.toContain(`>${t('audit.verified')}<`);
  });
});
