import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../preload/api';
import { ReminderService } from '../../../../main/core/reminders/reminder.service';
import { buildTrayModel } from '../../../../main/core/reminders/tray-model';
import type {
  EntryAlert,
  FiredLog,
  SummaryAlert,
} from '../../../../main/core/reminders/reminder.types';
import { DEFAULT_LEAD_MINUTES } from '../../../../main/core/reminders/reminder.types';
import { FakeClock } from '../../../fakes/fake-clock';
import { MemoryStore } from '../../../fakes/memory-store';
import { DAY, FakeVault, HOUR, MIN, oauth, pat, sms } from './reminder-fixtures';

type Delivered = EntryAlert | SummaryAlert;

function setup(entries: EntryView[], store = new MemoryStore<FiredLog>(), clock = new FakeClock()) {
  const vault = new FakeVault(entries);
  const delivered: Delivered[] = [];
  const errors: string[] = [];
  const make = () =>
    new ReminderService({
      vault,
      settings: () => ({ reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] }),
      clock,
      scheduler: clock,
      store,
      notify: (a) => delivered.push(a),
      onError: (m) => errors.push(m),
    });
  return { vault, clock, store, delivered, errors, make };
}

const leads = (d: Delivered[]) => d.map((a) => (a.type === 'entry' ? a.leadMinutes : 'summary'));

