// The label -> entry step shared by the commands that use one entry (headers, token, exec).
// Labels are sealed in the vault file, so the vault is unlocked first; a typo then fails
// with exit 2 before anything is started.
import type { EntryView, ProviderId } from '../../preload/api';
import type { CliReadCore } from './cli-read-core';
import type { CommandContext } from './cli-context';
import { PROVIDER_IDS, isProviderId } from '../core/providers/registry';
import { UsageError } from './cli-errors';

export function providerOption(ctx: CommandContext): ProviderId | undefined {
  const provider = ctx.str('provider');
  if (provider !== undefined && !isProviderId(provider)) {
    throw new UsageError(`--provider must be one of ${PROVIDER_IDS.join(', ')}.`);
  }
  return provider;
}

/** The entry named by the first argument (and --provider), the vault unlocked to find it. */
export async function entryFromArgs(
  ctx: CommandContext,
): Promise<{ core: CliReadCore; entry: EntryView }> {
  const provider = providerOption(ctx);
  const core = await ctx.unlockedReader();
  const entry = await core.findEntry(ctx.positionals[0] ?? '', provider);
  return { core, entry };
}
