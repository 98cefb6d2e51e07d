// next_alert_10k_ms: one engine pass over 10,000 entries (what every vault change, resume
// and timer fire costs the reminder service). Median of several runs after a warm-up.
// The entries are what the service gets from vault.list(): parsed from the file's JSON and
// turned into views. next_alert_10k_synthetic_ms times the same pass over entries built as
// object literals in a loop (what this bench measured before issue 13), whose scattered
// memory layout makes every pass several times slower than real vault data.
import type { EntryView } from '../preload/api';
import { computeAlerts, markFired, nextDueAt } from '../main/core/reminders/reminder-engine';
import type { FiredLog } from '../main/core/reminders/reminder.types';
import { DEFAULT_LEAD_MINUTES } from '../main/core/reminders/reminder.types';
import { toView } from '../main/core/vault/vault-entries';
import type { StoredEntry } from '../main/core/vault/vault-file';

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

/** The entries as vault.list() returns them: JSON from the file, parsed, then views. */
function asVaultGivesThem(list: EntryView[]): EntryView[] {
  const stored = list.map((e) => ({ ...e, secrets: { token: 'c2VhbGVk' } }));
  return (JSON.parse(JSON.stringify(stored)) as StoredEntry[]).map(toView);
}

function medianPass(
  list: EntryView[],
  settings: { reminderLeadMinutes: number[] },
  log: FiredLog,
  now: number,
): number {
  for (let i = 0; i < 5; i += 1) nextDueAt(list, settings, log, now);
  const times: number[] = [];
  for (let i = 0; i < 21; i += 1) {
    const start = performance.now();
    nextDueAt(list, settings, log, now);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Number((times[10] ?? 0).toFixed(3));
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
  const real = asVaultGivesThem(list);
  if (nextDueAt(real, settings, log, now) !== nextDueAt(list, settings, log, now)) {
    throw new Error('The two entry lists disagree on the next alert.');
  }
  return [
    ['next_alert_10k_ms', medianPass(real, settings, log, now), 'ms'],
    ['next_alert_10k_synthetic_ms', medianPass(list, settings, log, now), 'ms'],
  ];
};
