import type { CommandRun } from '../cli-context';
import { UsageError } from '../cli-errors';

export const run: CommandRun = async (ctx) => {
  const label = ctx.positionals[0] ?? '';
  const core = await ctx.unlocked();
  const entry = core.findEntry(label, 'smsfactor');
  if (entry.kind !== 'smsfactor-token')
    throw new UsageError(`"${label}" is not an SMSFactor token.`);
  if (entry.status === 'revoked') {
    ctx.io.stdout(`"${entry.label}" was already revoked\n`);
    return;
  }
  const revoked = await (await core.smsfactor()).revoke(entry.id);
  ctx.io.stdout(
    `Revoked SMSFactor token "${revoked.label}" (token id ${revoked.tokenId ?? '?'})\n`,
  );
};
