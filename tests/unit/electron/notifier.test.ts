// main/electron/notifier.ts: one live notification per id, click forwarded, nothing shown
// where the system has no notifications.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronNotifier } from '../../../main/electron/notifier';
import { fakeEvent, Notification, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const reminder = {
  id: 'expiry:e1',
  title: 'Token expires soon',
  body: 'billing expires in 3 days',
};

function shown(index: number): Notification {
  const n = Notification.instances[index];
  if (!n) throw new Error(`no notification #${index}`);
  return n;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('createElectronNotifier', () => {
  it('shows the title and body, and forwards a click', () => {
    const onClick = vi.fn();
    createElectronNotifier().show(reminder, onClick);
    expect(shown(0).options).toEqual({ title: reminder.title, body: reminder.body });
    expect(shown(0).shown).toBe(1);
    shown(0).emit('click', fakeEvent({}));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('a click without a handler does nothing', () => {
    createElectronNotifier().show(reminder);
    expect(() => shown(0).emit('click', fakeEvent({}))).not.toThrow();
  });

  it('the same id again replaces the previous notification; another id does not', () => {
    const notifier = createElectronNotifier();
    notifier.show(reminder);
    notifier.show({ ...reminder, id: 'expiry:e2' });
    expect(shown(0).closed).toBe(false);
    notifier.show({ ...reminder, body: 'billing expires in 2 days' });
    expect(shown(0).closed).toBe(true);
    expect(shown(1).closed).toBe(false);
    expect(shown(2).shown).toBe(1);
  });

  it('a notification the user closed is not closed again', () => {
    const notifier = createElectronNotifier();
    notifier.show(reminder);
    shown(0).emit('close', fakeEvent({}));
    notifier.show(reminder);
    expect(shown(0).closed).toBe(false);
  });

  it('shows nothing where notifications are unsupported', () => {
    Notification.supported = false;
    createElectronNotifier().show(reminder);
    expect(Notification.instances).toEqual([]);
  });
});
