import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../preload/api';
import { createRemindersHandlers } from '../../../../main/core/ipc/handlers/reminders.handlers';
import { FakeClock } from '../../../fakes/fake-clock';
import { DAY, FakeVault, oauth, pat } from './reminder-fixtures';

describe('reminders:list handler', () => {
  function list(language: Settings['language'], systemLocale?: () => string) {
    const clock = new FakeClock();
    const vault = new FakeVault([
      pat('ci', clock.now() + 10 * DAY),
      oauth('billing', clock.now() + 3 * DAY),
    ]);
    expect(vault.isUnlocked()).toBe(false); // metadata only: answers while locked
    const handlers = createRemindersHandlers({
      vault,
      clock,
      settings: () => ({ reminderLeadMinutes: [10080, 4320, 1440, 60], language }),
      systemLocale,
    });
    return handlers['reminders:list']();
  }

  it('answers while locked, soonest first, in words', async () => {
    const items = await list('en');
    expect(items.map((i) => [i.entryId, i.severity, i.message])).toEqual([
      ['billing', 'warning', "Re-authorize Fax.Plus 'billing' within 3 days"],
      ['ci', 'ok', "Replace Fax.Plus PAT 'ci' within 10 days"],
    ]);
  });

  it.each<[Settings['language'], (() => string) | undefined, string]>([
    ['it', undefined, '3 giorni'],
    ['system', () => 'it-IT', '3 giorni'],
    ['system', undefined, '3 days'],
  ])('language %s (system locale %s) -> %s', async (language, systemLocale, words) => {
    const items = await list(language, systemLocale);
    expect(items[0]?.message).toContain(words);
  });
});
