// The one application window and the guards every web contents gets (security.md 1, 3, 4).
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { isAllowedNavigation } from '../core/app/app-origin.policy';
import { decidePermission } from '../core/app/permission.policy';
import { createWindowOptions } from '../core/app/window-options.factory';

export interface MainWindowOptions {
  preloadPath: string;
  /** app://tokenvault/index.html, or the Vite dev server in `npm run dev`. */
  entryUrl: string;
  origins: readonly string[];
  devTools: boolean;
  /** A link the page tried to open in a new window; the Browser adapter applies its allow-list. */
  openExternal(url: string): void;
}

/**
 * Navigation and new windows are refused for ANY web contents (installed from the app's
 * 'web-contents-created' event, so devtools or a future window cannot slip past).
 */
export function hardenWebContents(
  contents: WebContents,
  origins: readonly string[],
  openExternal: (url: string) => void,
): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!isAllowedNavigation(event.url, origins)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Never a new Electron window; an allow-listed provider link goes to the system browser.
    openExternal(url);
    return { action: 'deny' };
  });
}

/** Every permission request and check from web content is refused (security.md 4). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(
    createWindowOptions(options.preloadPath, { devTools: options.devTools }),
  );
  win.removeMenu();
  hardenWebContents(win.webContents, options.origins, options.openExternal);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.entryUrl);
  return win;
}
