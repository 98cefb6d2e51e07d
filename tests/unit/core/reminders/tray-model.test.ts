import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../preload/api';
import { buildTrayModel, type TrayMenuItem } from '../../../../main/core/reminders/tray-model';
import { DAY, HOUR, oauth, pat, sms } from './reminder-fixtures';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

function entryRows(items: TrayMenuItem[]) {
  return items.flatMap((i) => (i.type === 'entry' ? [i] : []));
}

describe('tray model', () => {
  it.each<[string, EntryView[], string]>([
    ['nothing at all', [], 'ok'],
    ['far deadlines', [pat('p', NOW + 30 * DAY), oauth('o', null)], 'ok'],
    [
      'one inside the longest lead time',
      [pat('p', NOW + 30 * DAY), sms('s', NOW + 6 * DAY)],
      'warning',
    ],
    ['one expired', [sms('s', NOW + 6 * DAY), pat('p', NOW - 1)], 'expired'],
    ['one needing re-authorization', [oauth('o', null, { status: 'needs-reauth' })], 'expired'],
    ['an expired one that is muted', [pat('p', NOW - DAY, { muted: true })], 'ok'],
    ['a revoked one', [sms('s', NOW - DAY, { status: 'revoked' })], 'ok'],
  ])('icon state with %s', (_name, entries, state) => {
    expect(buildTrayModel(entries, NOW, { locked: true }).state).toBe(state);
  });

  it('lists entries by soonest deadline with relative times', () => {
    const model = buildTrayModel(
      [
        pat('ci', NOW + 30 * DAY),
        oauth('billing', NOW + 3 * DAY),
        sms('alerts', NOW - 2 * HOUR),
        oauth('free', null),
      ],
      NOW,
      { locked: false },
    );
    expect(entryRows(model.items).map((r) => r.label)).toEqual([
      'SMSFactor · alerts — expired 2 hours ago',
      'Fax.Plus · billing — expires in 3 days',
      'Fax.Plus PAT · ci — expires in 30 days',
      'Fax.Plus · free — no expiry',
    ]);
  });

  it('tooltip names the soonest deadline in words', () => {
    const model = buildTrayModel(
      [pat('ci', NOW + 30 * DAY), oauth('billing', NOW + 3 * DAY)],
      NOW,
      {
        locked: true,
      },
    );
    expect(model.tooltip).toBe("Token Vault: Re-authorize Fax.Plus 'billing' within 3 days");
    expect(buildTrayModel([], NOW, { locked: true }).tooltip).toBe('Token Vault: nothing expiring');
  });

  it('keeps the tooltip within the 127 characters Windows shows', () => {
    const model = buildTrayModel([pat('x'.repeat(300), NOW + DAY)], NOW, { locked: true });
    expect(model.tooltip.length).toBeLessThanOrEqual(127);
    expect(model.tooltip.endsWith('…')).toBe(true);
  });

  it('per entry: Copy headers asks to unlock while locked; Re-authorize only for Fax.Plus OAuth', () => {
    const entries = [oauth('billing', NOW + DAY), pat('ci', NOW + 2 * DAY)];
    const locked = entryRows(buildTrayModel(entries, NOW, { locked: true }).items);
    expect(locked.map((r) => r.actions)).toEqual([
      [
        { type: 'copy-headers', entryId: 'billing', label: 'Copy headers', needsUnlock: true },
        { type: 'reauthorize', entryId: 'billing', label: 'Re-authorize…' },
      ],
      [{ type: 'copy-headers', entryId: 'ci', label: 'Copy headers', needsUnlock: true }],
    ]);
    const unlocked = entryRows(buildTrayModel(entries, NOW, { locked: false }).items);
    expect(unlocked[0]?.actions[0]).toMatchObject({ type: 'copy-headers', needsUnlock: false });
  });

  it('ends with Open Token Vault, Lock (only when unlocked) and Quit', () => {
    const tail = (locked: boolean) =>
      buildTrayModel([pat('p', NOW + DAY)], NOW, { locked })
        .items.filter((i) => i.type !== 'entry' && i.type !== 'separator')
        .map((i) => ('enabled' in i ? `${i.label}:${String(i.enabled)}` : i.type));
    expect(tail(true)).toEqual(['Open Token Vault:true', 'Lock:false', 'Quit:true']);
    expect(tail(false)).toEqual(['Open Token Vault:true', 'Lock:true', 'Quit:true']);
  });

  it('caps long menus and says how many more there are', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => sms(`s${i}`, NOW + (i + 1) * HOUR));
    const model = buildTrayModel(entries, NOW, { locked: true, maxEntries: 15 });
    expect(entryRows(model.items)).toHaveLength(15);
    expect(model.items.find((i) => i.type === 'more')).toEqual({
      type: 'more',
      label: '9985 more…',
      count: 9985,
    });
  });
});
