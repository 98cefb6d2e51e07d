// issue 7 item 4: system suspend and screen lock lock the vault when the setting says so.
import { describe, expect, it } from 'vitest';
import {
  createPowerLockPolicy,
  type PowerEvent,
} from '../../../../main/core/app/power-lock.policy';

function setup(lockOnSuspend: boolean, unlocked = true) {
  const locks: Array<string | undefined> = [];
  let resumes = 0;
  const state = { unlocked };
  const onEvent = createPowerLockPolicy({
    vault: {
      isUnlocked: () => state.unlocked,
      lock: (reason) => {
        locks.push(reason);
        state.unlocked = false;
      },
    },
    settings: () => ({ lockOnSuspend }),
    onResume: () => resumes++,
  });
  return { onEvent, locks, resumes: () => resumes };
}

describe('power lock policy', () => {
  it.each<[PowerEvent, boolean, number]>([
    ['suspend', true, 1],
    ['lock-screen', true, 1],
    ['suspend', false, 0],
    ['lock-screen', false, 0],
    ['resume', true, 0],
    ['unlock-screen', true, 0],
  ])('%s with lockOnSuspend=%s -> %i lock(s)', (event, setting, expected) => {
    const { onEvent, locks } = setup(setting);
    onEvent(event);
    expect(locks.length).toBe(expected);
  });

  it('does not lock an already locked vault again', () => {
    const { onEvent, locks } = setup(true, false);
    onEvent('suspend');
    expect(locks).toEqual([]);
  });

  it('a resume tells the reminders to recompute', () => {
    const { onEvent, resumes } = setup(true);
    onEvent('resume');
    expect(resumes()).toBe(1);
  });

  it('reads the setting at the moment of the event, not at start-up', () => {
    let lockOnSuspend = false;
    const locks: string[] = [];
    const onEvent = createPowerLockPolicy({
      vault: { isUnlocked: () => true, lock: (r) => locks.push(r ?? '') },
      settings: () => ({ lockOnSuspend }),
    });
    onEvent('suspend');
    lockOnSuspend = true;
    onEvent('suspend');
    expect(locks).toEqual(['suspend']);
  });
});
