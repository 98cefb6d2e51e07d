import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../../preload/api';
import {
  describeExpiry,
  matchesQuery,
  relativeTime,
} from '../../../../../renderer/features/tokens/entry-format';
import { now, oauthEntry, patEntry, smsEntry } from './sample-entries';

const day = 24 * 3600e3;

describe('describeExpiry', () => {
  it.each<[string, EntryView, string, string]>([
    ['oauth, refresh token in 3 days', oauthEntry, 'expiry.reauthorizeBy', 'warning'],
    [
      'oauth, refresh in 30 days',
      { ...oauthEntry, refreshExpiresAt: now + 30 * day },
      'expiry.reauthorizeBy',
      'ok',
    ],
    [
      'oauth, refresh gone',
      { ...oauthEntry, refreshExpiresAt: now - 1 },
      'expiry.refreshExpired',
      'danger',
    ],
    [
      'oauth, refresh never expires',
      { ...oauthEntry, refreshExpiresAt: null },
      'expiry.refreshNever',
      'ok',
    ],
    ['pat, expiry unknown', patEntry, 'expiry.unknown', 'muted'],
    ['pat, expires in 8 days', { ...patEntry, expiresAt: now + 8 * day }, 'expiry.expires', 'ok'],
    ['sms, expired 2 hours ago', smsEntry, 'expiry.expired', 'danger'],
    ['sms, unlimited', { ...smsEntry, expiresAt: null, ttlSeconds: null }, 'expiry.never', 'ok'],
    [
      'sms, revoked wins over expiry',
      { ...smsEntry, revokedAt: now - day },
      'expiry.revoked',
      'muted',
    ],
  ])('%s', (_name, entry, key, tone) => {
    const info = describeExpiry(entry, now);
    expect(info.key).toBe(key);
    expect(info.tone).toBe(tone);
  });
});

describe('relativeTime', () => {
  it.each([
    [now + 3 * day, 'in 3 days'],
    [now - 2 * 3600e3, '2 hours ago'],
    [now + 90e3, 'in 2 minutes'],
    [now + 1000, 'this minute'],
    [now + 400 * day, 'next year'],
  ])('%i -> %s', (at, text) => {
    expect(relativeTime(at, now)).toBe(text);
  });
});

describe('matchesQuery', () => {
  it.each<[EntryView, string, boolean]>([
    [oauthEntry, '', true],
    [oauthEntry, 'BILL', true],
    [oauthEntry, 'ops@', true],
    [oauthEntry, 'fax.plus', true],
    [smsEntry, '4242', true],
    [smsEntry, 'billing', false],
    [patEntry, 'smsfactor', false],
  ])('case %#', (entry, query, expected) => {
    const provider = entry.provider === 'faxplus' ? 'Fax.Plus' : 'SMSFactor';
    expect(matchesQuery(entry, query, provider)).toBe(expected);
  });
});
