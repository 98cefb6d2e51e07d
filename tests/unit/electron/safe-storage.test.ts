// security.md 28: main/electron/safe-storage.ts must report Linux's real safeStorage backend
// as is, so the core can refuse 'basic_text' and 'unknown'; elsewhere the OS keychain is used.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronSafeStorage } from '../../../main/electron/safe-storage';
import { resetFakeElectron, safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => {
  resetFakeElectron();
});

describe('createElectronSafeStorage (security.md 28)', () => {
  it.each(['basic_text', 'unknown', 'gnome_libsecret', 'kwallet5'])(
    'Linux backend %s is reported unchanged',
    (backend) => {
      safeStorage.backend = backend;
      expect(createElectronSafeStorage('linux').getSelectedStorageBackend()).toBe(backend);
    },
  );

  it.each(['darwin', 'win32'])(
    'on %s the backend is the OS keychain, without calling the Linux-only API',
    (platform) => {
      expect(createElectronSafeStorage(platform).getSelectedStorageBackend()).toBe('os');
      expect(safeStorage.calls).toEqual([]);
    },
  );

  it('passes availability, encryption and decryption through', () => {
    const port = createElectronSafeStorage('linux');
    safeStorage.available = false;
    expect(port.isEncryptionAvailable()).toBe(false);
    const wrapped = port.encryptString('dek-bytes');
    expect(wrapped.toString()).toBe('wrapped:dek-bytes');
    expect(port.decryptString(wrapped)).toBe('dek-bytes');
    expect(safeStorage.calls).toEqual(['isEncryptionAvailable', 'encryptString', 'decryptString']);
  });
});
