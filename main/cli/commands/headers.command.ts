import type { HeaderFormat } from '../../../preload/api';
import { HEADER_FORMATS } from '../../core/export/header-formats';
import type { CommandRun } from '../cli-context';
import { entryFromArgs } from '../cli-entry';
import { UsageError } from '../cli-errors';

/** Prints the headers; an OAuth token (Fax.Plus, OAuth 2.0) is refreshed first and saved. */
export const run: CommandRun = async (ctx) => {
  const format = (ctx.str('format') ?? 'http') as HeaderFormat;
  if (!HEADER_FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${HEADER_FORMATS.join(', ')}.`);
  }
  const { core, entry } = await entryFromArgs(ctx);
  await ctx.unlockedReader();
  const text = await core.headers().render(entry.id, format);
  ctx.io.stdout(`${text}\n`);
};
