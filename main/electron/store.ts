// electron-store as the vault's and settings' file writer in the app (the CLI and tests use
// its base, conf, on the same files).
import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import type { BackendFactory, ConfLike, RawStore } from '../core/vault/store-backend';

export const electronStoreBackend: BackendFactory = (options) => {
  const store = new ElectronStore<RawStore>(options);
  // electron-store answers a sync IPC message ('electron-store-get-data') with the user-data
  // path for renderer-side stores. We have none, and main answers only contract channels.
  ipcMain.removeAllListeners('electron-store-get-data');
  return store as unknown as ConfLike;
};
