// Native save/open dialogs for encrypted backups, as the core's FileDialog port. Attached to the
// main window when there is one, so the dialog is modal to it.
import { dialog, type BrowserWindow } from 'electron';
import type { FileDialog } from '../core/backup/file-dialog.port';

const FILTERS = [{ name: 'Token Vault backup', extensions: ['tvbackup'] }];

export function createElectronFileDialog(window: () => BrowserWindow | undefined): FileDialog {
  return {
    async chooseSavePath(defaultName) {
      const options = {
        title: 'Save encrypted backup',
        defaultPath: defaultName,
        filters: FILTERS,
      };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath() {
      const options = {
        title: 'Import encrypted backup',
        filters: FILTERS,
        properties: ['openFile' as const],
      };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
