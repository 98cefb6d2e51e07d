// next_alert_10k_ms: one engine pass over 10,000 entries (what every vault change, resume
// and timer fire costs the reminder service). Median of several runs after a warm-up.
import type { EntryView } from '../preload/api';
import { computeAlerts, markFired, nextDueAt } from '../main/core/reminders/reminder-engine';
import type { FiredLog } from '../main/core/reminders/reminder.types';
import { DEFAULT_LEAD_MINUTES } from '../main/core/reminders/reminder.types';

const HOUR = 3_600_000;

function entries(now: number): EntryView[] {
  const list: EntryView[] = [];
  for (let i = 0; i < 10_000; i += 1) {
    const base = {
      id: `e${i}`,
      label: `entry ${i}`,
      status: 'active' as const,
      createdAt: now,
      updatedAt: now,
    };
    const expiresAt = now + (i % 2000) * HOUR - 100 * HOUR;
    if (i % 3 === 0) {
      list.push({
        ...base,
        provider: 'faxplus',
        kind: 'faxplus-oauth',
        clientId: 'APIKbench',
        redirectMode: 'scheme',
        allowMissingState: false,
        advancedSecurity: false,
        authorizedAt: now,
        refreshExpiresAt: expiresAt,
      });
    } else if (i % 3 === 1) {
      list.push({ ...base, provider: 'faxplus', kind: 'faxplus-pat', expiresAt, scopes: [] });
    } else {
      list.push({
        ...base,
        provider: 'smsfactor',
        kind: 'smsfactor-token',
        ttlSeconds: null,
        expiresAt,
        allowedIps: [],
        format: 'json',
      });
    }
  }
  return list;
}

export default async (): Promise<Array<[name: string, value: number, unit: string]>> => {
  const now = Date.UTC(2026, 10, 22, 12);
  const list = entries(now);
  const settings = { reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] };
  // A realistic log: every other entry already alerted at its current stage.
  const due = computeAlerts(list, settings, { version: 1, fired: {} }, now);
  const log: FiredLog = markFired(
    { version: 1, fired: {} },
    due.filter((_, i) => i % 2 === 0),
    now,
  );
  for (let i = 0; i < 5; i += 1) nextDueAt(list, settings, log, now);
  const times: number[] = [];
  for (let i = 0; i < 21; i += 1) {
    const start = performance.now();
    nextDueAt(list, settings, log, now);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [['next_alert_10k_ms', Number((times[10] ?? 0).toFixed(3)), 'ms']];
};
