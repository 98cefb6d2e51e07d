// backup:* — encrypted export and import. Main picks the file through a native dialog; the
// renderer sends only the passphrase and the conflict rule.
import type { Clock } from '../../ports';
import type { BackupService } from '../../backup/backup.service';
import { backupFileName, type FileDialog } from '../../backup/file-dialog.port';
import type { HandlersFor } from '../dispatch';
import { IpcError, unsupported } from '../ipc.errors';

export interface BackupHandlerDeps {
  backup: Pick<BackupService, 'checkExport' | 'exportTo' | 'importFrom' | 'requireUnlocked'>;
  /** Absent where there is no window (tests, headless): the channels then say 'unsupported'. */
  dialog?: FileDialog;
  clock: Clock;
}

const cancelled = () => new IpcError('cancelled', 'No file was chosen.');

export function createBackupHandlers({
  backup,
  dialog,
  clock,
}: BackupHandlerDeps): HandlersFor<'backup'> {
  return {
    'backup:export': async ({ password }) => {
      backup.checkExport(password);
      if (!dialog) throw unsupported('Saving a backup from the window');
      const path = await dialog.chooseSavePath(backupFileName(clock.now()));
      if (!path) throw cancelled();
      const { entries } = await backup.exportTo(path, password);
      return { path, entries };
    },
    'backup:import': async ({ password, onConflict }) => {
      backup.requireUnlocked();
      if (!dialog) throw unsupported('Importing a backup from the window');
      const path = await dialog.chooseOpenPath();
      if (!path) throw cancelled();
      return backup.importFrom(path, password, onConflict);
    },
  };
}
