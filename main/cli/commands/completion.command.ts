import { VaultFileReader } from '../../core/vault/vault-reader';
import type { CommandRun } from '../cli-context';
import { UsageError } from '../cli-errors';
import { resolveVaultDir } from '../cli-paths';
import { complete, completionText, vaultOption } from '../completion';
import { SHELLS, completionScript, type Shell } from '../completion-scripts';
import { KEPT_LABELS, keptBinding, labelsBytes, labelsOf } from '../kept-values';

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
 * vault file when a session (TOKENVAULT_SESSION) or TOKENVAULT_PASSWORD is at hand (they are
 * sealed); any problem (no vault, an ended session, a damaged file) just offers none,
 * because a completion must never print an error into the user's command line.
 */
export const runComplete: CommandRun = async (ctx) => {
  const words = ctx.passthrough;
  let wantsLabels = false;
  const first = complete(words, () => {
    wantsLabels = true;
    return [];
  });
  const session = ctx.io.env['TOKENVAULT_SESSION'];
  const password = ctx.io.env['TOKENVAULT_PASSWORD'];
  if (!wantsLabels || !(session || password)) {
    ctx.io.stdout(completionText(first));
    return;
  }
  const dir = resolveVaultDir(vaultOption(words), ctx.io);
  const labels = await labelsIn(dir, session ? { session } : { password: password ?? '' });
  ctx.io.stdout(completionText(complete(words, () => labels)));
};

/**
 * Labels are sealed in the vault file, so they complete only where the key is at hand (a
 * session, else TOKENVAULT_PASSWORD in the environment); the locked index names no entry.
 * Only a file that reads at once: completion never recovers or rewrites anything.
 */
async function labelsIn(
  dir: string,
  key: { session: string } | { password: string },
): Promise<string[]> {
  try {
    const reader = VaultFileReader.inFolder(dir, {
      ...('password' in key ? key : {}),
      extent: 'listing',
    });
    if (!reader) return [];
    if ('password' in key) {
      await reader.unlock(key.password);
      return reader.list().map((e) => e.label);
    }
    const session = await import('../../core/vault/vault-session');
    reader.unlockWithSession((wrapped) =>
      session.openSession(dir, key.session, wrapped, Date.now()),
    );
    // A session keeps the labels for the next Tab (the bin answers it from them, kept.ts)
    // while the vault file is the same one.
    const stamp = reader.cacheStamp();
    const binding = stamp && keptBinding(stamp);
    const kept = binding && session.readSessionCache(dir, key.session, KEPT_LABELS, binding);
    const keptLabels = kept && labelsOf(kept);
    if (keptLabels) return keptLabels;
    const labels = reader.list().map((e) => e.label);
    if (binding) {
      session.writeSessionCache(dir, key.session, KEPT_LABELS, binding, labelsBytes(labels));
    }
    return labels;
  } catch {
    return [];
  }
}
