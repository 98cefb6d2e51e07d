import { MintedTokenNotSavedError } from '../../core/providers/smsfactor/smsfactor.errors';
import type { CommandRun } from '../cli-context';
import { CliError, EXIT, UsageError } from '../cli-errors';
import { seconds, wireFormat } from '../cli-parse';

/**
 * Mints a token with a stored parent token. Standard output carries only the new token (one
 * line), so `TOKEN=$(tokenvault create smsfactor ...)` works; the rest goes to stderr.
 */
export const run: CommandRun = async (ctx) => {
  const parentLabel = ctx.required('parent');
  const name = ctx.required('name');
  const ttl = ctx.str('ttl');
  const ttlSeconds = ttl === undefined ? null : seconds(ttl, 'ttl');
  const format =
    ctx.str('format') === undefined ? undefined : wireFormat(ctx.str('format'), 'json');
  const core = await ctx.unlocked();
  const parent = core.findEntry(parentLabel, 'smsfactor');
  if (parent.kind !== 'smsfactor-token')
    throw new UsageError(`"${parentLabel}" is not an SMSFactor token.`);
  const sms = await core.smsfactor();
  let minted;
  try {
    minted = await sms.mint({
      parentId: parent.id,
      name,
      label: ctx.str('label'),
      ttlSeconds,
      allowedIps: ctx.list('allowed-ip'),
      subAccountId: ctx.str('account'),
    });
  } catch (err) {
    if (err instanceof MintedTokenNotSavedError) {
      // The last chance to see a token SMSFactor will never show again: print it, fail.
      ctx.io.stdout(`${err.token}\n`);
      throw new CliError(EXIT.failure, err.message);
    }
    throw err;
  }
  ctx.io.stdout(`${minted.token}\n`);
  let entry = minted.entry;
  if (format && format !== entry.format) entry = sms.setFormat(entry.id, format);
  const expiry = entry.expiresAt
    ? `expires ${new Date(entry.expiresAt).toISOString()}`
    : 'no expiry';
  ctx.io.stderr(
    `Stored as "${entry.label}" (SMSFactor token id ${entry.tokenId ?? '?'}, ${expiry}). ` +
      'The token is printed once; it is safe in the vault.\n',
  );
};
