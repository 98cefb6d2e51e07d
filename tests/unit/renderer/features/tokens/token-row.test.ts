// Rendered to static HTML in Node: what the row shows for each kind, and that a hostile
// label comes out as text (security.md 33).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../../preload/api';
import { TokenRow } from '../../../../../renderer/features/tokens/token-row';
import { setLanguage } from '../../../../../renderer/i18n/i18n';
import { now, oauthEntry, patEntry, smsEntry } from './sample-entries';

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const render = (entry: EntryView) => renderToStaticMarkup(createElement(TokenRow, { entry, now }));

describe('TokenRow', () => {
  afterEach(() => setLanguage('en'));

  it.each<[EntryView, string[]]>([
    [
      oauthEntry,
      ['billing', 'Fax.Plus', 'OAuth app', 'ops@example.com', 'Active', 'Re-authorize in 3 days'],
    ],
    [
      patEntry,
      ['reports', 'Fax.Plus', 'Personal access token', 'alohi_pat_…3f9c', 'Expiry unknown'],
    ],
    [smsEntry, ['alerts', 'SMSFactor', 'API token', 'Expired 2 hours ago']],
    [
      { ...oauthEntry, status: 'needs-reauth', lastError: 'The refresh token was refused.' },
      ['Needs re-authorization', 'The refresh token was refused.'],
    ],
    [
      { ...smsEntry, status: 'revoked', revokedAt: now - 24 * 3600e3 },
      ['Revoked', 'Revoked yesterday'],
    ],
  ])('%# shows what the user needs', (entry, expected) => {
    const shown = text(render(entry));
    for (const piece of expected) expect(shown).toContain(piece);
  });

  it('in Chinese says what the problem means, main’s English sentence on hover only', () => {
    setLanguage('zh-CN');
    const refused = 'Fax.Plus refused the refresh token; connect the app again.';
    const html = render({ ...oauthEntry, status: 'needs-reauth', lastError: refused });
    expect(text(html)).toContain('请重新授权以继续使用此令牌。');
    expect(text(html)).not.toContain(refused);
    expect(html).toContain(`title="${refused}"`);
  });

  it('renders a label holding HTML as text, never as markup', () => {
    const label = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const html = render({ ...patEntry, label });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });
});
