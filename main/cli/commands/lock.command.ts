import { endSessions } from '../../core/vault/vault-session';
import type { CommandRun } from '../cli-context';

/** Ends every session of the vault (their files are removed); needs no password. */
export const run: CommandRun = (ctx) => {
  const ended = endSessions(ctx.vaultDir, Date.now());
  ctx.io.stdout(
    ended === 0
      ? 'No session was open.\n'
      : `Locked: ended ${ended} session${ended === 1 ? '' : 's'}.\n`,
  );
  return Promise.resolve();
};
