import type { CommandRun } from '../cli-context';
import { dateEnd } from '../cli-parse';

/** Stores a Fax.Plus PAT read from standard input, checked against Fax.Plus first. */
export const run: CommandRun = async (ctx) => {
  const label = ctx.required('label');
  const expires = ctx.str('expires');
  const expiresAt = expires === undefined ? undefined : dateEnd(expires, 'expires');
  const core = await ctx.unlocked();
  const pat = await ctx.readSecret('Fax.Plus personal access token');
  const faxplus = await core.faxplusService({ openBrowser: false });
  const entry = await faxplus.addPat({ label, pat, ...(expiresAt ? { expiresAt } : {}) });
  const expiry =
    entry.kind === 'faxplus-pat' && entry.expiresAt
      ? `expires ${new Date(entry.expiresAt).toISOString().slice(0, 10)}`
      : 'no expiry known';
  ctx.io.stdout(`Added Fax.Plus PAT "${entry.label}" (${expiry})\n`);
};
