// Runs the reminder engine against the live vault metadata with exactly ONE timer, set for
// the next due alert (or a bounded sanity wake-up), and remembers fired alerts on disk.
// It reads the entries while the vault is unlocked and the locked index (deadlines without
// names) while it is locked, so reminders keep working locked and never touch a secret.
import type { Clock, DocumentStore, Scheduler, TimerHandle } from '../ports';
import type { VaultApi } from '../vault/vault.types';
import { evaluate, groupAlerts, markFired, pruneFiredLog } from './reminder-engine';
import type { EntryView } from '../../../preload/api';
import type {
  EntryAlert,
  FiredLog,
  ReminderSettings,
  ReminderSubject,
  SummaryAlert,
} from './reminder.types';
import { emptyFiredLog } from './reminder.types';

export interface ReminderServiceDeps {
  vault: Pick<VaultApi, 'list' | 'lockedIndex' | 'isUnlocked' | 'onChange'>;
  settings: () => ReminderSettings;
  clock: Clock;
  scheduler: Scheduler;
  store: DocumentStore<FiredLog>;
  notify: (alert: EntryAlert | SummaryAlert) => void;
  /**
   * Longest the timer sleeps. Timers run on a monotonic clock, so after a wall-clock jump
   * forward a far-away timer would fire too late; waking at least this often bounds that
   * delay. Default 1 hour, well under setTimeout's 2^31-1 ms ceiling.
   */
  maxSleepMs?: number;
  /** How far off the expected wall time a timer may fire before it counts as a clock jump. */
  jumpToleranceMs?: number;
  /** Problems worth a log line (no secrets ever reach here: only keys and messages). */
  onError?: (message: string) => void;
}

export type RecomputeReason =
  'start' | 'vault-change' | 'resume' | 'timer' | 'clock-jump' | 'settings';

const HOUR_MS = 3_600_000;
// Safety floor: if the engine ever said "due now" right after firing, we would spin.
const MIN_RETRY_MS = 1000;

function isFiredLog(value: unknown): value is FiredLog {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { version?: unknown; fired?: unknown };
  return v.version === 1 && typeof v.fired === 'object' && v.fired !== null;
}

export class ReminderService {
  private log: FiredLog = emptyFiredLog();
  private timer: TimerHandle | undefined;
  private expectedAt: number | undefined;
  private unsubscribe: (() => void) | undefined;
  private running = false;
  private busy = false;
  private rerun = false;
  private jumps = 0;

  constructor(private readonly deps: ReminderServiceDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.log = this.readLog();
    this.unsubscribe = this.deps.vault.onChange(() => this.recompute('vault-change'));
    this.recompute('start');
  }

  stop(): void {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.cancelTimer();
  }

  /** The system woke from sleep: deliver what fell due meanwhile, then re-arm. */
  onResume(): void {
    this.recompute('resume');
  }

  /** Lead times changed in settings (the lead calls this on its settings event). */
  onSettingsChanged(): void {
    this.recompute('settings');
  }

  /** Wall time the single timer is set for (undefined when stopped). For the shell and tests. */
  nextWakeAt(): number | undefined {
    return this.expectedAt;
  }

  /** How many clock jumps were noticed since start (diagnostics). */
  clockJumps(): number {
    return this.jumps;
  }

  recompute(reason: RecomputeReason): void {
    if (!this.running) return;
    // notify() may change the vault (an audit record, say), which calls back here: run once
    // more after the current pass instead of nesting.
    if (this.busy) {
      this.rerun = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.rerun = false;
        this.pass(reason);
      } while (this.rerun && this.running);
    } finally {
      this.busy = false;
    }
  }

  private pass(reason: RecomputeReason): void {
    const now = this.deps.clock.now();
    let entries: readonly ReminderSubject[];
    const unlocked = this.deps.vault.isUnlocked();
    try {
      entries = unlocked ? this.deps.vault.list() : this.deps.vault.lockedIndex();
    } catch {
      // No metadata (vault missing or unreadable): try again later, and keep the log intact.
      this.deps.onError?.(`reminders: vault metadata unavailable (${reason})`);
      this.arm(now, null);
      return;
    }
    const settings = this.deps.settings();
    // Only the full entries say which deadlines are gone (the locked index leaves muted ones
    // out), so the log is pruned while unlocked only.
    let prunedSome = false;
    if (unlocked) {
      const pruned = pruneFiredLog(this.log, entries as readonly EntryView[]);
      prunedSome = Object.keys(pruned.fired).length !== Object.keys(this.log.fired).length;
      this.log = pruned;
    }

    const first = evaluate(entries, settings, this.log, now);
    const alerts = first.alerts;
    if (alerts.length > 0) this.log = markFired(this.log, alerts, now);
    // Save before showing: a crash in between loses one toast rather than repeating it on
    // every restart.
    if (alerts.length > 0 || prunedSome) this.writeLog();
    for (const alert of groupAlerts(alerts)) {
      try {
        this.deps.notify(alert);
      } catch {
        this.deps.onError?.(`reminders: notify failed for ${alert.key}`);
      }
    }
    this.arm(now, first.nextDueAt);
  }

  private arm(now: number, nextDue: number | null): void {
    this.cancelTimer();
    if (!this.running) return;
    const maxSleep = this.deps.maxSleepMs ?? HOUR_MS;
    let delay = nextDue === null ? maxSleep : Math.min(nextDue - now, maxSleep);
    if (delay <= 0) delay = MIN_RETRY_MS;
    this.expectedAt = now + delay;
    this.timer = this.deps.scheduler.setTimeout(() => this.onTimer(), delay);
  }

  private onTimer(): void {
    this.timer = undefined;
    const expected = this.expectedAt;
    const now = this.deps.clock.now();
    const tolerance = this.deps.jumpToleranceMs ?? 2000;
    // The timer is monotonic; the wall clock is not. A large gap means the clock was changed
    // (or the machine slept without a resume event): everything is recomputed from scratch.
    const jumped = expected !== undefined && Math.abs(now - expected) > tolerance;
    if (jumped) this.jumps += 1;
    this.recompute(jumped ? 'clock-jump' : 'timer');
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.expectedAt = undefined;
  }

  private readLog(): FiredLog {
    try {
      const stored = this.deps.store.read();
      if (stored === undefined) return emptyFiredLog();
      if (isFiredLog(stored)) return { version: 1, fired: { ...stored.fired } };
      this.deps.onError?.('reminders: fired-alert log has an unknown shape; starting afresh');
    } catch {
      this.deps.onError?.('reminders: fired-alert log unreadable; starting afresh');
    }
    return emptyFiredLog();
  }

  private writeLog(): void {
    try {
      this.deps.store.write(this.log);
    } catch {
      // Keep the in-memory log: this session still repeats nothing.
      this.deps.onError?.('reminders: could not save the fired-alert log');
    }
  }
}
