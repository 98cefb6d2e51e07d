import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../preload/api';
import { computeAlerts, groupAlerts } from '../../../../main/core/reminders/reminder-engine';
import { toNotification } from '../../../../main/core/reminders/notification-model';
import {
  DEFAULT_LEAD_MINUTES,
  emptyFiredLog,
} from '../../../../main/core/reminders/reminder.types';
import { lockedIndexOf } from '../../../../main/core/vault/vault-index';
import { DAY, HOUR, oauth, pat, sms } from './reminder-fixtures';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const settings = { reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] };

function notificationsFor(entries: EntryView[]) {
  return groupAlerts(computeAlerts(entries, settings, emptyFiredLog(), NOW)).map((a) =>
    toNotification(a, NOW),
  );
}

describe('notification model', () => {
  it.each<[string, EntryView, string, string, string]>([
    [
      'OAuth nearing refresh expiry',
      oauth('billing', NOW + 3 * DAY),
      'Authorization expiring',
      "Re-authorize Fax.Plus 'billing' within 3 days",
      'reauthorize',
    ],
    [
      'OAuth needing re-authorization',
      oauth('billing', null, { status: 'needs-reauth' }),
      'Re-authorization needed',
      "Re-authorize Fax.Plus 'billing' now",
      'reauthorize',
    ],
    [
      'PAT expiring',
      pat('ci', NOW + HOUR),
      'Token expiring',
      "Replace Fax.Plus PAT 'ci' within 1 hour",
      'focus-entry',
    ],
    [
      'SMSFactor token expired',
      sms('alerts', NOW - DAY),
      'Token expired',
      "SMSFactor token 'alerts' expired 1 day ago; replace it",
      'focus-entry',
    ],
  ])('%s', (_name, entry, title, body, action) => {
    const [n] = notificationsFor([entry]);
    expect(n).toMatchObject({ title, body, action: { type: action, id: entry.id } });
  });

  it('a summary lists the most urgent first and opens the app at it', () => {
    const entries = Array.from({ length: 7 }, (_, i) => sms(`s${i}`, NOW + (7 - i) * HOUR));
    const [n] = notificationsFor(entries);
    expect(n?.title).toBe('7 credentials need attention');
    expect(n?.body.split('\n')).toEqual([
      "Replace SMSFactor token 's6' within 1 hour",
      "Replace SMSFactor token 's5' within 2 hours",
      "Replace SMSFactor token 's4' within 3 hours",
      "Replace SMSFactor token 's3' within 4 hours",
      "Replace SMSFactor token 's2' within 5 hours",
      'and 2 more',
    ]);
    expect(n?.action).toEqual({ type: 'focus-entry', id: 's6' });
  });

  it('ids are stable per alert, so the shell can replace rather than stack', () => {
    const a = notificationsFor([pat('ci', NOW + HOUR)]);
    const b = notificationsFor([pat('ci', NOW + HOUR)]);
    expect(a[0]?.id).toBe(b[0]?.id);
  });

  it('a failed refresh says so in fixed words (no provider text) and opens the entry', () => {
    expect(
      toNotification({ type: 'refresh-failed', key: 'k', entryId: 'o', label: 'billing' }, NOW),
    ).toEqual({
      id: 'k',
      title: 'Refresh failed',
      body: "Could not refresh the access token of Fax.Plus 'billing'. It will be tried again before use.",
      action: { type: 'focus-entry', id: 'o' },
    });
  });

  it('from the locked index, says what is due and when, never which entry, and acts by kind', () => {
    const entries = [
      oauth('o1', NOW + 3 * DAY, { label: 'billing' }),
      pat('p1', NOW + HOUR, { label: 'ci' }),
      sms('s1', null, { label: 'alerts', status: 'needs-reauth' }),
    ];
    const shown = groupAlerts(
      computeAlerts(lockedIndexOf(entries), settings, emptyFiredLog(), NOW),
    ).flatMap((a) => (a.type === 'summary' ? a.alerts : [a]));
    const models = shown.map((a) => toNotification(a, NOW));
    expect(models.map((m) => [m.title, m.body, m.action])).toEqual([
      [
        'Credential needs attention',
        'An entry (unlock to see which) was rejected; fix it now',
        { type: 'focus-entry', id: 's1' },
      ],
      [
        'Token expiring',
        'Replace an entry (unlock to see which) within 1 hour',
        { type: 'focus-entry', id: 'p1' },
      ],
      [
        'Authorization expiring',
        'Re-authorize an entry (unlock to see which) within 3 days',
        { type: 'reauthorize', id: 'o1' },
      ],
    ]);
    expect(JSON.stringify(models)).not.toMatch(/billing|ci'|alerts|Fax|SMSFactor/);
  });
});
