import type { Notification, Notifier } from '../../main/core/ports';

/** Keeps every notification shown, and lets a test click one. */
export class MemoryNotifier implements Notifier {
  readonly shown: Notification[] = [];
  private readonly clicks = new Map<string, () => void>();

  show(notification: Notification, onClick?: () => void): void {
    this.shown.push(notification);
    if (onClick) this.clicks.set(notification.id, onClick);
  }

  /** What the user clicking the notification does. */
  click(id: string): void {
    const onClick = this.clicks.get(id);
    if (!onClick) throw new Error(`no clickable notification ${id}`);
    onClick();
  }
}
