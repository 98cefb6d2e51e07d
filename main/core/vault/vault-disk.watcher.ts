// The CLI may change vault.json while the app runs; a cheap stat on a timer tells the vault to
// reload. One timer at a time, re-armed after each check, so a slow check never overlaps the next.
import type { Scheduler, TimerHandle } from '../ports';
import type { VaultService } from './vault.service';

export interface VaultDiskWatcherDeps {
  vault: Pick<VaultService, 'hasChangedOnDisk' | 'reload'>;
  scheduler: Scheduler;
  /** Milliseconds between checks; 0 = never watch. */
  pollMs: number;
}

export interface VaultDiskWatcher {
  start(): void;
  stop(): void;
}

export function createVaultDiskWatcher(deps: VaultDiskWatcherDeps): VaultDiskWatcher {
  let timer: TimerHandle | undefined;
  const watch = () => {
    timer = deps.scheduler.setTimeout(() => {
      try {
        if (deps.vault.hasChangedOnDisk()) deps.vault.reload();
      } catch {
        // A file mid-write or briefly locked: try again on the next tick.
      }
      watch();
    }, deps.pollMs);
  };
  return {
    start() {
      if (deps.pollMs > 0) watch();
    },
    stop() {
      timer?.cancel();
      timer = undefined;
    },
  };
}
