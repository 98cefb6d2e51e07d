// Which icon file the tray shows. The PNGs live in assets/tray/ (drawn by
// scripts/make-tray-icons.mjs) and are copied to out/tray/ by the build; a file name without
// "@2x" lets Electron pick the 32x32 one on high-density screens by itself.
import type { TrayState } from './tray-model';

/** 'light' = a light menu bar, so a dark glyph; 'dark' = a dark bar, a light glyph. */
export type MenuBarTheme = 'light' | 'dark';

export const TRAY_STATES: readonly TrayState[] = ['ok', 'warning', 'expired'];
export const MENU_BAR_THEMES: readonly MenuBarTheme[] = ['light', 'dark'];

export function trayIconFile(state: TrayState, theme: MenuBarTheme): string {
  return `tray-${state}-${theme}.png`;
}

/**
 * The menu bar's look, from what the OS tells us. macOS menu bars follow the dark mode
 * setting; Windows' and most Linux panels are dark whatever the app theme is.
 */
export function menuBarTheme(platform: NodeJS.Platform, darkColors: boolean): MenuBarTheme {
  if (platform === 'darwin') return darkColors ? 'dark' : 'light';
  return 'dark';
}
