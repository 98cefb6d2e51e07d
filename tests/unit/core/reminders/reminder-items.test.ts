import { describe, expect, it } from 'vitest';
import { listReminderItems } from '../../../../main/core/reminders/reminder-items';
import { DEFAULT_LEAD_MINUTES } from '../../../../main/core/reminders/reminder.types';
import { DAY, HOUR, oauth, pat, sms } from './reminder-fixtures';

const settings = { reminderLeadMinutes: [...DEFAULT_LEAD_MINUTES] };
const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe('reminders:list items', () => {
  it('sorts by soonest deadline, needs re-authorization first and revoked last', () => {
    const items = listReminderItems(
      [
        sms('revoked', NOW + DAY, { status: 'revoked' }),
        pat('far', NOW + 60 * DAY),
        oauth('billing', NOW + 3 * DAY),
        oauth('broken', NOW + 90 * DAY, { status: 'needs-reauth' }),
        oauth('forever', null),
        sms('gone', NOW - 2 * DAY),
      ],
      settings,
      NOW,
    );
    expect(items.map((i) => [i.entryId, i.kind, i.severity])).toEqual([
      ['broken', 'needs-reauth', 'expired'],
      ['gone', 'token-expiry', 'expired'],
      ['billing', 'refresh-expiry', 'warning'],
      ['far', 'pat-expiry', 'ok'],
      ['revoked', 'revoked', 'expired'],
    ]);
  });

  it.each([
    [oauth('billing', NOW + 3 * DAY), "Re-authorize Fax.Plus 'billing' within 3 days"],
    [
      oauth('billing', NOW - 2 * DAY),
      "Fax.Plus 'billing' authorization expired 2 days ago; re-authorize it",
    ],
    [oauth('billing', null, { status: 'needs-reauth' }), "Re-authorize Fax.Plus 'billing' now"],
    [pat('ci', NOW + HOUR), "Replace Fax.Plus PAT 'ci' within 1 hour"],
    [sms('alerts', NOW - HOUR), "SMSFactor token 'alerts' expired 1 hour ago; replace it"],
    [sms('alerts', NOW, { status: 'revoked' }), "SMSFactor token 'alerts' was revoked"],
    [
      pat('ci', NOW, { status: 'needs-reauth' }),
      "Fax.Plus PAT 'ci' was rejected by the provider; replace it",
    ],
  ])('says it in words: %#', (entry, message) => {
    expect(listReminderItems([entry], settings, NOW)[0]?.message).toBe(message);
  });

  it('the warning window follows the longest lead time in settings', () => {
    const entry = pat('p', NOW + 2 * DAY);
    expect(listReminderItems([entry], { reminderLeadMinutes: [60] }, NOW)[0]?.severity).toBe('ok');
    expect(listReminderItems([entry], settings, NOW)[0]?.severity).toBe('warning');
  });

  it('uses the locale for the time words', () => {
    expect(listReminderItems([pat('p', NOW + 3 * DAY)], settings, NOW, 'it')[0]?.message).toBe(
      "Replace Fax.Plus PAT 'p' within 3 giorni",
    );
  });
});
