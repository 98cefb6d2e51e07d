// Puts secrets on the clipboard and takes them off again (security.md 35-36): after N seconds,
// on lock and on quit, but ONLY while the clipboard still holds what we wrote, so text the
// user copied since is never wiped.
//
// Every write asks for `concealed: true`. The Electron clipboard adapter maps it to the hints
// clipboard managers honour, where the platform has them:
// - macOS: the pasteboard types `org.nspasteboard.ConcealedType` and
//   `org.nspasteboard.TransientType` (nspasteboard.org convention, read by Maccy, Alfred, …);
// - Windows: the formats `ExcludeClipboardContentFromMonitorProcessing`, plus
//   `CanIncludeInClipboardHistory` = DWORD 0 and `CanUploadToCloudClipboard` = DWORD 0 (keeps
//   it out of Win+V history and cloud sync);
// - Linux: the MIME type `x-kde-passwordManagerHint` = `secret` (Klipper and others skip it);
//   X11/Wayland have no general mechanism beyond that.
import { createHash } from 'node:crypto';
import type { ClipboardPort, Clock, Scheduler, TimerHandle } from '../ports';

export interface ClipboardGuardDeps {
  clipboard: ClipboardPort;
  clock: Clock;
  scheduler: Scheduler;
  /** Current setting (settings.clipboardClearSeconds); 0 = never clear by time. */
  clearSeconds: () => number;
}

export class ClipboardGuard {
  /**
   * A digest of what we wrote, not the text itself: enough to tell "still ours" without
   * keeping a decrypted secret in memory for the whole delay.
   */
  private written: string | undefined;
  private timer: TimerHandle | undefined;

  constructor(private readonly deps: ClipboardGuardDeps) {}

  /** Writes `text` concealed and arms the clear timer. Returns when it will be cleared. */
  write(text: string): { clearsAt: number | null } {
    this.cancelTimer();
    this.deps.clipboard.writeText(text, { concealed: true });
    this.written = digest(text);
    const seconds = this.deps.clearSeconds();
    if (!(seconds > 0)) return { clearsAt: null };
    const delayMs = Math.round(seconds * 1000);
    // One pending timer: a newer copy replaces the older one's schedule.
    this.timer = this.deps.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.clearIfOurs();
    }, delayMs);
    return { clearsAt: this.deps.clock.now() + delayMs };
  }

  /** Whether the clipboard currently holds the last value we wrote. */
  holdsOurs(): boolean {
    if (this.written === undefined) return false;
    let current: string;
    try {
      current = this.deps.clipboard.readText();
    } catch {
      return false;
    }
    return digest(current) === this.written;
  }

  /**
   * Clears the clipboard if it still holds our value; forgets the value either way (once the
   * user copied something else, a later clear must not touch it). Returns true if cleared.
   */
  clearIfOurs(): boolean {
    const ours = this.holdsOurs();
    this.cancelTimer();
    this.written = undefined;
    if (ours) this.deps.clipboard.clear();
    return ours;
  }

  /** Vault locked: the headers must not outlive the unlocked session. */
  onLock(): void {
    this.clearIfOurs();
  }

  /** App quitting: nothing will be left to clear it later. */
  onQuit(): void {
    this.clearIfOurs();
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
