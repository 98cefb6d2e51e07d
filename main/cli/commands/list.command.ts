import type { CommandRun } from '../cli-context';
import { JSON_VERSION, entryJson, json, table } from '../cli-output';

/** Metadata is readable while locked (DESIGN.md "Vault"), so no password is asked. */
export const run: CommandRun = async (ctx) => {
  const core = await ctx.core();
  core.requireVault();
  const entries = core.vault.list().map(entryJson);
  if (ctx.flag('json')) {
    ctx.io.stdout(json({ version: JSON_VERSION, entries }));
    return;
  }
  if (entries.length === 0) {
    ctx.io.stderr('The vault has no entries yet.\n');
    return;
  }
  ctx.io.stdout(
    table(
      ['LABEL', 'PROVIDER', 'KIND', 'STATUS', 'EXPIRES', 'ACCOUNT'],
      entries.map((e) => [
        e.label,
        e.provider,
        e.kind,
        e.status,
        e.expiresAt ? e.expiresAt.slice(0, 16).replace('T', ' ') : 'never',
        e.account ?? '',
      ]),
    ),
  );
};
