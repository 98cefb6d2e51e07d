// Issue 15, first slice, against a real PostgreSQL (tests/support/postgres.ts) and the strict
// OAuth 2.0 sandbox (rotating refresh tokens, reuse revokes the grant): the schema and its
// migrations, end-to-end encryption of the team key and of shared entries, compare-and-set
// writes, and one refresh across three machines asking at once.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshShared } from '../../../main/core/team/shared-refresh';
import {
  fingerprint,
  newMemberKeyPair,
  newTeamKey,
  openShared,
  sealShared,
  unwrapTeamKey,
  wrapTeamKey,
  type MemberKeyPair,
} from '../../../main/core/team/team-crypto';
import { listenForChanges, type TeamChange } from '../../../main/core/team/team-feed';
import { TEAM_MIGRATIONS, migrateTeamSchema } from '../../../main/core/team/team-schema';
import { TeamStore, type SharedRow } from '../../../main/core/team/team-store';
import {
  DEMO_OAUTH2_CLIENT,
  startOAuth2Sandbox,
  type OAuth2Sandbox,
} from '../../sandbox/oauth2/oauth2.sandbox';
import { postgresBin, startPostgres, type PostgresServer } from '../../support/postgres';

const TEAM = 'team-7f3a';
const LABEL = 'shared google app';
const CLIENT_SECRET = DEMO_OAUTH2_CLIENT.clientSecret ?? '';

interface SharedOAuth {
  label: string;
  clientId: string;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: number;
}

let server: PostgresServer;
let sandbox: OAuth2Sandbox;
const pools: pg.Pool[] = [];

function machine(): { pool: pg.Pool; store: TeamStore } {
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  // An idle connection the server dropped (the offline test) is only discarded.
  pool.on('error', () => undefined);
  pools.push(pool);
  return { pool, store: new TeamStore(pool) };
}

/** The authorization code flow against the sandbox, as a browser and the app would do it. */
async function connect(): Promise<{ accessToken: string; refreshToken: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirect = 'http://127.0.0.1/oauth/oauth2';
  const url = new URL(sandbox.authorizeUrl);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: DEMO_OAUTH2_CLIENT.clientId,
    redirect_uri: redirect,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st',
    scope: 'read',
  }))
    url.searchParams.set(k, v);
  const back = new URL(await sandbox.control.authorize(url.toString()));
  return tokenRequest({
    grant_type: 'authorization_code',
    code: back.searchParams.get('code') ?? '',
    redirect_uri: redirect,
    code_verifier: verifier,
  });
}

async function tokenRequest(form: Record<string, string>) {
  const basic = Buffer.from(`${DEMO_OAUTH2_CLIENT.clientId}:${CLIENT_SECRET}`).toString('base64');
  const res = await fetch(sandbox.tokenUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await res.json()) as {
    access_token?: string;
    refresh_token?: string;
    error?: string;
  };
  if (!res.ok || !body.access_token || !body.refresh_token) {
    throw new Error(`token endpoint: ${body.error ?? res.status}`);
  }
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}

const HAVE_POSTGRES = postgresBin() !== undefined;

