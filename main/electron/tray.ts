// The system tray: a thin mapping of core's tray model (core/reminders/tray-model.ts) onto
// Electron's Tray and Menu. Every decision (state, wording, order, what a click does) lives
// in core and is tested there; this file only draws and forwards clicks.
import { join } from 'node:path';
import { Menu, Tray, nativeImage, nativeTheme, type MenuItemConstructorOptions } from 'electron';
import type { TrayCommand } from '../core/reminders/tray-actions';
import { menuBarTheme, trayIconFile } from '../core/reminders/tray-icons';
import type { TrayMenuItem, TrayModel } from '../core/reminders/tray-model';

export interface AppTrayOptions {
  /** Folder of the tray PNGs (out/tray in a build). */
  iconDir: string;
  model: () => TrayModel;
  onModelChange: (listener: (model: TrayModel) => void) => () => void;
  onCommand: (command: TrayCommand) => void;
  onQuit: () => void;
}

export interface AppTray {
  destroy(): void;
}

/** Creates the tray icon, or returns undefined where the desktop has no tray. */
export function createAppTray(options: AppTrayOptions): AppTray | undefined {
  let tray: Tray;
  const iconFor = (model: TrayModel) => {
    const theme = menuBarTheme(process.platform, nativeTheme.shouldUseDarkColors);
    return nativeImage.createFromPath(join(options.iconDir, trayIconFile(model.state, theme)));
  };
  try {
    tray = new Tray(iconFor(options.model()));
  } catch {
    return undefined;
  }

  const menuItem = (item: TrayMenuItem): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'entry':
        return {
          label: item.label,
          submenu: item.actions.map((action) => ({
            label: action.label,
            click: () =>
              options.onCommand(
                action.type === 'copy-headers'
                  ? { type: 'copy-headers', entryId: action.entryId }
                  : { type: 'reauthorize', entryId: action.entryId },
              ),
          })),
        };
      case 'more':
        return { label: item.label, click: () => options.onCommand({ type: 'open' }) };
      case 'separator':
        return { type: 'separator' };
      case 'open':
      case 'lock':
      case 'quit': {
        const command: TrayCommand | undefined =
          item.type === 'quit' ? undefined : { type: item.type === 'lock' ? 'lock' : 'open' };
        return {
          label: item.label,
          enabled: item.enabled,
          click: () => (command ? options.onCommand(command) : options.onQuit()),
        };
      }
    }
  };

  const draw = (model: TrayModel) => {
    if (tray.isDestroyed()) return;
    tray.setImage(iconFor(model));
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(model.items.map(menuItem)));
  };

  draw(options.model());
  const stopModel = options.onModelChange(draw);
  const redrawIcon = () => draw(options.model());
  // The menu bar turned light or dark: the glyph must follow.
  nativeTheme.on('updated', redrawIcon);
  // Windows and Linux open the menu on right click; a left click opens the app.
  if (process.platform !== 'darwin') tray.on('click', () => options.onCommand({ type: 'open' }));

  return {
    destroy() {
      stopModel();
      nativeTheme.removeListener('updated', redrawIcon);
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
