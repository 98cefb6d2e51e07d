// Keeps the tray model current for the shell: rebuilt after vault changes, lock/unlock and
// settings changes, and on a slow tick, all on ONE timer, so "in 3 hours" does not go stale.
// A burst of vault changes (a CLI import, a reload of 10,000 entries) costs one rebuild, a
// little later; model() is always current because it rebuilds on demand when stale.
// Listeners hear about a model only when it differs from the last one they got.
import type { Clock, Scheduler, TimerHandle } from '../ports';
import type { VaultApi } from '../vault/vault.types';
import { buildTrayModel, type TrayModel } from './tray-model';
import type { ReminderSettings, ReminderSubject } from './reminder.types';

export interface TrayControllerDeps {
  vault: Pick<VaultApi, 'list' | 'lockedIndex' | 'isUnlocked' | 'onChange' | 'onStatus'>;
  settings: () => ReminderSettings;
  clock: Clock;
  scheduler: Scheduler;
  locale?: () => string;
  /** How often relative times are redrawn. Default one minute. */
  tickMs?: number;
  /** Delay that gathers a burst of changes into one redraw. Default 250 ms. */
  coalesceMs?: number;
}

type Listener = (model: TrayModel) => void;

export class TrayController {
  private current: TrayModel | undefined;
  private stale = true;
  /** The last model listeners were told about, as JSON. */
  private notifiedKey = '';
  private timer: TimerHandle | undefined;
  private redrawSoon = false;
  private unsubscribers: (() => void)[] = [];
  private readonly listeners = new Set<Listener>();
  private running = false;

  constructor(private readonly deps: TrayControllerDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribers = [
      this.deps.vault.onChange(() => this.invalidate()),
      this.deps.vault.onStatus(() => this.invalidate()),
    ];
    this.refresh();
  }

  stop(): void {
    this.running = false;
    for (const off of this.unsubscribers.splice(0)) off();
    this.timer?.cancel();
    this.timer = undefined;
    this.redrawSoon = false;
  }

  /** The current model, rebuilt first if something changed since the last build. */
  model(): TrayModel {
    if (this.stale || !this.current) {
      this.current = this.build();
      this.stale = false;
    }
    return this.current;
  }

  /** Subscribes to model changes; the listener is not called with the current model. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Rebuilds now (settings changed, the system resumed), tells listeners, re-arms the tick. */
  refresh(): void {
    if (!this.running) return;
    this.timer?.cancel();
    this.redrawSoon = false;
    this.stale = true;
    const next = this.model();
    const key = JSON.stringify(next);
    if (key !== this.notifiedKey) {
      this.notifiedKey = key;
      for (const listener of [...this.listeners]) listener(next);
    }
    this.timer = this.deps.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, this.deps.tickMs ?? 60_000);
  }

  /** Something changed: the model is stale now, and a redraw follows shortly (once). */
  private invalidate(): void {
    if (!this.running) return;
    this.stale = true;
    if (this.redrawSoon) return;
    this.redrawSoon = true;
    // The same single timer: the redraw re-arms the slow tick afterwards.
    this.timer?.cancel();
    this.timer = this.deps.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, this.deps.coalesceMs ?? 250);
  }

  private build(): TrayModel {
    let entries: readonly ReminderSubject[] = [];
    const locked = !this.deps.vault.isUnlocked();
    try {
      entries = locked ? this.deps.vault.lockedIndex() : this.deps.vault.list();
    } catch {
      // No vault yet (or unreadable): an empty tray with Open/Quit is still useful.
    }
    return buildTrayModel(entries, this.deps.clock.now(), {
      locked,
      settings: this.deps.settings(),
      locale: this.deps.locale?.() ?? 'en',
    });
  }
}
