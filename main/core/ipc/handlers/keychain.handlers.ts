// keychain:* — unlock with the system keychain (core/vault/keychain-unlock.ts). Without a
// safeStorage port (plain Node, tests) the feature reports itself unavailable.
import type { KeychainStatus } from '../../../../preload/api';
import type { KeychainUnlock } from '../../vault/keychain-unlock';
import type { VaultApi } from '../../vault/vault.types';
import type { HandlersFor } from '../dispatch';
import { IpcError } from '../ipc.errors';

export interface KeychainHandlerDeps {
  keychain?: Pick<KeychainUnlock, 'availability' | 'enable' | 'disable' | 'unlock'>;
  vault: Pick<VaultApi, 'status'>;
}

const NO_KEYCHAIN = 'Keychain unlock needs the desktop app; it is not available here.';

export function createKeychainHandlers({
  keychain,
  vault,
}: KeychainHandlerDeps): HandlersFor<'keychain'> {
  const require = () => {
    if (!keychain) throw new IpcError('unsupported', NO_KEYCHAIN);
    return keychain;
  };
  return {
    'keychain:status': (): KeychainStatus => {
      const enabled = vault.status().keychainUnlockEnabled;
      if (!keychain) return { available: false, enabled, reason: NO_KEYCHAIN };
      const state = keychain.availability();
      return state.available
        ? { available: true, enabled }
        : { available: false, enabled, reason: state.reason };
    },
    'keychain:enable': () => require().enable(),
    'keychain:disable': () => require().disable(),
    'keychain:unlock': () => require().unlock(),
  };
}
