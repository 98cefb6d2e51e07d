import type { CommandRun } from '../cli-context';
import { JSON_VERSION, entryJson, expiryOf, json, table } from '../cli-output';

const minuteUtc = (ms: number | null): string =>
  ms === null ? 'never' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** Labels and the rest of the metadata are sealed: the vault is unlocked to list them. */
export const run: CommandRun = async (ctx) => {
  const core = await ctx.unlockedReader();
  const entries = await core.list();
  if (ctx.flag('json')) {
    ctx.io.stdout(json({ version: JSON_VERSION, entries: entries.map(entryJson) }));
    return;
  }
  if (entries.length === 0) {
    ctx.io.stderr('The vault has no entries yet.\n');
    return;
  }
  // The table needs six fields; building the full JSON shape first would format two dates
  // per entry that are never shown.
  // A TEAM column only when some entry is shared.
  const shared = entries.some((e) => e.team !== undefined);
  ctx.io.stdout(
    table(
      ['LABEL', 'PROVIDER', 'KIND', 'STATUS', 'EXPIRES', 'ACCOUNT', ...(shared ? ['TEAM'] : [])],
      entries.map((e) => [
        e.label,
        e.provider,
        e.kind,
        e.status,
        minuteUtc(expiryOf(e)),
        e.account?.email ?? e.account?.id ?? '',
        ...(shared ? [e.team ?? ''] : []),
      ]),
    ),
  );
};
