// `tokenvault team init|join|invite|members|remove` (issue 15). The connection string is a
// secret (it may carry the database password): it is read from standard input like every
// other secret, or given with --db only when it holds no password. It is kept sealed beside
// the vault; later commands never ask for it again.
import { readFileSync } from 'node:fs';
import type { CommandContext, CommandRun } from '../cli-context';
import { CliError, EXIT, UsageError } from '../cli-errors';
import { JSON_VERSION, json, table } from '../cli-output';

async function connection(ctx: CommandContext): Promise<{ connectionString: string; ca?: string }> {
  const db = ctx.str('db');
  let connectionString: string;
  if (db !== undefined) {
    let password = '';
    try {
      password = new URL(db).password;
    } catch {
      throw new UsageError(
        '--db: give the connection string as postgres://user@host:port/database.',
      );
    }
    if (password) {
      throw new UsageError(
        '--db holds a password: give the connection string on standard input instead, so it stays out of shell history and process lists.',
      );
    }
    connectionString = db;
  } else {
    connectionString = await ctx.readSecret('team database connection string (postgres://…)');
  }
  const caFile = ctx.str('ca');
  let ca: string | undefined;
  if (caFile !== undefined) {
    try {
      ca = readFileSync(caFile, 'utf8');
    } catch {
      throw new UsageError(`--ca: cannot read ${caFile}.`);
    }
  }
  return { connectionString, ...(ca ? { ca } : {}) };
}

const teamName = (ctx: CommandContext) => {
  const name = ctx.str('team');
  return name ? { teamName: name } : {};
};

export const runInit: CommandRun = async (ctx) => {
  const name = ctx.required('name');
  const team = await ctx.teamService();
  try {
    const status = await team.init({ ...(await connection(ctx)), name, ...teamName(ctx) });
    ctx.io.stdout(
      `Created the team "${status.teamName ?? ''}"; you are its admin (${status.name ?? name}).\n`,
    );
    ctx.io.stderr(
      'Others run `tokenvault team join --name <them>` and read you their fingerprint; then `tokenvault team invite <them> --fingerprint <it>`.\n',
    );
  } finally {
    await team.close();
  }
};

export const runJoin: CommandRun = async (ctx) => {
  const name = ctx.required('name');
  const team = await ctx.teamService();
  try {
    const joined = await team.join({ ...(await connection(ctx)), name, ...teamName(ctx) });
    ctx.io.stdout(`${joined.fingerprint}\n`);
    ctx.io.stderr(
      `Asked to join as "${name}". Read this fingerprint to a team admin by a channel you trust (in person, a call); they run \`tokenvault team invite ${name} --fingerprint ${joined.fingerprint}\`.\n`,
    );
  } finally {
    await team.close();
  }
};

export const runInvite: CommandRun = async (ctx) => {
  const name = ctx.positionals[0] ?? '';
  const team = await ctx.teamService();
  try {
    let expected = ctx.str('fingerprint');
    if (expected === undefined) {
      // At a terminal the admin may compare instead of typing it.
      const member = (await team.members()).find(
        (m) => m.name.toLowerCase() === name.toLowerCase() && m.status === 'pending',
      );
      if (!member || !ctx.io.stdinIsTTY || ctx.flag('password-stdin')) {
        throw new UsageError(
          'Add --fingerprint with the fingerprint the member read out to you (from `team join`).',
        );
      }
      ctx.io.stderr(`Does ${member.name} read out ${member.fingerprint}? [y/N] `);
      const answer = (await ctx.io.readLine())?.trim() ?? '';
      if (!/^y(es)?$/i.test(answer)) throw new CliError(EXIT.failure, 'Nobody was invited.');
      expected = member.fingerprint;
    }
    const invited = await team.invite(name, expected);
    ctx.io.stdout(`Invited ${invited.name} (${invited.fingerprint}).\n`);
  } finally {
    await team.close();
  }
};

export const runMembers: CommandRun = async (ctx) => {
  const team = await ctx.teamService();
  try {
    const members = await team.members();
    if (ctx.flag('json')) {
      ctx.io.stdout(json({ version: JSON_VERSION, members }));
      return;
    }
    ctx.io.stdout(
      table(
        ['NAME', 'FINGERPRINT', 'STATUS', 'ROLE'],
        members.map((m) => [
          m.you ? `${m.name} (you)` : m.name,
          m.fingerprint,
          m.status,
          m.admin ? 'admin' : 'member',
        ]),
      ),
    );
  } finally {
    await team.close();
  }
};

export const runRemove: CommandRun = async (ctx) => {
  const name = ctx.positionals[0] ?? '';
  const team = await ctx.teamService();
  try {
    if (!ctx.flag('yes')) {
      if (!ctx.io.stdinIsTTY || ctx.flag('password-stdin')) {
        throw new UsageError(`Add --yes to remove ${name} from the team without being asked.`);
      }
      ctx.io.stderr(`Remove ${name} from the team and rotate the team key? [y/N] `);
      const answer = (await ctx.io.readLine())?.trim() ?? '';
      if (!/^y(es)?$/i.test(answer)) throw new CliError(EXIT.failure, 'Nobody was removed.');
    }
    const result = await team.remove(name);
    ctx.io.stdout(
      `Removed ${name}; the team key was rotated (epoch ${result.epoch}) and ${result.resealed} shared entr${result.resealed === 1 ? 'y' : 'ies'} re-sealed.\n`,
    );
    if (result.rotate.length > 0) {
      ctx.io.stderr(
        `tokenvault: ${name} keeps whatever they already saw. Rotate these credentials at their provider (reconnect, or a new key or token): ${result.rotate.map((e) => `"${e.label}"`).join(', ')}.\n`,
      );
    }
  } finally {
    await team.close();
  }
};
