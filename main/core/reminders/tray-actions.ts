// What a tray menu click does, in core so it is tested without Electron. The shell maps each
// menu item to one TrayCommand and handles "Quit" itself (it owns the app's lifetime).
import type { VaultApi } from '../vault/vault.types';

export type TrayCommand =
  | { type: 'copy-headers'; entryId: string }
  | { type: 'reauthorize'; entryId: string }
  | { type: 'open' }
  | { type: 'lock' };

export interface TrayActionDeps {
  vault: Pick<VaultApi, 'isUnlocked' | 'lock'>;
  /** The headers service's copy (audits, clears the clipboard later). */
  copyHeaders: (id: string) => Promise<unknown>;
  /** Starts Fax.Plus re-authorization (opens the browser). */
  reauthorize: (id: string) => Promise<unknown>;
  /** Shows and focuses the window (creating it if needed). */
  showWindow: () => void;
  /** Brings an entry into view in the window. */
  focusEntry: (id: string) => void;
  /** Short feedback outside the window (a desktop notification). No secret ever. */
  inform: (title: string, body: string) => void;
  log?: (line: string) => void;
}

/** Resolves when the command's work is done (tests await it; the shell ignores it). */
export function createTrayActions(deps: TrayActionDeps): (command: TrayCommand) => Promise<void> {
  // Secrets need the key: while locked, the window is where the user unlocks.
  const askToUnlock = (entryId: string) => {
    deps.showWindow();
    deps.focusEntry(entryId);
  };
  return async (command) => {
    switch (command.type) {
      case 'open':
        deps.showWindow();
        return;
      case 'lock':
        if (deps.vault.isUnlocked()) deps.vault.lock('tray');
        return;
      case 'copy-headers':
        if (!deps.vault.isUnlocked()) return askToUnlock(command.entryId);
        try {
          await deps.copyHeaders(command.entryId);
          deps.inform('Headers copied', 'The headers are on the clipboard.');
        } catch {
          // The window shows the entry with its problem (needs re-authorization, revoked…).
          deps.log?.('Copy headers from the tray failed.');
          deps.showWindow();
          deps.focusEntry(command.entryId);
        }
        return;
      case 'reauthorize':
        // The client secret is sealed in the vault: unlock first, then try again.
        if (!deps.vault.isUnlocked()) return askToUnlock(command.entryId);
        deps.showWindow();
        deps.focusEntry(command.entryId);
        try {
          await deps.reauthorize(command.entryId);
        } catch {
          deps.log?.('Re-authorization could not start.');
        }
        return;
    }
  };
}
