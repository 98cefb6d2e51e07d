import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../../preload/api';
import {
  addLead,
  attentionEntries,
  badgeOf,
  DEFAULT_LEADS,
  formatLead,
  needsAttention,
  parseLead,
  type BadgeKind,
} from '../../../../../renderer/features/reminders/reminder-state';
import { DAY, HOUR, oauth, pat, sms } from '../../../core/reminders/reminder-fixtures';

const NOW = Date.UTC(2026, 5, 15, 12);
const leads = DEFAULT_LEADS;

describe('row badge', () => {
  it.each<[string, EntryView, BadgeKind]>([
    ['far away', pat('p', NOW + 30 * DAY), 'ok'],
    ['no expiry', sms('s', null), 'ok'],
    ['inside the longest lead time', sms('s', NOW + 6 * DAY), 'soon'],
    ['past its deadline', pat('p', NOW - HOUR), 'expired'],
    ['OAuth whose refresh token expired', oauth('o', NOW - HOUR), 'needs-reauth'],
    ['needs re-authorization', oauth('o', null, { status: 'needs-reauth' }), 'needs-reauth'],
    ['revoked status', sms('s', NOW + DAY, { status: 'revoked' }), 'revoked'],
    ['revoked at the provider', sms('s', NOW + DAY, { revokedAt: NOW - DAY }), 'revoked'],
  ])('%s -> %s', (_name, entry, badge) => {
    expect(badgeOf(entry, NOW, leads)).toBe(badge);
  });

  it('"soon" follows the lead times the user chose', () => {
    expect(badgeOf(sms('s', NOW + 6 * DAY), NOW, [60])).toBe('ok');
    expect(badgeOf(sms('s', NOW + 20 * DAY), NOW, [30 * 24 * 60])).toBe('soon');
  });
});

describe('needs attention', () => {
  it('keeps out muted, snoozed, revoked and fine entries; most urgent first', () => {
    const entries = [
      pat('later', NOW + 5 * DAY),
      pat('sooner', NOW + 2 * DAY),
      sms('gone', NOW - HOUR),
      oauth('reauth', null, { status: 'needs-reauth' }),
      pat('muted', NOW - HOUR, { muted: true }),
      pat('snoozed', NOW + HOUR, { snoozedUntil: NOW + DAY }),
      pat('snooze over', NOW + HOUR, { snoozedUntil: NOW - 1 }),
      sms('revoked', NOW - HOUR, { status: 'revoked' }),
      pat('fine', NOW + 60 * DAY),
    ];
    expect(attentionEntries(entries, NOW, leads).map((e) => e.label)).toEqual([
      'reauth',
      'gone',
      'snooze over',
      'sooner',
      'later',
    ]);
    expect(needsAttention(pat('muted', NOW - HOUR, { muted: true }), NOW, leads)).toBe(false);
  });
});

describe('lead times', () => {
  it.each<[string, number | undefined]>([
    ['2d', 2880],
    ['12h', 720],
    ['12 H', 720],
    ['30m', 30],
    ['1w', 10080],
    ['6', 360],
    ['0m', undefined],
    ['91d', undefined],
    ['-1d', undefined],
    ['1.5d', undefined],
    ['soon', undefined],
  ])('parses %j as %j minutes', (text, minutes) => {
    expect(parseLead(text)).toBe(minutes);
  });

  it.each<[number, string]>([
    [10080, '1 week'],
    [4320, '3 days'],
    [60, '1 hour'],
    [90, '90 minutes'],
  ])('%i minutes read "%s"', (minutes, text) => {
    expect(formatLead(minutes)).toBe(text);
  });

  it('adds in order, refusing duplicates, junk and an 11th', () => {
    expect(addLead([1440, 60], '2d')).toEqual({ leads: [2880, 1440, 60] });
    expect(addLead([1440], '24h')).toEqual({ problem: 'reminders.lead.duplicate' });
    expect(addLead([1440], 'x')).toEqual({ problem: 'reminders.lead.invalid' });
    const ten = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(addLead(ten, '1d')).toEqual({ problem: 'reminders.lead.tooMany' });
  });
});
