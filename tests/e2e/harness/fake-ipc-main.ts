// A stand-in for Electron's ipcMain: main's real registerHandlers puts its listeners here and
// the page binding calls them with an event describing the calling frame, as Electron would.
import type { IpcMainLike } from '../../../main/core/ipc/dispatch';
import type { SenderFrame } from '../../../main/core/app/app-origin.policy';

/** The slice of Electron's IpcMainInvokeEvent the dispatcher looks at. */
export interface FakeIpcEvent {
  senderFrame: SenderFrame;
}

type Listener = (event: FakeIpcEvent, payload: unknown) => Promise<unknown> | unknown;

export class FakeIpcMain implements IpcMainLike<FakeIpcEvent> {
  private readonly listeners = new Map<string, Listener>();
  private readonly gates = new Map<string, Promise<void>>();

  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }

  channels(): string[] {
    return [...this.listeners.keys()];
  }

  /**
   * Holds every call on `channel` until the returned function is called, so a test can look
   * at the screen while main is still working (e.g. "Deriving key…") without timing guesses.
   */
  hold(channel: string): () => void {
    let release = () => {};
    this.gates.set(
      channel,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    return () => {
      this.gates.delete(channel);
      release();
    };
  }

  /** What ipcRenderer.invoke does: an unknown channel rejects, as in Electron. */
  async invoke(channel: string, payload: unknown, event: FakeIpcEvent): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    await this.gates.get(channel);
    return listener(event, payload);
  }
}
