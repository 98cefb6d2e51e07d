// security.md 33 for what providers hand us: SMSFactor remote token names, sub-account names
// and emails, the Fax.Plus account name and email, and audit details may hold HTML. Rendered to
// static HTML in Node, each must come out as escaped text — never an element. The lists load
// their data in an effect (which a server render never runs), so the test hands each
// component its loaded state through a thin useState stand-in, in the component's own order.
import type * as React from 'react';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  AuditRecord,
  RemoteSmsfactorToken,
  SubAccount,
  TokenVaultApi,
} from '../../../../preload/api';
import { FaxplusDetailPanel } from '../../../../renderer/features/faxplus/faxplus-detail.panel';
import { RemoteTokensList } from '../../../../renderer/features/smsfactor/remote-tokens.list';
import { SubAccountPicker } from '../../../../renderer/features/smsfactor/sub-account.picker';
import { EntryAuditList } from '../../../../renderer/features/tokens/entry-audit.list';
import { VaultClientProvider } from '../../../../renderer/vault-client';
import { now, oauthEntry, patEntry } from './tokens/sample-entries';

/** Values the next useState calls return instead of their initial value (then real again). */
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
});

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const HOSTILE = [
  ['an <img onerror>', IMG],
  ['a <script>', SCRIPT],
  ['both, with quotes', `"><img src=x onerror='alert(3)'>${SCRIPT}`],
] as const;

/** The page's text as a user reads it: tags dropped, entities decoded once. */
function shownText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

function expectInert(html: string, value: string): void {
  expect(html).not.toMatch(/<img|<script/i);
  expect(shownText(html)).toContain(value);
}

// Never called: the effects that would call it do not run in a server render.
const api = {} as TokenVaultApi;
const render = (element: ReactElement, ...state: unknown[]) => {
  seeded.queue.push(...state);
  const html = renderToStaticMarkup(createElement(VaultClientProvider, { api, children: element }));
  expect(seeded.queue).toEqual([]);
  return html;
};

describe('provider-supplied names are text, never markup (security.md 33)', () => {
  it.each(HOSTILE)('SMSFactor remote token named with %s', (_name, value) => {
    const token: RemoteSmsfactorToken = {
      tokenId: '4242',
      name: value,
      createdAt: '2026-11-20 10:00:00',
      expiresAt: null,
      ttlSeconds: null,
      active: true,
      allowedIps: [],
    };
    // tokens, error, tick, answered (answered === tick: loaded)
    const html = render(
      createElement(RemoteTokensList, { parentId: 'p' }),
      [token],
      undefined,
      0,
      0,
    );
    expect(html).toContain('data-token-id="4242"');
    expectInert(html, value);
  });

  it.each(HOSTILE)('SMSFactor sub-account whose name and email hold %s', (_name, value) => {
    const subs: SubAccount[] = [{ id: '5001', name: value, email: `${value}@shop.test` }];
    // subs, loadError, typing
    const html = render(
      createElement(SubAccountPicker, { parentId: 'p', value: '', onChange: () => undefined }),
      subs,
      undefined,
      false,
    );
    expect(html).toContain('value="5001"');
    expectInert(html, `${value} · ${value}@shop.test (5001)`);
  });

  it.each(HOSTILE)('Fax.Plus account whose name and email hold %s', (_name, value) => {
    for (const entry of [oauthEntry, patEntry]) {
      const html = render(
        createElement(FaxplusDetailPanel, {
          entry: {
            ...entry,
            account: { name: value, email: `${value}@fax.test`, accountType: value },
          },
          now,
        }),
      );
      expect(html).toContain('data-testid="faxplus-detail"');
      expectInert(html, value);
      expectInert(html, `${value}@fax.test`);
    }
  });

  it.each(HOSTILE)('an audit record whose detail holds %s', (_name, value) => {
    const records: AuditRecord[] = [
      { at: now - 60_000, entryId: 'e', label: value, action: 'verified', detail: value },
    ];
    const html = render(createElement(EntryAuditList, { id: 'e', version: 'v', now }), {
      for: 'e:v',
      records,
      fetchedAt: now,
    });
    expect(html).toContain('history__detail');
    expectInert(html, value);
  });
});
