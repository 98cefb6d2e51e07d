// The locked index: what the vault keeps readable without the key so reminders and the tray
// work while it is locked. Per entry with something to remind of, its opaque id and one
// deadline; never a label, account, provider or client id (issue 12, README "Security model").
import type { EntryView } from '../../../preload/api';
import { lockedIndexRecord } from '../reminders/reminder-items';
import type { LockedDeadline } from '../reminders/reminder.types';

const cache = new WeakMap<readonly EntryView[], LockedDeadline[]>();

/** The index of these entries (entry lists are immutable, so it is computed once per list). */
export function lockedIndexOf(entries: readonly EntryView[]): LockedDeadline[] {
  const known = cache.get(entries);
  if (known) return known;
  const index: LockedDeadline[] = [];
  for (const entry of entries) {
    const record = lockedIndexRecord(entry);
    if (record) index.push(record);
  }
  cache.set(entries, index);
  return index;
}
