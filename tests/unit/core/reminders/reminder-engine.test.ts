import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../preload/api';
import {
  computeAlerts,
  evaluate,
  groupAlerts,
  leadStages,
  markFired,
  nextDueAt,
  pruneFiredLog,
} from '../../../../main/core/reminders/reminder-engine';
import type { FiredLog } from '../../../../main/core/reminders/reminder.types';
import {
  DEFAULT_LEAD_MINUTES,
  emptyFiredLog,
} from '../../../../main/core/reminders/reminder.types';
import { DAY, HOUR, MIN, oauth, pat, sms } from './reminder-fixtures';

const settings = { reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] };
const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

/** Fires whatever is due and returns the new log, like the service does. */
function fire(entries: EntryView[], log: FiredLog, now: number) {
  const alerts = computeAlerts(entries, settings, log, now);
  return { alerts, log: markFired(log, alerts, now) };
}

describe('lead stages', () => {
  it('sorts, dedupes, drops junk and always ends with the deadline itself', () => {
    expect(leadStages({ reminderLeadMinutes: [60, 10080, 60, -5, Number.NaN, 1440] })).toEqual([
      10080, 1440, 60, 0,
    ]);
    expect(leadStages({ reminderLeadMinutes: [] })).toEqual([0]);
  });
});

describe('boundaries around each lead time', () => {
  // deadline - now -> which lead is due (null = nothing yet) and when the next alert is due
  const table: [name: string, left: number, lead: number | null][] = [
    ['7 d + 1 ms before', 7 * DAY + 1, null],
    ['exactly 7 d before', 7 * DAY, 7 * 24 * 60],
    ['7 d - 1 ms before', 7 * DAY - 1, 7 * 24 * 60],
    ['3 d + 1 ms before', 3 * DAY + 1, 7 * 24 * 60],
    ['exactly 3 d before', 3 * DAY, 3 * 24 * 60],
    ['exactly 1 d before', DAY, 24 * 60],
    ['1 h + 1 ms before', HOUR + 1, 24 * 60],
    ['exactly 1 h before', HOUR, 60],
    ['1 ms before', 1, 60],
    ['at the deadline', 0, 0],
    ['1 ms after', -1, 0],
    ['a year after', -365 * DAY, 0],
  ];
  it.each(table)('%s', (_name, left, lead) => {
    const entries = [pat('p', NOW + left)];
    const alerts = computeAlerts(entries, settings, emptyFiredLog(), NOW);
    expect(alerts.map((a) => a.leadMinutes)).toEqual(lead === null ? [] : [lead]);
  });

  it('the timer target is the next lead time, to the millisecond', () => {
    const entries = [pat('p', NOW + 7 * DAY + 1)];
    expect(nextDueAt(entries, settings, emptyFiredLog(), NOW)).toBe(NOW + 1);
    const after = fire(entries, emptyFiredLog(), NOW + 1);
    expect(after.alerts).toHaveLength(1);
    expect(nextDueAt(entries, settings, after.log, NOW + 1)).toBe(NOW + 7 * DAY + 1 - 3 * DAY);
  });
});

describe('a deadline across the Europe/Rome DST switches', () => {
  // Lead times are absolute durations: "1 day before" is 24 h before, even on the 23-hour
  // and 25-hour days. Walk time in 5-minute steps and record every alert.
  function walk(deadline: number) {
    let log = emptyFiredLog();
    const fired: { lead: number; at: number }[] = [];
    for (let t = deadline - 8 * DAY; t <= deadline + DAY; t += 5 * MIN) {
      const step = fire([sms('s', deadline)], log, t);
      log = step.log;
      for (const a of step.alerts) fired.push({ lead: a.leadMinutes, at: t });
    }
    return fired;
  }
  const rome = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

  it.each([
    // spring forward: 29 March 2026, 02:00 CET -> 03:00 CEST; deadline 12:00 CEST
    ['spring', Date.UTC(2026, 2, 29, 10, 0), '11:00'],
    // fall back: 25 October 2026, 03:00 CEST -> 02:00 CET; deadline 12:00 CET
    ['autumn', Date.UTC(2026, 9, 25, 11, 0), '13:00'],
  ])(
    '%s: each lead fires exactly once, exactly its duration before',
    (_s, deadline, localDayBefore) => {
      expect(rome.format(deadline)).toBe('12:00');
      // the wall clock a day earlier reads differently: proof the switch lies in between
      expect(rome.format(deadline - DAY)).toBe(localDayBefore);
      expect(walk(deadline)).toEqual([
        { lead: 7 * 24 * 60, at: deadline - 7 * DAY },
        { lead: 3 * 24 * 60, at: deadline - 3 * DAY },
        { lead: 24 * 60, at: deadline - DAY },
        { lead: 60, at: deadline - HOUR },
        { lead: 0, at: deadline },
      ]);
    },
  );
});

