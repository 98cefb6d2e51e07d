// The renderer cannot touch files, and must not choose paths: main shows the native dialogs
// (main/electron/file-dialog.ts) and the core only ever sees the path the user picked.
export interface FileDialog {
  /** A save dialog; the chosen path, or null when the user cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  /** An open dialog for a backup file; the chosen path, or null when cancelled. */
  chooseOpenPath(): Promise<string | null>;
}

/** Suggested file name for a backup made at `now`: token-vault-2026-11-22.tvbackup */
export function backupFileName(now: number): string {
  return `token-vault-${new Date(now).toISOString().slice(0, 10)}.tvbackup`;
}
