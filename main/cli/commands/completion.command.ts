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
 * `tokenvault __complete -- <words>`: candidates for the last word. Labels come from the
 * vault file when TOKENVAULT_PASSWORD is set (they are sealed); any problem (no vault, a damaged file) just offers none,
 * because a completion must never print an error into the user's command line.
 */
export const runComplete: CommandRun = async (ctx) => {
  const words = ctx.passthrough;
  let wantsLabels = false;
  const first = complete(words, () => {
    wantsLabels = true;
    return [];
  });
  const password = ctx.io.env['TOKENVAULT_PASSWORD'];
  if (!wantsLabels || !password) {
    ctx.io.stdout(completionText(first));
    return;
  }
  const dir = resolveVaultDir(vaultOption(words), ctx.io);
  const labels = await labelsIn(dir, password);
  ctx.io.stdout(completionText(complete(words, () => labels)));
};

/**
 * Labels are sealed in the vault file, so they complete only where the key is at hand
 * (TOKENVAULT_PASSWORD in the environment); the locked index names no entry. Only a file
 * that reads at once: completion never recovers or rewrites anything.
 */
async function labelsIn(dir: string, password: string): Promise<string[]> {
  try {
    const reader = VaultFileReader.inFolder(dir, { password });
    if (!reader) return [];
    await reader.unlock(password);
    return reader.list().map((e) => e.label);
  } catch {
    return [];
  }
}