describe('alerts missed while the app was closed', () => {
  it('deliver only the most urgent stage per entry, once', () => {
    // closed for 6 days: the 7 d and 3 d stages of 'a' both passed
    const entries = [pat('a', NOW + 2 * DAY)];
    const first = fire(entries, emptyFiredLog(), NOW);
    expect(first.alerts.map((a) => a.leadMinutes)).toEqual([3 * 24 * 60]);
    expect(fire(entries, first.log, NOW + HOUR).alerts).toEqual([]);
  });

  it('group into one summary when several entries are involved, most urgent first', () => {
    const entries = [
      pat('later', NOW + 2 * DAY),
      oauth('reauth', null, { status: 'needs-reauth' }),
      sms('expired', NOW - DAY),
    ];
    const grouped = groupAlerts(computeAlerts(entries, settings, emptyFiredLog(), NOW));
    expect(grouped).toHaveLength(1);
    const summary = grouped[0];
    expect(summary?.type).toBe('summary');
    if (summary?.type !== 'summary') return;
    expect(summary.alerts.map((a) => a.entryId)).toEqual(['reauth', 'expired', 'later']);
  });

  it('stay single when only one entry is involved', () => {
    const grouped = groupAlerts(computeAlerts([pat('a', NOW)], settings, emptyFiredLog(), NOW));
    expect(grouped.map((g) => g.type)).toEqual(['entry']);
  });
});

describe('mute, snooze, revoked, needs re-authorization', () => {
  it('a muted entry never alerts and never wakes the timer', () => {
    const entries = [pat('m', NOW + HOUR, { muted: true })];
    expect(evaluate(entries, settings, emptyFiredLog(), NOW)).toEqual({
      alerts: [],
      nextDueAt: null,
    });
  });

  it('a snoozed entry waits until the snooze ends, then says the current stage once', () => {
    const entries = [pat('s', NOW + 2 * DAY, { snoozedUntil: NOW + DAY + HOUR })];
    expect(computeAlerts(entries, settings, emptyFiredLog(), NOW)).toEqual([]);
    expect(nextDueAt(entries, settings, emptyFiredLog(), NOW)).toBe(NOW + DAY + HOUR);
    // at the end of the snooze the 1 d stage is current (23 h left)
    const end = fire(entries, emptyFiredLog(), NOW + DAY + HOUR);
    expect(end.alerts.map((a) => a.leadMinutes)).toEqual([24 * 60]);
    expect(nextDueAt(entries, settings, end.log, NOW + DAY + HOUR)).toBe(NOW + 2 * DAY - HOUR);
  });

  it('a snooze ending before the next stage does not move the timer', () => {
    const entries = [pat('s', NOW + 10 * DAY, { snoozedUntil: NOW + HOUR })];
    expect(nextDueAt(entries, settings, emptyFiredLog(), NOW)).toBe(NOW + 3 * DAY);
  });

  it('revoked entries are informational: no alert', () => {
    const entries = [sms('r', NOW - DAY, { status: 'revoked', revokedAt: NOW - DAY })];
    expect(evaluate(entries, settings, emptyFiredLog(), NOW)).toEqual({
      alerts: [],
      nextDueAt: null,
    });
  });

  it('needs re-authorization alerts now, once; again only after it was fixed and broke again', () => {
    const broken = [oauth('o', NOW + 30 * DAY, { status: 'needs-reauth' })];
    const first = fire(broken, emptyFiredLog(), NOW);
    expect(first.alerts.map((a) => a.kind)).toEqual(['needs-reauth']);
    expect(fire(broken, first.log, NOW + DAY).alerts).toEqual([]);
    const fixed = [oauth('o', NOW + 30 * DAY)];
    const log = pruneFiredLog(first.log, fixed);
    expect(fire(broken, log, NOW + 2 * DAY).alerts).toHaveLength(1);
  });
});

describe('changed deadlines and lead settings', () => {
  it('a moved deadline re-arms its alerts', () => {
    const before = [sms('s', NOW + HOUR)];
    const first = fire(before, emptyFiredLog(), NOW);
    expect(first.alerts).toHaveLength(1);
    // token re-minted with a new expiry that is also close
    const after = [sms('s', NOW + 30 * MIN)];
    expect(fire(after, first.log, NOW).alerts.map((a) => a.leadMinutes)).toEqual([60]);
  });

  it('re-adding a longer lead time does not bring back an older stage', () => {
    const entries = [pat('p', NOW + 2 * DAY)];
    const first = fire(entries, emptyFiredLog(), NOW);
    expect(first.alerts[0]?.leadMinutes).toBe(3 * 24 * 60);
    const wider = { reminderLeadMinutes: [14 * 24 * 60, ...DEFAULT_LEAD_MINUTES] };
    expect(computeAlerts(entries, wider, first.log, NOW + MIN)).toEqual([]);
  });

  it('pruning keeps live keys and drops deleted entries and old deadlines', () => {
    const log: FiredLog = {
      version: 1,
      fired: {
        [`a|pat-expiry|${NOW}|60`]: 1,
        [`a|pat-expiry|${NOW - DAY}|60`]: 1,
        'gone|pat-expiry|5|0': 1,
      },
    };
    expect(Object.keys(pruneFiredLog(log, [pat('a', NOW)]).fired)).toEqual([
      `a|pat-expiry|${NOW}|60`,
    ]);
  });
});

describe('10,000 entries', () => {
  it('one pass finds every due alert and the single next time', () => {
    const entries: EntryView[] = [];
    for (let i = 0; i < 10_000; i += 1) entries.push(sms(`s${i}`, NOW + (i + 1) * HOUR));
    const { alerts, nextDueAt: next } = evaluate(entries, settings, emptyFiredLog(), NOW);
    // every token expiring within 7 days is due at some stage: ids 0..167
    expect(alerts).toHaveLength(7 * 24);
    expect(alerts[0]?.entryId).toBe('s0');
    // s168 expires in 169 h: its 7 d stage is due 1 h from now
    expect(next).toBe(NOW + HOUR);
  });
});
