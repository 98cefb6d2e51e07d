// The idle auto-lock timer: one timer, reset by activity; the wall clock has the last word so
// a timer delayed by a system sleep still locks on the next touch.
import type { Clock, Scheduler, TimerHandle } from '../ports';

export interface IdleLockDeps {
  clock: Clock;
  scheduler: Scheduler;
  /** Current setting in minutes; 0 = never. Read each time the timer is armed. */
  minutes: () => number;
  onIdle: () => void;
}

export class IdleLock {
  private timer: TimerHandle | undefined;
  private lastActivity = 0;

  constructor(private readonly deps: IdleLockDeps) {}

  /** Starts (or restarts) the idle period from now. */
  arm(): void {
    this.cancel();
    this.lastActivity = this.deps.clock.now();
    const ms = this.idleMs();
    if (ms > 0) this.timer = this.deps.scheduler.setTimeout(() => this.deps.onIdle(), ms);
  }

  cancel(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  /** Records activity. Returns false when the idle time had already run out (caller locks). */
  touch(): boolean {
    const ms = this.idleMs();
    if (ms > 0 && this.deps.clock.now() - this.lastActivity >= ms) return false;
    this.arm();
    return true;
  }

  private idleMs(): number {
    const minutes = this.deps.minutes();
    return minutes > 0 ? minutes * 60_000 : 0;
  }
}
