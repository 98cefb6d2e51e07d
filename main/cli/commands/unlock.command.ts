import {
  DEFAULT_SESSION_MS,
  SESSION_VARIABLE,
  parseSessionLength,
  startSession,
  whenText,
} from '../../core/vault/vault-session';
import type { CommandRun } from '../cli-context';
import { UsageError } from '../cli-errors';

const lengthText = (ms: number): string =>
  ms % 3_600_000 === 0
    ? `${ms / 3_600_000} h`
    : ms % 60_000 === 0
      ? `${ms / 60_000} min`
      : `${ms / 1000} s`;

/**
 * Starts a session (vault-session.ts): always with the master password, so a session never
 * extends itself. Prints the token as a shell line for `eval "$(tokenvault unlock)"`, or
 * alone with --raw; says on stderr until when it lasts.
 */
export const run: CommandRun = async (ctx) => {
  const given = ctx.str('for');
  const lengthMs = given === undefined ? DEFAULT_SESSION_MS : parseSessionLength(given);
  if (lengthMs === undefined) {
    throw new UsageError('--for: give a length from 10s to 24h, such as 15m, 90s or 8h.');
  }
  const core = await ctx.unlocked({ passwordOnly: true });
  const now = Date.now();
  const { token, expiresAt } = core.vault.withKeyForSession((dek, wrappedDek) =>
    startSession(ctx.vaultDir, dek, wrappedDek, { now, lengthMs }),
  );
  ctx.io.stdout(ctx.flag('raw') ? `${token}\n` : `export ${SESSION_VARIABLE}='${token}'\n`);
  ctx.io.stderr(
    `tokenvault: unlocked for ${lengthText(lengthMs)} (until ${whenText(expiresAt)}) where ${SESSION_VARIABLE} is set; \`tokenvault lock\` ends it.\n`,
  );
};
