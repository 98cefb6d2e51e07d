import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative } from '../../../../main/core/reminders/relative-time';
import { DAY, HOUR, MIN } from './reminder-fixtures';

describe('relative time words', () => {
  it.each([
    [3 * DAY, 'in 3 days'],
    [-2 * DAY, '2 days ago'],
    [DAY, 'in 1 day'],
    [HOUR, 'in 1 hour'],
    [59.6 * MIN, 'in 1 hour'],
    [23 * HOUR, 'in 23 hours'],
    [90 * 1000, 'in 2 minutes'],
    [-5000, '5 seconds ago'],
    [60 * DAY, 'in 2 months'],
    [400 * DAY, 'in 1 year'],
  ])('%d ms -> %s', (ms, words) => {
    expect(formatRelative(ms)).toBe(words);
  });

  it.each([
    [3 * DAY, 'en', '3 days'],
    [HOUR, 'en', '1 hour'],
    [3 * DAY, 'it', '3 giorni'],
  ])('duration %d ms in %s -> %s', (ms, locale, words) => {
    expect(formatDuration(ms, locale)).toBe(words);
  });

  it('speaks other languages through Intl', () => {
    expect(formatRelative(3 * DAY, 'it')).toBe('tra 3 giorni');
  });

  it('gives the same words again from its cache, for each language, sign and unit', () => {
    // 10,000 deadlines ask for the same few words; the cache must not mix them up.
    for (let round = 0; round < 2; round++) {
      expect(formatRelative(3 * DAY)).toBe('in 3 days');
      expect(formatRelative(-3 * DAY)).toBe('3 days ago');
      expect(formatRelative(3 * DAY, 'it')).toBe('tra 3 giorni');
      expect(formatRelative(3 * HOUR)).toBe('in 3 hours');
      expect(formatDuration(3 * DAY)).toBe('3 days');
      expect(formatDuration(3 * DAY, 'it')).toBe('3 giorni');
      // Just past and just ahead round to zero seconds, and still read differently.
      expect(formatRelative(-200)).toBe('0 seconds ago');
      expect(formatRelative(200)).toBe('in 0 seconds');
    }
  });

  it('falls back to English on a malformed locale instead of throwing', () => {
    expect(formatRelative(3 * DAY, 'not a locale!')).toBe('in 3 days');
  });
});