beforeAll(async () => {
  if (!HAVE_POSTGRES) return;
  server = await startPostgres();
  sandbox = await startOAuth2Sandbox();
  const { pool } = machine();
  const client = await pool.connect();
  try {
    await migrateTeamSchema(client);
  } finally {
    client.release();
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await sandbox?.close();
  server?.stop();
});

describe.skipIf(!HAVE_POSTGRES)(
  'a team vault on PostgreSQL (skipped where PostgreSQL is not installed)',
  () => {
    it('applies its migrations once, however many machines connect at once', async () => {
      const results = await Promise.all(
        [machine(), machine(), machine()].map(async ({ pool }) => {
          const client = await pool.connect();
          try {
            return await migrateTeamSchema(client);
          } finally {
            client.release();
          }
        }),
      );
      expect(results).toEqual([[], [], []]);
      const { pool } = machine();
      const versions = await pool.query<{ version: number }>(
        'SELECT version FROM team_schema_migrations ORDER BY version',
      );
      expect(versions.rows.map((r) => r.version)).toEqual(TEAM_MIGRATIONS.map((m) => m.version));
      // The audit trail is append-only, whoever asks.
      await pool.query("INSERT INTO team_audit (entry_id, sealed) VALUES ('x', '\\x00')");
      await expect(pool.query('DELETE FROM team_audit')).rejects.toThrow(/append-only/);
    });

    it('wraps the team key per member; a removed member cannot open what is written after the rotation', async () => {
      const alice = newMemberKeyPair();
      const bob = newMemberKeyPair();
      // The fingerprint compared out of band: short, stable, and different per key.
      expect(fingerprint(bob.publicKey)).toMatch(
        /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/,
      );
      expect(fingerprint(bob.publicKey)).toBe(fingerprint(bob.publicKey));
      expect(fingerprint(alice.publicKey)).not.toBe(fingerprint(bob.publicKey));

      const epoch1 = newTeamKey();
      const forBob = wrapTeamKey(epoch1, bob.publicKey, TEAM);
      expect(unwrapTeamKey(forBob, bob, TEAM).equals(epoch1)).toBe(true);
      expect(() => unwrapTeamKey(forBob, alice, TEAM)).toThrow(/integrity/);
      expect(() => unwrapTeamKey(forBob, bob, 'another-team')).toThrow(/integrity/);

      // Bob is removed: a new key (epoch 2) is wrapped for Alice only, and entries re-sealed.
      const epoch2 = newTeamKey();
      const sealed = sealShared(epoch2, TEAM, 'e1', 2, { label: LABEL });
      const bobsKey = unwrapTeamKey(forBob, bob, TEAM);
      expect(() => openShared(bobsKey, TEAM, 'e1', 2, sealed)).toThrow(/integrity/);
      const forAlice = wrapTeamKey(epoch2, alice.publicKey, TEAM);
      expect(openShared(unwrapTeamKey(forAlice, alice, TEAM), TEAM, 'e1', 2, sealed)).toEqual({
        label: LABEL,
      });
      // A sealed entry moved to another id or epoch does not open.
      expect(() => openShared(epoch2, TEAM, 'e2', 2, sealed)).toThrow(/integrity/);
      expect(() => openShared(epoch2, TEAM, 'e1', 1, sealed)).toThrow(/integrity/);
    });

    it('compare-and-set: two machines edit one entry, nothing is lost and the loser is told', async () => {
      const key = newTeamKey();
      const a = machine().store;
      const b = machine().store;
      const seal = (content: object) => sealShared(key, TEAM, 'cas', 1, content);
      expect(await a.insert('cas', 1, seal({ label: 'ops', notes: [] }))).toBe(true);
      expect(await b.insert('cas', 1, seal({ label: 'other' }))).toBe(false);

      const readA = await a.get('cas');
      const readB = await b.get('cas');
      if (!readA || !readB) throw new Error('setup');
      const edit = (row: SharedRow, note: string) => {
        const content = openShared(key, TEAM, 'cas', 1, row.sealed) as { notes: string[] };
        return seal({ ...content, notes: [...content.notes, note] });
      };
      const first = await a.compareAndSet('cas', readA.version, 1, edit(readA, 'from a'));
      const second = await b.compareAndSet('cas', readB.version, 1, edit(readB, 'from b'));
      expect(first).toEqual({ ok: true, version: 2 });
      expect(second.ok).toBe(false);
      // The loser retries on fresh data: both edits are there.
      if (second.ok || !second.current) throw new Error('expected a conflict');
      const retried = await b.compareAndSet(
        'cas',
        second.current.version,
        1,
        edit(second.current, 'from b'),
      );
      expect(retried).toEqual({ ok: true, version: 3 });
      const final = await a.get('cas');
      expect(openShared(key, TEAM, 'cas', 1, final?.sealed ?? Buffer.alloc(0))).toMatchObject({
        notes: ['from a', 'from b'],
      });
    });

    it('three machines asking at once when the token is due: one refresh, the same new token for all', async () => {
      const key = newTeamKey();
      const members: MemberKeyPair[] = [newMemberKeyPair(), newMemberKeyPair(), newMemberKeyPair()];
      const setup = machine();
      for (const [i, m] of members.entries()) {
        await setup.pool.query(
          'INSERT INTO team_members (id, public_key, key_epoch, wrapped_key) VALUES ($1, $2, 1, $3)',
          [`m${i}`, Buffer.from(m.publicKey, 'base64'), wrapTeamKey(key, m.publicKey, TEAM)],
        );
      }
      const tokens = await connect();
      const content: SharedOAuth = {
        label: LABEL,
        clientId: DEMO_OAUTH2_CLIENT.clientId,
        ...tokens,
        // Due: the access token is about to end.
        accessExpiresAt: Date.now() + 10_000,
      };
      await setup.store.insert('oauth', 1, sealShared(key, TEAM, 'oauth', 1, content));
      const before = sandbox.control.refreshCount();

      const machines = members.map((member, i) => {
        const { store, pool } = machine();
        return { member, store, pool, id: `m${i}` };
      });
      const results = await Promise.all(
        machines.map(async ({ member, store, pool, id }) => {
          const wrapped = await pool.query<{ wrapped_key: Buffer }>(
            'SELECT wrapped_key FROM team_members WHERE id = $1',
            [id],
          );
          const teamKey = unwrapTeamKey(
            wrapped.rows[0]?.wrapped_key ?? Buffer.alloc(0),
            member,
            TEAM,
          );
          return refreshShared<SharedOAuth>(
            {
              store,
              open: (row) =>
                openShared(teamKey, TEAM, row.id, row.keyEpoch, row.sealed) as SharedOAuth,
              seal: (next, row) => ({
                sealed: sealShared(teamKey, TEAM, row.id, 1, next),
                keyEpoch: 1,
              }),
              isDue: (c) => c.accessExpiresAt - Date.now() < 60_000,
              refresh: async (c) => {
                const fresh = await tokenRequest({
                  grant_type: 'refresh_token',
                  refresh_token: c.refreshToken,
                });
                return { ...c, ...fresh, accessExpiresAt: Date.now() + 3_600_000 };
              },
            },
            'oauth',
          );
        }),
      );
      expect(sandbox.control.refreshCount() - before).toBe(1);
      expect(sandbox.control.revokedFamilies()).toBe(0);
      expect(results.filter((r) => r.refreshed)).toHaveLength(1);
      const access = new Set(results.map((r) => r.content.accessToken));
      expect(access.size).toBe(1);
      expect([...access][0]).not.toBe(tokens.accessToken);
      // The rotated refresh token is the live one: the next refresh works.
      const row = await setup.store.get('oauth');
      const stored = openShared(
        key,
        TEAM,
        'oauth',
        1,
        row?.sealed ?? Buffer.alloc(0),
      ) as SharedOAuth;
      await expect(
        tokenRequest({ grant_type: 'refresh_token', refresh_token: stored.refreshToken }),
      ).resolves.toMatchObject({ accessToken: expect.any(String) });
    });

    it('a client killed (-9) inside a refresh transaction leaves the row as it was, and unlocked', async () => {
      const key = newTeamKey();
      const { store } = machine();
      const original = sealShared(key, TEAM, 'crash', 1, { label: 'crash', n: 1 });
      await store.insert('crash', 1, original);
      // A separate process takes the row lock, writes, and dies before committing.
      const script = `
      const pg = require(${JSON.stringify(createRequire(import.meta.url).resolve('pg'))});
      const c = new pg.Client({ connectionString: ${JSON.stringify(server.url)} });
      (async () => {
        await c.connect();
        await c.query('BEGIN');
        await c.query("SELECT * FROM team_entries WHERE id = 'crash' FOR UPDATE");
        await c.query("UPDATE team_entries SET sealed = '\\\\x00', version = version + 1 WHERE id = 'crash'");
        process.stdout.write('locked\\n');
      })();`;
      const child = spawn(process.execPath, ['-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // The server rolls the dead session back: the lock frees and the old row is intact.
      const after = await store.withEntryLock('crash', async (row) => ({ result: row }), 15_000);
      expect(after.version).toBe(1);
      expect(after.sealed.equals(original)).toBe(true);
    });

    it('changes reach another machine at once (LISTEN/NOTIFY); a stopped database is reported offline, and a restart catches up', async () => {
      const a = machine().store;
      const changes: TeamChange[] = [];
      const waiters: { want: (c: TeamChange) => boolean; resolve: () => void }[] = [];
      const offline: string[] = [];
      let wentOffline: () => void = () => undefined;
      const said = new Promise<void>((resolve) => {
        wentOffline = resolve;
      });
      const seen = (want: (c: TeamChange) => boolean) =>
        new Promise<void>((resolve) => {
          if (changes.some(want)) resolve();
          else waiters.push({ want, resolve });
        });
      const feed = await listenForChanges({
        config: { connectionString: server.url },
        onChange: (change) => {
          changes.push(change);
          for (const w of waiters.filter((x) => x.want(change))) w.resolve();
        },
        onOffline: (_since, reason) => {
          offline.push(reason);
          wentOffline();
        },
      });
      const key = newTeamKey();
      await a.insert('live', 1, sealShared(key, TEAM, 'live', 1, { n: 1 }));
      await seen((c) => c.entryId === 'live' && c.version === 1);
      await a.compareAndSet('live', 1, 1, sealShared(key, TEAM, 'live', 1, { n: 2 }));
      await seen((c) => c.entryId === 'live' && c.version === 2);
      // Nothing sealed travels in a notification: an opaque id and a number.
      expect(changes.every((c) => Object.keys(c).join() === 'entryId,version')).toBe(true);

      // The database stops: the listener says so (the app shows "offline since …").
      server.kill();
      await said;
      expect(offline[0]).toMatch(/terminat|ended|connection/i);
      await feed.close();
      // Back again: a fresh read shows the latest state; nothing written before was lost.
      server.restart();
      const row = await machine().store.get('live');
      expect(row?.version).toBe(2);
      expect(openShared(key, TEAM, 'live', 1, row?.sealed ?? Buffer.alloc(0))).toEqual({ n: 2 });
    });

    it('no table holds a label, client id or secret the tests wrote', async () => {
      const { pool } = machine();
      const tables = ['team_entries', 'team_members', 'team_audit', 'team_schema_migrations'];
      let dump = '';
      for (const table of tables) {
        const r = await pool.query(`SELECT * FROM ${table}`);
        dump += JSON.stringify(r.rows, (_k, v: unknown) =>
          Buffer.isBuffer(v) ? v.toString('latin1') : v,
        );
      }
      expect(dump.length).toBeGreaterThan(100);
      for (const secret of [LABEL, DEMO_OAUTH2_CLIENT.clientId, CLIENT_SECRET, 'from a', 'notes']) {
        expect(dump).not.toContain(secret);
      }
    });
  },
);
