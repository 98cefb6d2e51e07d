// A stand-in for the `electron` module, so the thin adapters in main/electron/ run under plain
// Node (there is no Electron binary here). Each fake records what an adapter asked Electron
// to do and lets a test emit the events Electron would emit, with Electron 45's argument
// shapes. Wire it with `vi.mock('electron', () => import('./fake-electron'))`; the test then
// imports this file too and gets the same instances.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron `Event`: the adapters only read fields and call preventDefault. */
export type FakeEvent<T extends object = object> = T & {
  prevented: boolean;
  preventDefault(): void;
};

export function fakeEvent<T extends object>(fields: T): FakeEvent<T> {
  const event = {
    ...fields,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

export type NavigationEvent = 'will-navigate' | 'will-redirect' | 'will-frame-navigate';

export interface WindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: WindowOpenDetails) => unknown) | undefined;
  readonly sent: unknown[][] = [];

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => unknown): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }

  /** Emits a navigation the way Electron 45 does; returns true when a listener prevented it. */
  navigate(name: NavigationEvent, url: string): boolean {
    if (name === 'will-frame-navigate') {
      const event = fakeEvent({ url, isMainFrame: false, isSameDocument: false, frame: null });
      this.emit(name, event);
      return event.prevented;
    }
    const event = fakeEvent({ url, isSameDocument: false, isMainFrame: true, frame: null });
    // The deprecated positional arguments still follow the event object.
    this.emit(name, event, url, false, true, 1, 1);
    return event.prevented;
  }

  /** A page adding <webview src=…>; returns true when a listener prevented it. */
  attachWebview(src: string): boolean {
    const event = fakeEvent({});
    this.emit('will-attach-webview', event, { nodeIntegration: true }, { src });
    return event.prevented;
  }

  /** window.open / target=_blank, as Chromium reports it to the handler. */
  openWindow(url: string): unknown {
    if (!this.windowOpenHandler) throw new Error('no window open handler was set');
    return this.windowOpenHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
    });
  }
}

type PermissionCallback = (granted: boolean) => void;

export class FakeSession {
  requestHandler:
    | ((
        contents: unknown,
        permission: string,
        callback: PermissionCallback,
        details: { requestingUrl: string; isMainFrame: boolean },
      ) => void)
    | null
    | undefined;
  checkHandler:
    | ((contents: unknown, permission: string, origin: string, details: object) => boolean)
    | null
    | undefined;
  deviceHandler: ((details: object) => boolean) | null | undefined;

  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['deviceHandler']): void {
    this.deviceHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  menuRemoved = false;
  shown = 0;
  destroyed = false;

  constructor(readonly options: unknown) {
    super();
    BrowserWindow.instances.push(this);
  }
  removeMenu(): void {
    this.menuRemoved = true;
  }
  show(): void {
    this.shown += 1;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

class FakeApp extends EventEmitter {
  readonly protocolClients: unknown[][] = [];
  userData = '/nonexistent/user-data';
  getPath(_name: string): string {
    return this.userData;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  setAsDefaultProtocolClient(...args: unknown[]): boolean {
    this.protocolClients.push(args);
    return true;
  }
}
export const app = new FakeApp();

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain: invoke handlers (handle) plus ordinary listeners (on), as in Electron. */
class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    // Like Electron: a second handler on one channel is an error.
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke(channel, payload) from `event`'s frame resolves with. */
  async invoke(channel: string, event: unknown, payload: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, payload);
  }
}
export const ipcMain = new FakeIpcMain();

export const shell = {
  openExternal: vi.fn((_url: string) => Promise.resolve()),
};

export const powerMonitor = new EventEmitter();

type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
};

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  calls: [] as string[],
  isEncryptionAvailable(): boolean {
    this.calls.push('isEncryptionAvailable');
    return this.available;
  },
  getSelectedStorageBackend(): string {
    this.calls.push('getSelectedStorageBackend');
    return this.backend;
  },
  encryptString(plain: string): Buffer {
    this.calls.push('encryptString');
    return Buffer.from(`wrapped:${plain}`);
  },
  decryptString(encrypted: Buffer): string {
    this.calls.push('decryptString');
    return encrypted.toString().replace(/^wrapped:/, '');
  },
};

export class Notification extends EventEmitter {
  static supported = true;
  static readonly instances: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }
  shown = 0;
  closed = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    Notification.instances.push(this);
  }
  show(): void {
    this.shown += 1;
  }
  close(): void {
    this.closed = true;
  }
}

export class ClipboardItem {
  constructor(readonly items: Record<string, string>) {}
}

/** The system clipboard, asynchronous as in Electron 45. */
export const clipboard = {
  text: '',
  written: [] as ClipboardItem[][],
  cleared: 0,
  readText(): Promise<string> {
    return Promise.resolve(this.text);
  },
  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  },
  write(items: ClipboardItem[]): Promise<void> {
    this.written.push(items);
    this.text = items[0]?.items['text/plain'] ?? '';
    return Promise.resolve();
  },
  clear(): void {
    this.cleared += 1;
    this.text = '';
  },
};

type DialogResult = { canceled: boolean; filePath?: string; filePaths?: string[] };

/** Native dialogs: records (parent?, options) per call and answers with `next`. */
export const dialog = {
  calls: [] as unknown[][],
  next: { canceled: true } as DialogResult,
  showSaveDialog(...args: unknown[]): Promise<DialogResult> {
    this.calls.push(['save', ...args]);
    return Promise.resolve(this.next);
  },
  showOpenDialog(...args: unknown[]): Promise<DialogResult> {
    this.calls.push(['open', ...args]);
    return Promise.resolve(this.next);
  },
};

/** Call in beforeEach: every fake back to a fresh state. */
export function resetFakeElectron(): void {
  BrowserWindow.instances.length = 0;
  app.removeAllListeners();
  app.protocolClients.length = 0;
  app.userData = '/nonexistent/user-data';
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  shell.openExternal.mockClear();
  powerMonitor.removeAllListeners();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  Object.assign(safeStorage, { available: true, backend: 'gnome_libsecret', calls: [] });
  Notification.supported = true;
  Notification.instances.length = 0;
  Object.assign(clipboard, { text: '', written: [], cleared: 0 });
  Object.assign(dialog, { calls: [], next: { canceled: true } });
}