describe('ReminderService', () => {
  it('with the vault locked, crossing a lead time gives exactly one notification, the tray changes state, and a restart repeats nothing', () => {
    const clock = new FakeClock();
    const now = clock.now();
    const t = setup([oauth('billing', now + 7 * DAY + 30 * MIN)], undefined, clock);
    expect(t.vault.isUnlocked()).toBe(false);
    const service = t.make();
    service.start();
    const tray = () => buildTrayModel(t.vault.lockedIndex(), clock.now(), { locked: true }).state;
    expect(t.delivered).toEqual([]);
    expect(tray()).toBe('ok');

    clock.advance(30 * MIN);
    expect(leads(t.delivered)).toEqual([7 * 24 * 60]);
    expect(tray()).toBe('warning');
    clock.advance(DAY); // well before the 3 d stage
    expect(t.delivered).toHaveLength(1);

    service.stop();
    const restarted = t.make();
    restarted.start();
    clock.advance(HOUR);
    expect(t.delivered).toHaveLength(1);
    expect(clock.pending()).toBe(1);
  });

  it('keeps exactly one timer through start, changes, firing, resume and stop', () => {
    const t = setup([pat('a', new FakeClock().now() + 2 * HOUR)]);
    const service = t.make();
    service.start();
    expect(t.clock.pending()).toBe(1);
    for (let i = 0; i < 5; i += 1) {
      t.vault.set([...t.vault.entries, sms(`s${i}`, t.clock.now() + (i + 1) * DAY)]);
      expect(t.clock.pending()).toBe(1);
      t.clock.advance(45 * MIN);
      expect(t.clock.pending()).toBe(1);
      service.onResume();
      expect(t.clock.pending()).toBe(1);
    }
    service.stop();
    expect(t.clock.pending()).toBe(0);
    expect(t.vault.listenerCount()).toBe(0);
  });

  it('sets the timer for the next due alert, not a fixed tick, when that comes first', () => {
    const clock = new FakeClock();
    const t = setup([pat('a', clock.now() + HOUR + 10 * MIN)], undefined, clock);
    const service = t.make();
    service.start();
    // the 1 d stage is due at once; the next one (1 h) is 10 minutes away
    expect(leads(t.delivered)).toEqual([24 * 60]);
    expect(service.nextWakeAt()).toBe(clock.now() + 10 * MIN);
    clock.advance(10 * MIN);
    expect(leads(t.delivered)).toEqual([24 * 60, 60]);
  });

  it('delivers alerts missed while closed once, grouped, and not again after a restart', () => {
    const clock = new FakeClock();
    const now = clock.now();
    const entries = [
      pat('a', now + 2 * DAY),
      sms('b', now - DAY),
      oauth('c', null, { status: 'needs-reauth' }),
    ];
    const t = setup(entries, undefined, clock);
    t.make().start();
    expect(t.delivered).toHaveLength(1);
    const summary = t.delivered[0];
    expect(summary?.type === 'summary' && summary.alerts.map((a) => a.entryId)).toEqual([
      'c',
      'b',
      'a',
    ]);

    const again = setup(entries, t.store, clock);
    again.make().start();
    expect(again.delivered).toEqual([]);
  });

  it('notices a new entry that is already due as soon as the vault changes', () => {
    const t = setup([]);
    t.make().start();
    t.vault.set([oauth('o', null, { status: 'needs-reauth' })]);
    expect(t.delivered.map((a) => a.type === 'entry' && a.kind)).toEqual(['needs-reauth']);
    expect(t.clock.pending()).toBe(1);
  });

  it('re-arms when a deadline changes', () => {
    const clock = new FakeClock();
    const t = setup([sms('s', clock.now() + 30 * MIN)], undefined, clock);
    t.make().start();
    expect(t.delivered).toHaveLength(1);
    t.vault.update('s', { expiresAt: clock.now() + 20 * MIN } as Partial<EntryView>);
    expect(leads(t.delivered)).toEqual([60, 60]);
  });

  it('on resume from sleep, delivers what fell due meanwhile once', () => {
    const clock = new FakeClock();
    const t = setup([pat('a', clock.now() + 4 * DAY)], undefined, clock);
    const service = t.make();
    service.start();
    expect(leads(t.delivered)).toEqual([7 * 24 * 60]);
    clock.jump(DAY + HOUR); // asleep: no timer ran
    service.onResume();
    expect(leads(t.delivered)).toEqual([7 * 24 * 60, 3 * 24 * 60]);
    clock.advance(0);
    service.onResume();
    expect(t.delivered).toHaveLength(2);
  });

  it('notices a wall-clock jump forward within the bounded sleep, without spinning', () => {
    const clock = new FakeClock();
    const t = setup([pat('a', clock.now() + 30 * DAY)], undefined, clock);
    const service = t.make();
    service.start();
    expect(service.nextWakeAt()).toBe(clock.now() + HOUR); // far deadline: bounded sleep
    clock.jump(28 * DAY);
    clock.advance(HOUR);
    expect(service.clockJumps()).toBe(1);
    expect(leads(t.delivered)).toEqual([3 * 24 * 60]);
    expect(clock.pending()).toBe(1);
  });

  it('repeats nothing after the clock is set back', () => {
    const clock = new FakeClock();
    const t = setup([pat('a', clock.now() + 30 * MIN)], undefined, clock);
    const service = t.make();
    service.start();
    expect(t.delivered).toHaveLength(1);
    clock.jump(-2 * DAY);
    service.onResume();
    clock.advance(2 * DAY + 30 * MIN);
    // only the deadline itself is new; the 7 d, 3 d, 1 d stages stay silent
    expect(leads(t.delivered)).toEqual([60, 0]);
  });

  it('honours mute and snooze set while running', () => {
    const clock = new FakeClock();
    const t = setup([pat('a', clock.now() + 3 * DAY + MIN, { muted: true })], undefined, clock);
    t.make().start();
    clock.advance(2 * DAY);
    expect(t.delivered).toEqual([]);
    t.vault.update('a', { muted: false, snoozedUntil: clock.now() + 12 * HOUR });
    expect(t.delivered).toEqual([]);
    clock.advance(12 * HOUR);
    expect(leads(t.delivered)).toEqual([24 * 60]);
  });

  it('a notify that changes the vault does not nest or leave a second timer', () => {
    const t = setup([sms('a', new FakeClock().now() + MIN)]);
    const service = new ReminderService({
      vault: t.vault,
      settings: () => ({ reminderLeadMinutes: [60] }),
      clock: t.clock,
      scheduler: t.clock,
      store: t.store,
      notify: (a) => {
        t.delivered.push(a);
        t.vault.update('a', { lastError: 'seen' });
      },
    });
    service.start();
    expect(t.delivered).toHaveLength(1);
    expect(t.clock.pending()).toBe(1);
  });

  it('starts afresh (with a message) when the saved log is unreadable', () => {
    const store = new MemoryStore<FiredLog>({ nonsense: true } as unknown as FiredLog);
    const t = setup([pat('a', new FakeClock().now())], store);
    t.make().start();
    expect(t.errors).toEqual(['reminders: fired-alert log has an unknown shape; starting afresh']);
    expect(t.delivered).toHaveLength(1);
    expect(store.read()?.version).toBe(1);
  });

  it('keeps the log small: deleted entries leave it (pruned while unlocked only)', () => {
    const t = setup([pat('a', new FakeClock().now()), pat('b', new FakeClock().now())]);
    t.make().start();
    expect(Object.keys(t.store.read()?.fired ?? {})).toHaveLength(2);
    // Locked, the index leaves muted entries out: it cannot tell "gone" from "muted".
    t.vault.set([pat('b', new FakeClock().now(), { muted: true })]);
    expect(Object.keys(t.store.read()?.fired ?? {})).toHaveLength(2);
    t.vault.setLocked(false);
    t.vault.set([]);
    expect(t.store.read()?.fired).toEqual({});
  });

  it('locked, alerts come from the locked index and name no entry; unlocking repeats none', () => {
    const clock = new FakeClock();
    const now = clock.now();
    const t = setup(
      [
        oauth('e1', now + 2 * DAY, { label: 'billing' }),
        sms('e2', now + 30 * DAY, { label: 'alerts' }),
      ],
      undefined,
      clock,
    );
    t.make().start();
    expect(t.delivered).toHaveLength(1);
    const alert = t.delivered[0] as EntryAlert;
    expect(alert).toMatchObject({
      entryId: 'e1',
      kind: 'refresh-expiry',
      leadMinutes: 3 * 24 * 60,
    });
    expect(alert.label).toBeUndefined();
    expect(alert.provider).toBeUndefined();
    expect(JSON.stringify(t.delivered)).not.toMatch(/billing|alerts|faxplus/);
    // The same stage is not said again once the names are readable.
    t.vault.setLocked(false);
    t.vault.set([...t.vault.entries]);
    expect(t.delivered).toHaveLength(1);
    clock.advance(DAY + MIN);
    expect(t.delivered).toHaveLength(2);
    expect((t.delivered[1] as EntryAlert).label).toBe('billing');
  });

  it('handles 10,000 entries with one timer', () => {
    const clock = new FakeClock();
    const entries: EntryView[] = [];
    for (let i = 0; i < 10_000; i += 1) entries.push(sms(`s${i}`, clock.now() + 8 * DAY + i * MIN));
    const t = setup(entries, undefined, clock);
    t.make().start();
    expect(t.delivered).toEqual([]);
    clock.advance(DAY + 2 * MIN);
    // three tokens crossed their 7 d stage during the last 2 minutes; each timer fire
    // delivered what was due at that moment
    expect(t.delivered.map((a) => (a.type === 'entry' ? a.entryId : 'summary'))).toEqual([
      's0',
      's1',
      's2',
    ]);
    expect(clock.pending()).toBe(1);
  });
});
