// shell.openExternal behind the Browser port, only for allow-listed https URLs (security.md 5):
// an arbitrary URL could start a local program (file:, smb:, custom schemes).
import { shell } from 'electron';
import { isAllowedExternalUrl } from '../core/app/external-url.policy';
import { IpcError } from '../core/ipc/ipc.errors';
import type { Browser } from '../core/ports';

/** `extraOrigins`: provider endpoints overridden for the local sandbox (TOKENVAULT_*_URL). */
export function createElectronBrowser(extraOrigins: readonly string[] = []): Browser {
  return {
    async openExternal(url, allowOrigins = []) {
      if (!isAllowedExternalUrl(url, [...extraOrigins, ...allowOrigins])) {
        throw new IpcError('forbidden', 'Token Vault opens only the providers’ own https pages.');
      }
      await shell.openExternal(url);
    },
  };
}
