// One refresh across all machines (issue 15). With rotating refresh tokens, two machines that
// refresh the same grant kill it: the second presents a used token and the server revokes
// the whole grant. So before a shared entry is refreshed, the machine takes the row lock,
// reads the row again, refreshes only if it is still due, writes the rotated tokens and
// commits. Everyone else waiting on the lock then reads the new tokens instead of refreshing.
import type { SharedRow, TeamStore } from './team-store';

export interface SharedRefreshDeps<C> {
  store: TeamStore;
  /** Opens a row's sealed content (with the team key of its epoch). */
  open(row: SharedRow): C;
  /** Seals new content for the row (with the current team key). */
  seal(content: C, row: SharedRow): { sealed: Buffer; keyEpoch: number };
  /** Whether the content needs a refresh now. */
  isDue(content: C): boolean;
  /** Calls the provider; returns the content with the new tokens. */
  refresh(content: C): Promise<C>;
  lockTimeoutMs?: number;
}

export interface SharedRefreshResult<C> {
  content: C;
  /** True only on the machine that called the provider. */
  refreshed: boolean;
}

export async function refreshShared<C>(
  deps: SharedRefreshDeps<C>,
  entryId: string,
): Promise<SharedRefreshResult<C>> {
  const row = await deps.store.get(entryId);
  if (!row) throw new Error('That shared entry no longer exists.');
  const content = deps.open(row);
  if (!deps.isDue(content)) return { content, refreshed: false };
  return deps.store.withEntryLock<SharedRefreshResult<C>>(
    entryId,
    async (locked) => {
      const now = deps.open(locked);
      // Another machine refreshed while this one waited for the lock: use its tokens.
      if (!deps.isDue(now)) return { result: { content: now, refreshed: false } };
      const next = await deps.refresh(now);
      const { sealed, keyEpoch } = deps.seal(next, locked);
      return { sealed, keyEpoch, result: { content: next, refreshed: true } };
    },
    deps.lockTimeoutMs,
  );
}
