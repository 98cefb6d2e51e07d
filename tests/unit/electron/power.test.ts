// security.md 27: main/electron/power.ts forwards powerMonitor events to the core, which locks
// the vault on suspend and screen lock. A missing listener would leave the vault open.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPower } from '../../../main/electron/power';
import { powerMonitor, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const forwarded = ['suspend', 'lock-screen', 'resume', 'unlock-screen'] as const;

beforeEach(() => {
  resetFakeElectron();
});

describe('watchPower (security.md 27)', () => {
  it.each(forwarded)('powerMonitor %s -> passed to the callback once', (name) => {
    const seen: string[] = [];
    watchPower((event) => seen.push(event));
    powerMonitor.emit(name);
    expect(seen).toEqual([name]);
  });

  it('ignores power events the core has no use for', () => {
    const seen: string[] = [];
    watchPower((event) => seen.push(event));
    for (const name of ['on-ac', 'on-battery', 'shutdown', 'speed-limit-change']) {
      powerMonitor.emit(name);
    }
    expect(seen).toEqual([]);
  });

  it('cleanup removes its listeners, and only its own', () => {
    const seen: string[] = [];
    const other = vi.fn();
    powerMonitor.on('suspend', other);
    const stop = watchPower((event) => seen.push(event));
    stop();
    for (const name of forwarded) {
      expect(powerMonitor.listenerCount(name)).toBe(name === 'suspend' ? 1 : 0);
      powerMonitor.emit(name);
    }
    expect(seen).toEqual([]);
    expect(other).toHaveBeenCalledTimes(1);
  });
});
