import { constants } from 'node:os';
import { credentialFields, offeredFields } from '../../core/export/credential-fields';
import { runChild } from '../child-process';
import type { CommandRun } from '../cli-context';
import { entryFromArgs } from '../cli-entry';
import { UsageError } from '../cli-errors';
import { assertFieldsExist, childEnvironment, parseEnvSpecs } from '../exec-env';

/** Longest --min-valid: a day (no provider here grants an access token for longer). */
const MAX_MIN_VALID_S = 86_400;

function minValidMs(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds > MAX_MIN_VALID_S) {
    throw new UsageError(`--min-valid takes whole seconds from 0 to ${MAX_MIN_VALID_S}.`);
  }
  return seconds * 1000;
}

/**
 * Runs the command after `--` with the entry's credentials in its environment. Everything is
 * checked (label, --env fields, password, refresh) before the command starts; then this
 * process only waits, passing signals on, and ends the way the command ended.
 */
export const run: CommandRun = async (ctx) => {
  const specs = parseEnvSpecs(ctx.list('env'));
  const minValid = minValidMs(ctx.str('min-valid'));
  const defaults = !ctx.flag('no-defaults');
  if (!defaults && specs.length === 0) {
    throw new UsageError('--no-defaults sets nothing unless --env NAME=FIELD is given too.');
  }
  const { core, entry } = await entryFromArgs(ctx);
  // The fields an entry offers follow from its kind: a wrong one fails before the password.
  assertFieldsExist(specs, offeredFields(entry));
  await ctx.unlockedReader();
  const fresh = await core.headers().credentials(entry.id, { minValidMs: minValid });
  const env = childEnvironment(ctx.io.env, credentialFields(fresh.entry, fresh.set), specs, {
    defaults,
  });
  const end = await runChild(ctx.passthrough, env, ctx.io.takeStdin());
  if (end.signal === undefined) {
    ctx.exitCode = end.code;
    return;
  }
  await ctx.io.exitBySignal(end.signal);
  // Still here: the signal does not end this process (it was ignored); say it as a shell does.
  ctx.exitCode = 128 + (constants.signals[end.signal] ?? 0);
};
