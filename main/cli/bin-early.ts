// What the bin (bin.ts) does before it imports the program, for the commands that unlock the
// vault first (CommandSpec.unlocks): with the password in the environment, it starts the KDF (the longest step of these
// commands) so that it runs while the program and its chunks load. A wrong guess of the file
// or the command only costs the work: the program uses the key only for the same password,
// salt and iterations (early-kdf.ts). Imported by the bin only when it runs a command, so
// `--help` loads none of this.
import { join } from 'node:path';
import { startKdfForFile } from '../core/vault/early-kdf';
import { processVaultDir } from './cli-paths';

/** `--vault DIR` or `--vault=DIR` before any `--`, as the program's argument parser reads it. */
function vaultFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--vault') return argv[i + 1];
    if (arg.startsWith('--vault=')) return arg.slice('--vault='.length);
  }
  return undefined;
}

/** Starts the KDF of the vault `argv` names, for the password in `env` (if there is one). */
export function startEarlyKdf(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const password = env['TOKENVAULT_PASSWORD'];
  // With a session the vault opens without the KDF (the program falls back to it only when
  // the session has ended).
  if (!password || env['TOKENVAULT_SESSION']) return;
  startKdfForFile(join(processVaultDir(vaultFlag(argv), env), 'vault.json'), password);
}
