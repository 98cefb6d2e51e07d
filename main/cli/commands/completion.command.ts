import { VaultFileReader } from '../../core/vault/vault-reader';
import type { CommandRun } from '../cli-context';
import { UsageError } from '../cli-errors';
import { resolveVaultDir } from '../cli-paths';
import { complete, completionText, vaultOption } from '../completion';
import { SHELLS, completionScript, type Shell } from '../completion-scripts';

/** `tokenvault completion bash|zsh|fish`: the script to source. */
export const run: CommandRun = async (ctx) => {
  const shell = ctx.positionals[0] ?? '';
  if (!SHELLS.includes(shell as Shell)) {
    throw new UsageError(`Give the shell: ${SHELLS.join(', ')}.`);
  }
  ctx.io.stdout(completionScript(shell as Shell));
};

/**
 * `tokenvault __complete -- <words>`: candidates for the last word. Labels are read from the
 * vault file without a password; any problem (no vault, a damaged file) just offers none,
 * because a completion must never print an error into the user's command line.
 */
export const runComplete: CommandRun = async (ctx) => {
  const words = ctx.passthrough;
  const dir = resolveVaultDir(vaultOption(words), ctx.io);
  ctx.io.stdout(completionText(complete(words, () => labelsIn(dir))));
};

/** Only a file that reads at once: completion never recovers or rewrites anything. */
function labelsIn(dir: string): string[] {
  try {
    return (
      VaultFileReader.inFolder(dir)
        ?.list()
        .map((e) => e.label) ?? []
    );
  } catch {
    return [];
  }
}
