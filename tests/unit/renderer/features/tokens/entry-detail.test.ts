import { describe, expect, it } from 'vitest';
import type { AuditRecord, EntryView } from '../../../../../preload/api';
import { canRevoke } from '../../../../../renderer/features/tokens/delete-entry.dialog';
import { newestFirst } from '../../../../../renderer/features/tokens/entry-audit.list';
import { deadlinesOf } from '../../../../../renderer/features/tokens/entry-detail.view';
import { secondsUntil } from '../../../../../renderer/features/tokens/use-copy-headers';
import { now, oauthEntry, patEntry, smsEntry } from './sample-entries';

const day = 24 * 3600e3;

describe('deadlinesOf', () => {
  it.each<[string, EntryView, [string, number | null | undefined][]]>([
    [
      'oauth: access and refresh',
      oauthEntry,
      [
        ['detail.expiry.access', now + 3600e3],
        ['detail.expiry.refresh', now + 3 * day],
      ],
    ],
    ['pat without expiry', { ...patEntry, expiresAt: null }, [['detail.expiry.token', null]]],
    [
      'revoked sms token',
      { ...smsEntry, expiresAt: null, revokedAt: now - day },
      [
        ['detail.expiry.token', null],
        ['detail.expiry.revoked', now - day],
      ],
    ],
  ])('%s', (_name, entry, expected) => {
    expect(deadlinesOf(entry).map((row) => [row.key, row.at])).toEqual(expected);
  });
});

describe('canRevoke', () => {
  it.each<[string, EntryView, boolean]>([
    ['active SMSFactor token with an id', { ...smsEntry, tokenId: '42' }, true],
    ['SMSFactor token without an id', { ...smsEntry, tokenId: undefined }, false],
    ['already revoked', { ...smsEntry, tokenId: '42', revokedAt: now }, false],
    ['revoked status', { ...smsEntry, tokenId: '42', status: 'revoked' }, false],
    ['Fax.Plus PAT', patEntry, false],
    ['Fax.Plus OAuth', oauthEntry, false],
  ])('%s', (_name, entry, expected) => {
    expect(canRevoke(entry)).toBe(expected);
  });
});

describe('newestFirst', () => {
  it('orders by time, later writes first on ties', () => {
    const rec = (at: number, action: AuditRecord['action']): AuditRecord => ({
      at,
      action,
      entryId: 'e',
      label: 'x',
    });
    const ordered = newestFirst([
      rec(1, 'created'),
      rec(3, 'copied'),
      rec(3, 'verified'),
      rec(2, 'renamed'),
    ]);
    expect(ordered.map((r) => r.action)).toEqual(['verified', 'copied', 'renamed', 'created']);
  });
});

describe('secondsUntil', () => {
  it.each([
    [now + 30_000, 30],
    [now + 29_600, 30],
    [now + 200, 1],
    [now - 5_000, 1],
  ])('%d -> %d s', (clearsAt, expected) => {
    expect(secondsUntil(clearsAt, now)).toBe(expected);
  });
});
