// Electron's safeStorage as the core's SafeStoragePort. getSelectedStorageBackend exists on
// Linux only (and only after 'ready'); elsewhere the OS keychain is the only backend.
import { safeStorage } from 'electron';
import type { SafeStoragePort } from '../core/vault/keychain-unlock';

export function createElectronSafeStorage(platform: string = process.platform): SafeStoragePort {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    getSelectedStorageBackend: () =>
      platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os',
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
