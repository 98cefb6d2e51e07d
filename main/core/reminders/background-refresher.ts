// Background refresh of Fax.Plus OAuth access tokens, ahead of use, ONLY while the vault is
// unlocked: refreshing needs the refresh token and client secret, and while locked nothing
// secret may be touched. One timer at most, none at all while locked.
import type { EntryView } from '../../../preload/api';
import { moduleOf } from '../providers/registry';
import type { Clock, Scheduler, TimerHandle } from '../ports';
import type { VaultApi } from '../vault/vault.types';
import type { RefreshFailedAlert } from './reminder.types';

export interface RefreshPolicy {
  /** Refresh this long before the access token expires. */
  aheadMs: number;
  /** After a failure, wait this long before trying the same token again (no loop). */
  retryMs: number;
}

export const DEFAULT_REFRESH_POLICY: RefreshPolicy = { aheadMs: 5 * 60_000, retryMs: 15 * 60_000 };

export interface RefreshFailure {
  /** The access expiry that failed to refresh; a new one (after a success) clears this. */
  accessExpiresAt: number;
  retryAt: number;
}

/** The access token's expiry of an entry whose kind refreshes it, else undefined. */
function accessExpiry(e: EntryView): number | undefined {
  const module = moduleOf(e);
  return module.refreshedAccess ? (module.tokenExpiresAt(e) ?? undefined) : undefined;
}

function refreshable(e: EntryView, now: number): boolean {
  // needs-reauth and revoked entries cannot be refreshed; trying would only fail again.
  if (e.status !== 'active' && e.status !== 'error') return false;
  if (accessExpiry(e) === undefined) return false;
  const refreshEnd = moduleOf(e).deadlineAt(e);
  return refreshEnd === null || refreshEnd > now;
}

/** Pure: which entries to refresh now, and when to look next (null = nothing to wait for). */
export function planRefresh(
  entries: readonly EntryView[],
  failures: ReadonlyMap<string, RefreshFailure>,
  now: number,
  policy: RefreshPolicy = DEFAULT_REFRESH_POLICY,
): { due: string[]; next: number | null } {
  const due: string[] = [];
  let next: number | null = null;
  const consider = (at: number): void => {
    if (next === null || at < next) next = at;
  };
  for (const e of entries) {
    const access = accessExpiry(e);
    if (!refreshable(e, now) || access === undefined) continue;
    const failure = failures.get(e.id);
    const dueAt =
      failure && failure.accessExpiresAt === access
        ? Math.max(failure.retryAt, access - policy.aheadMs)
        : access - policy.aheadMs;
    if (dueAt <= now) due.push(e.id);
    else consider(dueAt);
  }
  return { due, next };
}

export interface BackgroundRefresherDeps {
  vault: Pick<VaultApi, 'list' | 'isUnlocked' | 'onChange' | 'onStatus'>;
  /** Refreshes one entry's access token (the Fax.Plus service; single-flight per entry). */
  refresh: (id: string) => Promise<void>;
  clock: Clock;
  scheduler: Scheduler;
  /** Called once per failed token (not per retry). */
  notify?: (alert: RefreshFailedAlert) => void;
  policy?: RefreshPolicy;
}

export class BackgroundRefresher {
  private timer: TimerHandle | undefined;
  private unsubscribers: (() => void)[] = [];
  private running = false;
  private inFlight: Promise<void> | undefined;
  private dirty = false;
  private readonly failures = new Map<string, RefreshFailure>();
  private readonly alerted = new Set<string>();

  constructor(private readonly deps: BackgroundRefresherDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribers = [
      this.deps.vault.onChange(() => this.recompute()),
      this.deps.vault.onStatus(() => this.recompute()),
    ];
    this.recompute();
  }

  stop(): void {
    this.running = false;
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
    this.cancelTimer();
  }

  /** Resolves when no refresh is running (for quitting cleanly, and for tests). */
  async whenIdle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  recompute(): void {
    if (!this.running) return;
    if (this.inFlight) {
      // The refresh itself changes the vault; look again once it has finished.
      this.dirty = true;
      return;
    }
    this.cancelTimer();
    if (!this.deps.vault.isUnlocked()) return; // locked: no timer, nothing secret touched
    const now = this.deps.clock.now();
    const policy = this.deps.policy ?? DEFAULT_REFRESH_POLICY;
    const { due, next } = planRefresh(this.deps.vault.list(), this.failures, now, policy);
    if (due.length > 0) {
      this.inFlight = this.refreshAll(due).finally(() => {
        this.inFlight = undefined;
        this.dirty = false;
        this.recompute();
      });
      return;
    }
    if (next !== null) {
      this.timer = this.deps.scheduler.setTimeout(() => {
        this.timer = undefined;
        this.recompute();
      }, next - now);
    }
  }

  private async refreshAll(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      if (!this.running || !this.deps.vault.isUnlocked()) return;
      const before = this.find(id);
      const access = before && accessExpiry(before);
      if (!before || access === undefined) continue;
      try {
        await this.deps.refresh(id);
        const after = this.find(id);
        if (after && accessExpiry(after) === access) {
          // "Succeeded" without a new expiry: back off instead of refreshing in a loop.
          this.failures.set(id, this.backoff(access));
        } else {
          this.failures.delete(id);
        }
      } catch {
        this.onFailure(before, access);
      }
    }
  }

  private onFailure(entry: EntryView, accessExpiresAt: number): void {
    // Locked meanwhile: the failure says nothing about the token; retry after unlock.
    if (!this.deps.vault.isUnlocked()) return;
    this.failures.set(entry.id, this.backoff(accessExpiresAt));
    // invalid_grant marks the entry needs-reauth, and the reminder service alerts about that:
    // a second toast for the same problem would be noise.
    if (this.find(entry.id)?.status === 'needs-reauth') return;
    const key = `refresh-failed|${entry.id}|${accessExpiresAt}`;
    if (this.alerted.has(key)) return;
    this.alerted.add(key);
    this.deps.notify?.({ type: 'refresh-failed', key, entryId: entry.id, label: entry.label });
  }

  private backoff(accessExpiresAt: number): RefreshFailure {
    const policy = this.deps.policy ?? DEFAULT_REFRESH_POLICY;
    return { accessExpiresAt, retryAt: this.deps.clock.now() + policy.retryMs };
  }

  private find(id: string): EntryView | undefined {
    const e = this.deps.vault.list().find((x) => x.id === id);
    return e && moduleOf(e).refreshedAccess ? e : undefined;
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
