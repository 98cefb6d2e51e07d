import type { Clock, Scheduler, TimerHandle } from '../../main/core/ports';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/** A clock and scheduler driven by the test: time moves only when `advance` is called. */
export class FakeClock implements Clock, Scheduler {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(start = Date.UTC(2026, 10, 22, 12, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer: Timer = { id: this.nextId++, at: this.current + Math.max(0, delayMs), callback };
    this.timers.push(timer);
    return { cancel: () => (this.timers = this.timers.filter((t) => t.id !== timer.id)) };
  }

  /** Number of timers still waiting. */
  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing due timers in order (timers set while firing are honoured). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t.id !== due.id);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = target;
  }

  /** Jumps the wall clock without firing timers (a clock change or a resume from sleep). */
  jump(ms: number): void {
    this.current += ms;
  }
}
