// Reading and writing backup files. Writes are atomic (temp file in the same folder, fsync,
// rename) and the file is created with mode 0600 from the start: it holds every secret,
// encrypted, and no other account on the machine should even read the ciphertext.
import { readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-file';
import { IpcError } from '../ipc/ipc.errors';
import { MAX_BACKUP_BYTES, unreadable } from './backup.format';

export interface BackupFiles {
  write(path: string, text: string): void;
  read(path: string): string;
}

const storageError = (what: string): IpcError =>
  new IpcError(
    'storage-error',
    `The backup file could not be ${what}. Check the folder and try again.`,
  );

export function nodeBackupFiles(): BackupFiles {
  return {
    write(path, text) {
      try {
        writeFileAtomic(path, text);
      } catch {
        throw storageError('written');
      }
    },
    read(path) {
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        throw storageError('read');
      }
      if (size > MAX_BACKUP_BYTES) throw unreadable();
      try {
        return readFileSync(path, 'utf8');
      } catch {
        throw storageError('read');
      }
    },
  };
}
