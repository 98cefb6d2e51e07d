import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../../preload/api';
import {
  deadlineOf,
  filterEntries,
  indexEntries,
  needsAttention,
  noFilters,
  searchKey,
  sortEntries,
  type ListFilters,
  type SortKey,
} from '../../../../../renderer/features/tokens/list-model';
import { now, oauthEntry, patEntry, smsEntry } from './sample-entries';

const day = 24 * 3600e3;
const names = (p: EntryView['provider']) => (p === 'faxplus' ? 'Fax.Plus' : 'SMSFactor');

const entries: EntryView[] = [
  {
    ...oauthEntry,
    id: 'a',
    label: 'billing',
    createdAt: now - 5 * day,
    refreshExpiresAt: now + 3 * day,
  },
  { ...patEntry, id: 'b', label: 'Reports', createdAt: now - day, expiresAt: now + 60 * day },
  { ...patEntry, id: 'c', label: 'archive', createdAt: now - 9 * day, expiresAt: null },
  {
    ...smsEntry,
    id: 'd',
    label: 'alerts',
    createdAt: now - 2 * day,
    tokenId: '4242',
    expiresAt: now - 2 * 3600e3,
  },
  {
    ...smsEntry,
    id: 'e',
    label: 'old sms',
    createdAt: now - 30 * day,
    tokenId: '9001',
    status: 'revoked',
    revokedAt: now - day,
    expiresAt: now + day,
  },
  {
    ...oauthEntry,
    id: 'f',
    label: 'legacy',
    createdAt: now - 40 * day,
    status: 'needs-reauth',
    account: { email: 'legacy@example.com', name: 'Legacy Team' },
    refreshExpiresAt: now + 300 * day,
  },
];
const index = indexEntries(entries, names);
const at = (i: number): EntryView => {
  const entry = entries[i];
  if (!entry) throw new Error(`no sample entry ${i}`);
  return entry;
};
const labels = (items: readonly { entry: EntryView }[]) => items.map((i) => i.entry.label);

describe('sortEntries', () => {
  it.each<[SortKey, string[]]>([
    // Passed deadline first, then soonest; no deadline (or revoked) last, by label.
    ['expiry', ['alerts', 'billing', 'Reports', 'legacy', 'archive', 'old sms']],
    ['label', ['alerts', 'archive', 'billing', 'legacy', 'old sms', 'Reports']],
    ['provider', ['archive', 'billing', 'legacy', 'Reports', 'alerts', 'old sms']],
    ['created', ['Reports', 'alerts', 'billing', 'archive', 'old sms', 'legacy']],
  ])('by %s', (sort, expected) => {
    expect(labels(sortEntries(index, sort))).toEqual(expected);
  });

  it('leaves its input in place', () => {
    const before = labels(index);
    sortEntries(index, 'label');
    expect(labels(index)).toEqual(before);
  });
});

describe('filterEntries', () => {
  it.each<[string, string, Partial<ListFilters>, string[]]>([
    [
      'empty query, no filters: everything',
      '',
      {},
      ['billing', 'Reports', 'archive', 'alerts', 'old sms', 'legacy'],
    ],
    ['label, any case', 'REPO', {}, ['Reports']],
    ['provider name', 'smsfactor', {}, ['alerts', 'old sms']],
    ['provider name with its dot', 'fax.plus', {}, ['billing', 'Reports', 'archive', 'legacy']],
    ['account e-mail', 'ops@example', {}, ['billing']],
    ['account name', 'legacy team', {}, ['legacy']],
    ['SMSFactor token id', '4242', {}, ['alerts']],
    ['surrounding spaces ignored', '  4242 ', {}, ['alerts']],
    ['no field spans into the next', 'billingfax', {}, []],
    ['provider filter', '', { provider: 'smsfactor' }, ['alerts', 'old sms']],
    ['kind filter', '', { kind: 'faxplus-pat' }, ['Reports', 'archive']],
    ['needs attention', '', { state: 'attention' }, ['billing', 'alerts', 'legacy']],
    ['revoked', '', { state: 'revoked' }, ['old sms']],
    [
      'query and filter together',
      'arch',
      { provider: 'faxplus', kind: 'faxplus-pat' },
      ['archive'],
    ],
    ['nothing matches', 'zzz', {}, []],
  ])('%s', (_name, query, filters, expected) => {
    expect(labels(filterEntries(index, query, { ...noFilters, ...filters }, now))).toEqual(
      expected,
    );
  });
});

describe('entry facts', () => {
  it.each<[string, EntryView, number | undefined]>([
    ['oauth: refresh expiry', at(0), now + 3 * day],
    ['pat without expiry', at(2), undefined],
    ['revoked sms has none left', at(4), undefined],
    ['sms expiry', at(3), now - 2 * 3600e3],
  ])('deadline: %s', (_name, entry, expected) => {
    expect(deadlineOf(entry)).toBe(expected);
  });

  it.each<[string, EntryView, boolean]>([
    ['expires within a week', at(0), true],
    ['two months away', at(1), false],
    ['already expired', at(3), true],
    ['revoked', at(4), false],
    ['needs re-authorization, deadline far', at(5), true],
  ])('needs attention: %s', (_name, entry, expected) => {
    expect(needsAttention(entry, now)).toBe(expected);
  });

  it('search key holds what a row shows, lowercased', () => {
    expect(searchKey(at(5), 'Fax.Plus')).toContain('legacy@example.com');
    expect(searchKey(at(3), 'SMSFactor')).toContain('4242');
    expect(searchKey(at(1), 'Fax.Plus')).toContain('reports');
  });
});
