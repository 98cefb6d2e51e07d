import { moduleOf } from '../../core/providers/registry';
import type { CommandRun } from '../cli-context';
import { providerOption } from '../cli-entry';
import { CliError, EXIT, UsageError } from '../cli-errors';

/**
 * Deletes any entry from the vault. At a terminal it asks first (a plain y/N on stderr);
 * a script says --yes. The credential itself is not revoked at the provider.
 */
export const run: CommandRun = async (ctx) => {
  const provider = providerOption(ctx);
  const core = await ctx.unlocked();
  const entry = core.findEntry(ctx.positionals[0] ?? '', provider);
  const what = `${moduleOf(entry).trayName} "${entry.label}"`;
  if (!ctx.flag('yes')) {
    if (!ctx.io.stdinIsTTY || ctx.flag('password-stdin')) {
      throw new UsageError(`Add --yes to remove ${what} without being asked.`);
    }
    ctx.io.stderr(`Remove ${what} from the vault? [y/N] `);
    const answer = (await ctx.io.readLine())?.trim() ?? '';
    if (!/^y(es)?$/i.test(answer)) throw new CliError(EXIT.failure, 'Nothing was removed.');
  }
  // An OAuth 2.0 grant is revoked at the server first (RFC 7009), unless --keep-grant; a
  // failed revocation throws here and the entry stays.
  const revoked = ctx.flag('keep-grant') ? false : await core.revokeOnRemove(entry);
  core.vault.remove(entry.id);
  ctx.io.stdout(`${revoked ? 'Revoked the grant and removed' : 'Removed'} ${what}\n`);
  if (entry.status !== 'revoked' && !revoked) {
    ctx.io.stderr(
      'tokenvault: the credential still works at the provider until it is revoked or expires there.\n',
    );
  }
};
