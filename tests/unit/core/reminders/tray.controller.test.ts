import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../preload/api';
import type { TrayModel } from '../../../../main/core/reminders/tray-model';
import { TrayController } from '../../../../main/core/reminders/tray.controller';
import { FakeClock } from '../../../fakes/fake-clock';
import { DAY, FakeVault, HOUR, MIN, pat, sms } from './reminder-fixtures';

function setup(entries: EntryView[] = [pat('ci', Date.UTC(2026, 10, 22, 12) + 30 * DAY)]) {
  const clock = new FakeClock();
  const vault = new FakeVault(entries);
  let leads = [7 * 24 * 60];
  const tray = new TrayController({
    vault,
    settings: () => ({ reminderLeadMinutes: leads }),
    clock,
    scheduler: clock,
  });
  const seen: TrayModel[] = [];
  tray.start();
  tray.onChange((m) => seen.push(m));
  return { clock, vault, tray, seen, setLeads: (l: number[]) => (leads = l) };
}

describe('tray controller', () => {
  it('redraws on a vault change and on lock/unlock', () => {
    const { clock, vault, tray, seen } = setup();
    expect(tray.model().state).toBe('ok');
    vault.set([sms('alerts', clock.now() - HOUR)]);
    expect(tray.model().state).toBe('expired');
    clock.advance(1000);
    expect(seen.at(-1)?.state).toBe('expired');
    const copy = () => tray.model().items.flatMap((i) => (i.type === 'entry' ? i.actions : []))[0];
    expect(copy()).toMatchObject({ type: 'copy-headers', needsUnlock: true });
    vault.setLocked(false);
    expect(copy()).toMatchObject({ type: 'copy-headers', needsUnlock: false });
  });

  it('a burst of vault changes is one redraw, on the same single timer', () => {
    const { clock, vault, seen } = setup();
    for (let i = 0; i < 50; i++) vault.set([sms('alerts', clock.now() + (i + 1) * HOUR)]);
    expect(clock.pending()).toBe(1);
    expect(seen).toEqual([]);
    clock.advance(1000);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.items[0]).toMatchObject({ label: expect.stringContaining('in 2 days') });
    expect(clock.pending()).toBe(1);
  });

  it('keeps ONE timer and moves relative times along on its tick', () => {
    const { clock, tray, seen } = setup([sms('alerts', Date.UTC(2026, 10, 22, 12) + 3 * HOUR)]);
    expect(clock.pending()).toBe(1);
    const label = () => tray.model().items.find((i) => i.type === 'entry');
    expect(label()).toMatchObject({ label: expect.stringContaining('in 3 hours') });
    clock.advance(61 * MIN);
    expect(clock.pending()).toBe(1);
    expect(label()).toMatchObject({ label: expect.stringContaining('in 2 hours') });
    expect(seen.length).toBeGreaterThan(0);
  });

  it('does not announce an unchanged model', () => {
    const { clock, seen } = setup();
    clock.advance(30 * MIN); // "in 30 days" reads the same a few minutes later
    expect(seen).toEqual([]);
  });

  it('a settings change redraws with the new lead times', () => {
    const { tray, setLeads } = setup();
    expect(tray.model().state).toBe('ok');
    setLeads([60 * 24 * 60]);
    tray.refresh();
    expect(tray.model().state).toBe('warning');
  });

  it('stop cancels the tick', () => {
    const { clock, tray } = setup();
    tray.stop();
    expect(clock.pending()).toBe(0);
  });
});
