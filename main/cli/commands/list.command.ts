import { KEPT_LIST } from '../kept-values';
import type { CommandRun } from '../cli-context';
import { JSON_VERSION, entryJson, expiryOf, json, tableBytes } from '../cli-output';

const minuteUtc = (ms: number | null): string =>
  ms === null ? 'never' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Labels and the rest of the metadata are sealed: the vault is unlocked to list them. With a
 * session, the table drawn last time is printed again while the vault file is the same one
 * (vault-session.ts caches): the file is still read and its MAC checked, but the listing of
 * 10,000 entries is not opened, parsed and drawn again. The bin prints such a table before
 * it even loads the program (kept.ts); this path draws and keeps it.
 */
export const run: CommandRun = async (ctx) => {
  const core = await ctx.unlockedReader({ extent: 'listing' });
  const table = ctx.flag('json') ? undefined : await ctx.sessionCache(core);
  const kept = table?.read(KEPT_LIST);
  if (kept) {
    ctx.io.stdout(kept);
    return;
  }
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
  // per entry that are never shown. A TEAM column only when some entry is shared.
  const shared = entries.some((e) => e.team !== undefined);
  const columns = [
    entries.map((e) => e.label),
    entries.map((e) => e.provider),
    entries.map((e) => e.kind),
    entries.map((e) => e.status),
    entries.map((e) => minuteUtc(expiryOf(e))),
    entries.map((e) => e.account?.email ?? e.account?.id ?? ''),
    ...(shared ? [entries.map((e) => e.team ?? '')] : []),
  ];
  const drawn = tableBytes(
    ['LABEL', 'PROVIDER', 'KIND', 'STATUS', 'EXPIRES', 'ACCOUNT', ...(shared ? ['TEAM'] : [])],
    columns,
  );
  ctx.io.stdout(drawn);
  await table?.write(KEPT_LIST, drawn);
};
