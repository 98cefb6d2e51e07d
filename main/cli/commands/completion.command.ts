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
  const labels = await loadLabels(dir, ctx.io.env);
  ctx.io.stdout(completionText(complete(words, () => labels)));
};

async function loadLabels(dir: string, env: Record<string, string | undefined>) {
  try {
    const { openCliCore } = await import('../cli-core');
    const core = openCliCore({ dir, env, warn: () => undefined });
    return core.vault.list().map((e) => e.label);
  } catch {
    return [];
  }
}
