// The label -> entry step shared by the commands that use one entry (headers, token, exec).
// The label is resolved before any password is asked, so a typo fails fast with exit 2 and
// nothing is started.
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

/** The entry named by the first argument (and --provider), with the vault still locked. */
export async function entryFromArgs(
  ctx: CommandContext,
): Promise<{ core: CliReadCore; entry: EntryView }> {
  const provider = providerOption(ctx);
  const core = await ctx.reader({ willUnlock: true });
  const entry = await core.findEntry(ctx.positionals[0] ?? '', provider);
  return { core, entry };
}
