// Whether closing the window hides it (the app lives on in the tray, so reminders keep
// coming) or really closes it, and whether the app quits once no window is left.

export interface CloseContext {
  /** settings.closeToTray */
  closeToTray: boolean;
  /** A tray icon exists (some Linux desktops have none: hiding would strand the app). */
  trayAvailable: boolean;
  /** The user asked to quit (tray "Quit", Cmd+Q, OS shutdown): never hold the window back. */
  quitting: boolean;
}

/** 'hide' = prevent the close and hide the window; 'close' = let it close. */
export function decideWindowClose(ctx: CloseContext): 'hide' | 'close' {
  if (ctx.quitting) return 'close';
  return ctx.closeToTray && ctx.trayAvailable ? 'hide' : 'close';
}

export interface AllClosedContext {
  platform: NodeJS.Platform;
  closeToTray: boolean;
  trayAvailable: boolean;
}

/** After the last window closed: stay running in the tray (or the macOS dock), or quit. */
export function decideAllWindowsClosed(ctx: AllClosedContext): 'stay' | 'quit' {
  // macOS apps conventionally outlive their windows; the dock icon reopens one.
  if (ctx.platform === 'darwin') return 'stay';
  return ctx.closeToTray && ctx.trayAvailable ? 'stay' : 'quit';
}
