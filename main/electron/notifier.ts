// Desktop notifications behind the Notifier port.
import { Notification } from 'electron';
import type { Notifier } from '../core/ports';

export function createElectronNotifier(): Notifier {
  // Notifications are kept referenced until closed: a garbage-collected Notification loses
  // its click handler (electron/electron#12690).
  const live = new Map<string, Notification>();
  return {
    show(notification, onClick) {
      if (!Notification.isSupported()) return;
      live.get(notification.id)?.close();
      const shown = new Notification({ title: notification.title, body: notification.body });
      live.set(notification.id, shown);
      shown.on('click', () => onClick?.());
      shown.on('close', () => {
        if (live.get(notification.id) === shown) live.delete(notification.id);
      });
      shown.show();
    },
  };
}
