// vault:* — create, unlock, lock, change password, status. Each returns the fresh status so
// the renderer never has to guess what a call changed.
import type { PasswordRules } from '../../../../preload/api';
import type { VaultApi } from '../../vault/vault.types';
import type { HandlersFor } from '../dispatch';

export interface VaultHandlerDeps {
  vault: VaultApi;
  /** The minimum-strength rule the vault enforces, as the UI explains it. */
  passwordRules(): PasswordRules;
}

export function createVaultHandlers({
  vault,
  passwordRules,
}: VaultHandlerDeps): HandlersFor<'vault'> {
  return {
    'vault:get-status': () => vault.status(),
    'vault:get-password-rules': () => passwordRules(),
    'vault:create': async ({ password }) => {
      await vault.create(password);
      return vault.status();
    },
    'vault:unlock': async ({ password }) => {
      await vault.unlock(password);
      return vault.status();
    },
    'vault:lock': () => {
      vault.lock();
      return vault.status();
    },
    'vault:change-password': async ({ current, next }) => {
      await vault.changePassword(current, next);
      return vault.status();
    },
  };
}
