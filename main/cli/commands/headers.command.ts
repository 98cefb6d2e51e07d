import type { HeaderFormat, ProviderId } from '../../../preload/api';
import { HEADER_FORMATS } from '../../core/export/header-formats';
import type { CommandRun } from '../cli-context';
import { UsageError } from '../cli-errors';

/** Prints the headers; a Fax.Plus OAuth token is refreshed first and the new one saved. */
export const run: CommandRun = async (ctx) => {
  const format = (ctx.str('format') ?? 'http') as HeaderFormat;
  if (!HEADER_FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${HEADER_FORMATS.join(', ')}.`);
  }
  const provider = ctx.str('provider');
  if (provider !== undefined && provider !== 'faxplus' && provider !== 'smsfactor') {
    throw new UsageError('--provider must be faxplus or smsfactor.');
  }
  const label = ctx.positionals[0] ?? '';
  const core = await ctx.core();
  core.requireVault();
  // Resolve the label before asking for the password: a typo fails fast with exit 2.
  const entry = core.findEntry(label, provider as ProviderId | undefined);
  await ctx.unlocked();
  const text = await core.headers().render(entry.id, format);
  ctx.io.stdout(`${text}\n`);
};
