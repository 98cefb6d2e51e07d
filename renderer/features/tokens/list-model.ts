// The list's data pipeline for 10,000 entries: index once per list change (a lowercase search
// key and a deadline per entry), sort once per list or sort change, then each keystroke is a
// plain scan over precomputed strings. Pure, so it is tested without a browser.
import type { EntryKind, EntryView, ProviderId } from '../../../preload/api';
import { PROVIDERS, uiOf } from '../kinds';
import { describeExpiry } from './entry-format';

export type SortKey = 'expiry' | 'label' | 'provider' | 'created';
export type StateFilter = 'all' | 'attention' | 'revoked';

export interface ListFilters {
  provider: ProviderId | 'all';
  kind: EntryKind | 'all';
  state: StateFilter;
}

export const noFilters: ListFilters = { provider: 'all', kind: 'all', state: 'all' };

export interface IndexedEntry {
  entry: EntryView;
  /** Label, provider name, account and token id, lowercased and joined. */
  key: string;
  /** The deadline the user must act on; undefined = none (sorts last). */
  deadline: number | undefined;
}

/** The deadline that matters for sorting; revoked entries have none left. */
export function deadlineOf(entry: EntryView): number | undefined {
  if (isRevoked(entry)) return undefined;
  return uiOf(entry).deadlineAt(entry) ?? undefined;
}

/** What the search looks through: what a row shows, plus the ids a user may paste. */
export function searchKey(entry: EntryView, providerName: string): string {
  const parts = [entry.label, providerName, entry.provider];
  if (entry.account?.email) parts.push(entry.account.email);
  if (entry.account?.name) parts.push(entry.account.name);
  if (entry.account?.id) parts.push(entry.account.id);
  const remoteId = uiOf(entry).remoteId(entry);
  if (remoteId) parts.push(remoteId);
  // A separator no query contains, so a match cannot span two fields.
  return parts.join('\u0001').toLowerCase();
}

export function indexEntries(
  entries: readonly EntryView[],
  providerName: (provider: ProviderId) => string,
): IndexedEntry[] {
  const names = new Map(PROVIDERS.map((p) => [p, providerName(p)]));
  return entries.map((entry) => ({
    entry,
    key: searchKey(entry, names.get(entry.provider) ?? entry.provider),
    deadline: deadlineOf(entry),
  }));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const byLabel = (a: IndexedEntry, b: IndexedEntry) =>
  collator.compare(a.entry.label, b.entry.label) || a.entry.id.localeCompare(b.entry.id);

const comparators: Record<SortKey, (a: IndexedEntry, b: IndexedEntry) => number> = {
  // Soonest first; entries without a deadline after all dated ones, by label.
  expiry: (a, b) => {
    if (a.deadline === b.deadline) return byLabel(a, b);
    if (a.deadline === undefined) return 1;
    if (b.deadline === undefined) return -1;
    return a.deadline - b.deadline;
  },
  label: byLabel,
  provider: (a, b) => a.entry.provider.localeCompare(b.entry.provider) || byLabel(a, b),
  // Newest first: what the user just added is what they look for.
  created: (a, b) => b.entry.createdAt - a.entry.createdAt || byLabel(a, b),
};

/** A sorted copy; the input stays as it is. */
export function sortEntries(items: readonly IndexedEntry[], sort: SortKey): IndexedEntry[] {
  return items.slice().sort(comparators[sort]);
}

/** Whether the user should look at this entry soon: broken, or a deadline within a week. */
export function needsAttention(entry: EntryView, now: number): boolean {
  if (entry.status === 'revoked') return false;
  if (entry.status === 'needs-reauth' || entry.status === 'error') return true;
  const tone = describeExpiry(entry, now).tone;
  return tone === 'warning' || tone === 'danger';
}

export function isRevoked(entry: EntryView): boolean {
  return entry.status === 'revoked' || uiOf(entry).revokedAt(entry) !== undefined;
}

/** One pass over the sorted list; the query is matched against the precomputed keys. */
export function filterEntries(
  items: readonly IndexedEntry[],
  query: string,
  filters: ListFilters,
  now: number,
): readonly IndexedEntry[] {
  const needle = query.trim().toLowerCase();
  const { provider, kind, state } = filters;
  if (!needle && provider === 'all' && kind === 'all' && state === 'all') return items;
  const out: IndexedEntry[] = [];
  for (const item of items) {
    if (needle && !item.key.includes(needle)) continue;
    const entry = item.entry;
    if (provider !== 'all' && entry.provider !== provider) continue;
    if (kind !== 'all' && entry.kind !== kind) continue;
    if (state === 'attention' && !needsAttention(entry, now)) continue;
    if (state === 'revoked' && !isRevoked(entry)) continue;
    out.push(item);
  }
  return out;
}

export function hasFilters(filters: ListFilters): boolean {
  return filters.provider !== 'all' || filters.kind !== 'all' || filters.state !== 'all';
}
