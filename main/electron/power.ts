// Forwards powerMonitor events to the core's power policy (core/app/power-lock.policy.ts).
import { powerMonitor } from 'electron';
import type { PowerEvent } from '../core/app/power-lock.policy';

export function watchPower(onEvent: (event: PowerEvent) => void): () => void {
  const events: PowerEvent[] = ['suspend', 'lock-screen', 'resume', 'unlock-screen'];
  const listeners = events.map((name) => {
    const listener = () => onEvent(name);
    // The overloads of powerMonitor.on are per event name; the union needs a cast.
    powerMonitor.on(name as 'suspend', listener);
    return [name, listener] as const;
  });
  return () => {
    for (const [name, listener] of listeners)
      powerMonitor.removeListener(name as 'suspend', listener);
  };
}
