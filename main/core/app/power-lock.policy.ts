// What the app does when the machine sleeps or the screen locks (DESIGN.md "Locking",
// issue 7 item 4). The shell only forwards powerMonitor events; the decision lives here so
// it is tested without Electron.
import type { Settings } from '../../../preload/api';

export type PowerEvent = 'suspend' | 'lock-screen' | 'resume' | 'unlock-screen';

export interface PowerLockDeps {
  vault: { isUnlocked(): boolean; lock(reason?: string): void };
  settings: () => Pick<Settings, 'lockOnSuspend'>;
  /** After a resume timers may be late or the clock may have jumped (reminders recompute). */
  onResume?: () => void;
}

export function createPowerLockPolicy(deps: PowerLockDeps): (event: PowerEvent) => void {
  return (event) => {
    if (event === 'suspend' || event === 'lock-screen') {
      if (deps.settings().lockOnSuspend && deps.vault.isUnlocked()) deps.vault.lock(event);
      return;
    }
    if (event === 'resume') deps.onResume?.();
  };
}
