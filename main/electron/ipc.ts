// ipcMain registration with the sender check, and the event channel towards the window.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { EventMap, EventName } from '../../preload/api';
import { isTrustedSenderFrame } from '../core/app/app-origin.policy';
import { registerHandlers, type DispatchOptions, type Handlers } from '../core/ipc/dispatch';

export function registerIpc(
  handlers: Handlers,
  origins: readonly string[],
  hooks: Omit<DispatchOptions<IpcMainInvokeEvent>, 'isTrustedSender' | 'schemas'> = {},
): () => void {
  return registerHandlers<IpcMainInvokeEvent>(ipcMain, handlers, {
    ...hooks,
    isTrustedSender: (event) => {
      const frame = event.senderFrame;
      if (!frame) return false;
      return isTrustedSenderFrame({ url: frame.url, isMainFrame: frame.parent === null }, origins);
    },
  });
}

/** Sends an event to the window if it still exists (payload only; see preload/index.ts). */
export function createEventSender(getWindow: () => BrowserWindow | undefined) {
  return <E extends EventName>(event: E, payload: EventMap[E]): void => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(event, payload);
  };
}
