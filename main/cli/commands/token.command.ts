import type { CommandRun } from '../cli-context';
import { entryFromArgs } from '../cli-entry';

/** Only the bearer value, one line, for `$(tokenvault token <label>)` (like `gh auth token`). */
export const run: CommandRun = async (ctx) => {
  const { core, entry } = await entryFromArgs(ctx);
  await ctx.unlockedReader();
  const { set } = await core.headers().credentials(entry.id);
  ctx.io.stdout(`${set.secret}\n`);
};
