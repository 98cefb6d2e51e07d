import type { CommandRun } from '../cli-context';
import { wireFormat } from '../cli-parse';

/** Stores a token made on the SMSFactor platform; the token comes from standard input. */
export const run: CommandRun = async (ctx) => {
  const label = ctx.required('label');
  const format = wireFormat(ctx.str('format'), 'json');
  const core = await ctx.unlocked();
  const token = await ctx.readSecret('SMSFactor token');
  const sms = await core.smsfactor();
  const entry = await sms.addToken({ label, token, format });
  const who = entry.account?.email ?? entry.account?.id;
  ctx.io.stdout(`Added SMSFactor token "${entry.label}"${who ? ` (account ${who})` : ''}\n`);
};
