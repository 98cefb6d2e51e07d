// Team figures (issue 15), database on loopback: team_headers_ms, a shared entry's headers
// (read the row, open it with the team key, build the headers) next to local_headers_ms, the
// same for an entry of a local vault (open its metadata, open the secret, build); and
// team_refresh_10_clients_ms, ten machines asking for a due shared OAuth token at once, with
// the provider calls that caused (team_refresh_provider_calls, which must be 1). Skipped,
// with a note, where PostgreSQL is not installed.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { EntryView } from '../preload/api';
import { headerPairs } from '../main/core/export/header-formats';
import { refreshShared } from '../main/core/team/shared-refresh';
import { newTeamKey, openShared, sealShared } from '../main/core/team/team-crypto';
import { listenForChanges } from '../main/core/team/team-feed';
import { migrateTeamSchema } from '../main/core/team/team-schema';
import { TeamStore } from '../main/core/team/team-store';
import { nodeRandom } from '../main/core/vault/crypto';
import { createVaultService } from '../main/core/vault/vault.factory';
import type { NewEntry } from '../main/core/vault/vault.types';
import { postgresBin, startPostgres } from '../tests/support/postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Row = [string, number, string];
const TEAM = 'bench-team';
const ROUNDS = 200;

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

interface Shared {
  entry: EntryView;
  secret: string;
  expiresAt: number;
}

export default async function teamBench(): Promise<Row[]> {
  if (!postgresBin()) {
    console.error('team.bench: PostgreSQL is not installed; team figures skipped.');
    return [];
  }
  const server = await startPostgres();
  const pools: pg.Pool[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'team-bench-'));
  try {
    const pool = new pg.Pool({ connectionString: server.url, max: 4 });
    pools.push(pool);
    const client = await pool.connect();
    await migrateTeamSchema(client);
    client.release();
    const store = new TeamStore(pool);
    const key = newTeamKey();
    const entry: EntryView = {
      id: 'shared-1',
      label: 'shared billing',
      provider: 'smsfactor',
      kind: 'smsfactor-token',
      status: 'active',
      createdAt: 1,
      updatedAt: 1,
      ttlSeconds: null,
      expiresAt: null,
      allowedIps: [],
      format: 'json',
    };
    const content: Shared = {
      entry,
      secret: 'sf_shared_bench_token',
      expiresAt: Date.now() + 10_000,
    };
    await store.insert(entry.id, 1, sealShared(key, TEAM, entry.id, 1, content));

    // The same entry in a local vault, for the figure beside it.
    const clock = { now: () => Date.now(), setTimeout: () => ({ cancel: () => undefined }) };
    const vault = createVaultService({
      dir,
      clock,
      scheduler: clock,
      random: nodeRandom(),
      kdfIterations: 1000,
      idleLockMinutes: () => 0,
    });
    vault.start();
    await vault.create('team bench master password');
    const local = Object.fromEntries(
      Object.entries(entry).filter(([k]) => !['id', 'createdAt', 'updatedAt'].includes(k)),
    ) as NewEntry;
    const localId = vault.add(local, { token: content.secret }).id;

    const teamTimes: number[] = [];
    const localTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now();
      const row = await store.get(entry.id);
      const opened = openShared(key, TEAM, entry.id, 1, row?.sealed ?? Buffer.alloc(0)) as Shared;
      headerPairs(opened.entry, opened.secret);
      teamTimes.push(performance.now() - t);
      t = performance.now();
      headerPairs(vault.get(localId), vault.readSecret(localId, 'token') ?? '');
      localTimes.push(performance.now() - t);
    }

    // Ten machines, each with its own connection pool, ask at once for a due token.
    let providerCalls = 0;
    const machines = Array.from({ length: 10 }, () => {
      const p = new pg.Pool({ connectionString: server.url, max: 2 });
      pools.push(p);
      return new TeamStore(p);
    });
    const start = performance.now();
    await Promise.all(
      machines.map((machineStore) =>
        refreshShared<Shared>(
          {
            store: machineStore,
            open: (r) => openShared(key, TEAM, r.id, r.keyEpoch, r.sealed) as Shared,
            seal: (next, r) => ({ sealed: sealShared(key, TEAM, r.id, 1, next), keyEpoch: 1 }),
            isDue: (c) => c.expiresAt - Date.now() < 60_000,
            refresh: async (c) => {
              providerCalls += 1;
              // A stand-in provider that answers in 20 ms (the strict sandbox is in the tests).
              await new Promise((resolve) => setTimeout(resolve, 20));
              return { ...c, secret: `${c.secret}-r`, expiresAt: Date.now() + 3_600_000 };
            },
          },
          entry.id,
        ),
      ),
    );
    const refreshMs = performance.now() - start;

    // What one machine's sync costs as a team grows: 1,000 shared rows read and opened.
    const SYNC_ROWS = 1000;
    for (let i = 0; i < SYNC_ROWS; i++) {
      const id = `bulk-${i}`;
      await store.insert(
        id,
        1,
        sealShared(key, TEAM, id, 1, { ...content, entry: { ...entry, id } }),
      );
    }
    const syncTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const rows = await store.all();
      for (const r of rows) openShared(key, TEAM, r.id, r.keyEpoch, r.sealed);
      syncTimes.push(performance.now() - t);
    }

    // NOTIFY fan-out: one write, 20 listening machines; until the last one has heard of it.
    const LISTENERS = 20;
    let heard = 0;
    let allHeard: () => void = () => undefined;
    const everyone = new Promise<void>((resolve) => (allHeard = resolve));
    const feeds = await Promise.all(
      Array.from({ length: LISTENERS }, () =>
        listenForChanges({
          config: { connectionString: server.url },
          onChange: (c) => {
            if (c.entryId === 'fanout' && ++heard === LISTENERS) allHeard();
          },
        }),
      ),
    );
    const fanStart = performance.now();
    await store.insert('fanout', 1, sealShared(key, TEAM, 'fanout', 1, content));
    await everyone;
    const fanMs = performance.now() - fanStart;
    await Promise.all(feeds.map((f) => f.close()));
    return [
      ['team_headers_ms', median(teamTimes), 'ms'],
      ['local_headers_ms', median(localTimes), 'ms'],
      ['team_vs_local_headers_ratio', median(teamTimes) / median(localTimes), 'x'],
      ['team_refresh_10_clients_ms', refreshMs, 'ms'],
      ['team_refresh_provider_calls', providerCalls, 'calls'],
      ['team_sync_1000_entries_ms', median(syncTimes), 'ms'],
      ['team_notify_20_listeners_ms', fanMs, 'ms'],
    ];
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
