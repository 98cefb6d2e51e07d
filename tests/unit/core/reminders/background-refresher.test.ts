import { describe, expect, it } from 'vitest';
import type { EntryView, FaxplusOAuthEntry } from '../../../../preload/api';
import {
  BackgroundRefresher,
  planRefresh,
} from '../../../../main/core/reminders/background-refresher';
import type { RefreshFailedAlert } from '../../../../main/core/reminders/reminder.types';
import { FakeClock } from '../../../fakes/fake-clock';
import { DAY, FakeVault, HOUR, MIN, oauth, pat } from './reminder-fixtures';

type Outcome = 'ok' | 'fail' | 'invalid-grant' | 'no-change';

function setup(entries: EntryView[], outcomes: Outcome[] = []) {
  const clock = new FakeClock();
  const vault = new FakeVault(entries);
  const calls: { id: string; at: number }[] = [];
  const alerts: RefreshFailedAlert[] = [];
  const refresher = new BackgroundRefresher({
    vault,
    clock,
    scheduler: clock,
    notify: (a) => alerts.push(a),
    refresh: async (id) => {
      calls.push({ id, at: clock.now() });
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome === 'ok')
        vault.update(id, { accessExpiresAt: clock.now() + HOUR } as Partial<EntryView>);
      if (outcome === 'invalid-grant') {
        vault.update(id, { status: 'needs-reauth' });
        throw new Error('invalid_grant');
      }
      if (outcome === 'fail') throw new Error('network down');
    },
  });
  return { clock, vault, calls, alerts, refresher };
}

const soon = (clock: FakeClock, extra: Partial<FaxplusOAuthEntry> = {}) =>
  oauth('billing', clock.now() + 30 * DAY, { accessExpiresAt: clock.now() + HOUR, ...extra });

describe('background refresh planning', () => {
  const NOW = Date.UTC(2026, 5, 15);
  it.each<[string, EntryView, boolean]>([
    ['access expiring within the lead', oauth('a', null, { accessExpiresAt: NOW + 4 * MIN }), true],
    ['access far away', oauth('a', null, { accessExpiresAt: NOW + HOUR }), false],
    [
      'needs re-authorization',
      oauth('a', null, { accessExpiresAt: NOW, status: 'needs-reauth' }),
      false,
    ],
    ['refresh token expired', oauth('a', NOW - 1, { accessExpiresAt: NOW }), false],
    ['no access expiry known', oauth('a', null), false],
    ['not an OAuth entry', pat('a', NOW), false],
  ])('%s', (_name, entry, due) => {
    expect(planRefresh([entry], new Map(), NOW).due).toEqual(due ? ['a'] : []);
  });
});

describe('BackgroundRefresher', () => {
  it('while locked: no timer and nothing refreshed, however much time passes', async () => {
    const t = setup([]);
    t.vault.entries = [soon(t.clock)];
    t.refresher.start();
    expect(t.clock.pending()).toBe(0);
    t.clock.advance(2 * HOUR);
    await t.refresher.whenIdle();
    expect(t.calls).toEqual([]);
  });

  it('while unlocked: refreshes ahead of expiry with one timer, and re-arms for the new token', async () => {
    const t = setup([]);
    t.vault.entries = [soon(t.clock)];
    t.vault.locked = false;
    const start = t.clock.now();
    t.refresher.start();
    expect(t.clock.pending()).toBe(1);
    t.clock.advance(55 * MIN - 1);
    expect(t.calls).toEqual([]);
    t.clock.advance(1);
    await t.refresher.whenIdle();
    expect(t.calls).toEqual([{ id: 'billing', at: start + 55 * MIN }]);
    expect(t.clock.pending()).toBe(1);
    t.clock.advance(HOUR);
    await t.refresher.whenIdle();
    expect(t.calls).toHaveLength(2);
  });

  it('locking drops the timer; unlocking with an expired token refreshes at once', async () => {
    const t = setup([]);
    t.vault.entries = [soon(t.clock)];
    t.vault.locked = false;
    t.refresher.start();
    t.vault.setLocked(true);
    expect(t.clock.pending()).toBe(0);
    t.clock.advance(3 * HOUR);
    expect(t.calls).toEqual([]);
    t.vault.setLocked(false);
    await t.refresher.whenIdle();
    expect(t.calls).toHaveLength(1);
  });

  it('a failed refresh gives one alert; retries later without a second alert', async () => {
    const t = setup([], ['fail', 'fail', 'ok']);
    t.vault.entries = [soon(t.clock, { accessExpiresAt: t.clock.now() })];
    t.vault.locked = false;
    t.refresher.start();
    await t.refresher.whenIdle();
    expect(t.alerts.map((a) => a.entryId)).toEqual(['billing']);
    expect(t.clock.pending()).toBe(1);
    t.clock.advance(15 * MIN);
    await t.refresher.whenIdle();
    t.clock.advance(15 * MIN);
    await t.refresher.whenIdle();
    expect(t.calls).toHaveLength(3);
    expect(t.alerts).toHaveLength(1);
  });

  it('invalid_grant: no alert of its own (the reminder for needs-reauth covers it) and no loop', async () => {
    const t = setup([], ['invalid-grant']);
    t.vault.entries = [soon(t.clock, { accessExpiresAt: t.clock.now() })];
    t.vault.locked = false;
    t.refresher.start();
    await t.refresher.whenIdle();
    t.clock.advance(DAY);
    await t.refresher.whenIdle();
    expect(t.calls).toHaveLength(1);
    expect(t.alerts).toEqual([]);
    expect(t.clock.pending()).toBe(0);
  });

  it('a refresh that brings no new expiry backs off instead of looping', async () => {
    const t = setup([], ['no-change', 'no-change']);
    t.vault.entries = [soon(t.clock, { accessExpiresAt: t.clock.now() })];
    t.vault.locked = false;
    t.refresher.start();
    await t.refresher.whenIdle();
    expect(t.calls).toHaveLength(1);
    t.clock.advance(15 * MIN);
    await t.refresher.whenIdle();
    expect(t.calls).toHaveLength(2);
  });

  it('a failure caused by locking mid-refresh is not alerted', async () => {
    const t = setup([]);
    t.vault.entries = [soon(t.clock, { accessExpiresAt: t.clock.now() })];
    t.vault.locked = false;
    const refresher = new BackgroundRefresher({
      vault: t.vault,
      clock: t.clock,
      scheduler: t.clock,
      notify: (a) => t.alerts.push(a),
      refresh: async () => {
        t.vault.setLocked(true);
        throw new Error('locked');
      },
    });
    refresher.start();
    await refresher.whenIdle();
    expect(t.alerts).toEqual([]);
    expect(t.clock.pending()).toBe(0);
  });

  it('stop() leaves no timer and no listener', () => {
    const t = setup([]);
    t.vault.entries = [soon(t.clock)];
    t.vault.locked = false;
    t.refresher.start();
    t.refresher.stop();
    expect(t.clock.pending()).toBe(0);
    expect(t.vault.listenerCount()).toBe(0);
  });
});
