// Unlock with the system keychain (security.md 28): Electron's safeStorage wraps the vault's
// data key, and the wrapped key is kept in the vault file's metadata. Only a real keychain
// counts: on Linux, safeStorage falls back to 'basic_text' (a password hard-coded in Chromium)
// when no secret service is running, which would leave the key readable by anyone who copies
// the file — so that backend, and 'unknown', are refused. Turning the feature off erases the
// wrapped key from the file.
import type { VaultStatus } from '../../../preload/api';
import { IpcError } from '../ipc/ipc.errors';
import type { KeychainRecord } from './vault-file';

/** The part of Electron's safeStorage we use (main/electron/safe-storage.ts adapts it). */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  /** Linux: 'basic_text' | 'gnome_libsecret' | 'kwallet*' | 'unknown'; elsewhere the adapter says 'os'. */
  getSelectedStorageBackend(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** What the keychain needs from the vault (VaultService provides it). */
export interface KeychainVault {
  isUnlocked(): boolean;
  status(): VaultStatus;
  exportKeyForKeychain(): Uint8Array;
  keychainRecord(): KeychainRecord | undefined;
  setKeychainRecord(wrappedKey: string | null): void;
  unlockWithKey(key: Uint8Array): void;
  setKeychainAvailability(available: () => boolean): void;
}

export interface KeychainUnlockDeps {
  vault: KeychainVault;
  safeStorage: SafeStoragePort;
  /** process.platform */
  platform: string;
}

export type Availability = { available: true } | { available: false; reason: string };

/** Linux backends that are not a keychain. */
const FAKE_BACKENDS = new Set(['basic_text', 'unknown', '']);

export function keychainAvailability(port: SafeStoragePort, platform: string): Availability {
  let ready = false;
  let backend = '';
  try {
    ready = port.isEncryptionAvailable();
    backend = ready ? port.getSelectedStorageBackend() : '';
  } catch {
    ready = false;
  }
  if (!ready) {
    return { available: false, reason: 'This system offers no keychain to keep the vault key.' };
  }
  if (platform === 'darwin' || platform === 'win32') return { available: true };
  if (FAKE_BACKENDS.has(backend)) {
    return {
      available: false,
      reason:
        'No system keychain (GNOME Keyring or KWallet) is running, so the key could only be ' +
        'stored with a fixed, publicly known password. Unlock with your master password instead.',
    };
  }
  return { available: true };
}

export class KeychainUnlock {
  constructor(private readonly deps: KeychainUnlockDeps) {}

  /** Makes vault status report whether keychain unlock can be used here. */
  start(): void {
    this.deps.vault.setKeychainAvailability(() => this.availability().available);
  }

  availability(): Availability {
    return keychainAvailability(this.deps.safeStorage, this.deps.platform);
  }

  /** Wraps the data key with the keychain and stores it; needs the vault unlocked. */
  enable(): VaultStatus {
    this.requireAvailable();
    if (!this.deps.vault.isUnlocked()) throw new IpcError('locked', 'Unlock the vault first.');
    const key = this.deps.vault.exportKeyForKeychain();
    try {
      const encoded = Buffer.from(key).toString('base64');
      let wrapped: Buffer;
      try {
        wrapped = this.deps.safeStorage.encryptString(encoded);
      } catch {
        throw new IpcError('storage-error', 'The system keychain refused to store the key.');
      }
      this.deps.vault.setKeychainRecord(wrapped.toString('base64'));
    } finally {
      key.fill(0);
    }
    return this.deps.vault.status();
  }

  /** Erases the wrapped key from the vault file. Needs the vault unlocked (the file is authenticated). */
  disable(): VaultStatus {
    this.deps.vault.setKeychainRecord(null);
    return this.deps.vault.status();
  }

  /** Unlocks with the key the keychain gives back. */
  unlock(): VaultStatus {
    this.requireAvailable();
    const record = this.deps.vault.keychainRecord();
    if (!record) {
      throw new IpcError('unsupported', 'Keychain unlock is off for this vault.');
    }
    let encoded: string;
    try {
      encoded = this.deps.safeStorage.decryptString(Buffer.from(record.wrappedKey, 'base64'));
    } catch {
      throw new IpcError(
        'wrong-password',
        'The system keychain could not unwrap the vault key. Unlock with your password.',
      );
    }
    const key = new Uint8Array(Buffer.from(encoded, 'base64'));
    try {
      this.deps.vault.unlockWithKey(key);
    } finally {
      key.fill(0);
    }
    return this.deps.vault.status();
  }

  private requireAvailable(): void {
    const state = this.availability();
    if (!state.available) throw new IpcError('unsupported', state.reason);
  }
}
