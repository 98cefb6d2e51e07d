// Issue 15, the team service end to end against a real PostgreSQL and the strict OAuth 2.0
// sandbox (rotating refresh tokens, reuse revokes the grant): three machines (three vault
// folders, three key pairs) join a team, one shares a generic OAuth entry, all three ask for
// a token at once when it is due and the provider sees one refresh; invitations check the
// fingerprint; removal rotates the key; a stopped database leaves the app read-only from its
// sealed copy; and no table holds a label, client id, e-mail or secret.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../main/core/providers/http';
import { sharedRefresher } from '../../../main/core/team/shared-refresher';
import { COPY_FILE, MEMBERSHIP_FILE } from '../../../main/core/team/team-local';
import { TeamError, TeamService } from '../../../main/core/team/team.service';
import type { VaultService } from '../../../main/core/vault/vault.service';
import { DEMO_OAUTH2_CLIENT } from '../../sandbox/oauth2/oauth2.sandbox';
import { LoopbackOnlyTransport } from '../../fakes/loopback-only-transport';
import { postgresBin, startPostgres, type PostgresServer } from '../../support/postgres';
import { PASSWORD, makeVault, tempDir } from '../../unit/core/vault/vault-helpers';
import { startOAuth2Harness, type OAuth2Harness } from '../oauth2/oauth2.harness';

const HOUR = 3600e3;
const HAVE_POSTGRES = postgresBin() !== undefined;

let server: PostgresServer;
let h: OAuth2Harness;

interface Machine {
  name: string;
  dir: string;
  vault: VaultService;
  team: TeamService;
}
const machines: Machine[] = [];

function machine(name: string, vault: VaultService, dir: string): Machine {
  const http = new HttpClient({ transport: new LoopbackOnlyTransport() });
  const team = new TeamService({
    dir,
    filesKey: () => vault.teamFilesKey(),
    personal: vault,
    clock: h.clock,
    refresher: sharedRefresher({
      http,
      clock: h.clock,
      faxplusEndpoints: () => ({ accountsUrl: 'http://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9' }),
    }),
    lockTimeoutMs: 15_000,
  });
  const m = { name, dir, vault, team };
  machines.push(m);
  return m;
}

async function secondVault(): Promise<{ vault: VaultService; dir: string }> {
  const dir = tempDir();
  const { vault } = makeVault(dir, () => 0);
  await vault.create(PASSWORD);
  return { vault, dir };
}

let alice: Machine;
let bob: Machine;
let carol: Machine;
let sharedId = '';
let label = '';

const refreshGrants = () =>
  h.tokenRequests().filter((r) => r.form['grant_type'] === 'refresh_token');

beforeAll(async () => {
  if (!HAVE_POSTGRES) return;
  server = await startPostgres();
  h = await startOAuth2Harness();
  alice = machine('alice', h.vault, h.dir);
  const b = await secondVault();
  bob = machine('bob', b.vault, b.dir);
  const c = await secondVault();
  carol = machine('carol', c.vault, c.dir);
}, 60_000);

afterAll(async () => {
  await Promise.all(machines.map((m) => m.team.close()));
  await h?.close();
  server?.stop();
});

describe.skipIf(!HAVE_POSTGRES)(
  'a team shared through PostgreSQL (skipped where PostgreSQL is not installed)',
  () => {
    it('init, join, and an invitation only with the fingerprint the joiner reads out', async () => {
      await expect(
        alice.team.init({ connectionString: server.url, name: 'alice@example.com' }),
      ).rejects.toThrow(/not an e-mail/);
      const made = await alice.team.init({ connectionString: server.url, name: 'alice' });
      expect(made).toMatchObject({ member: true, name: 'alice', active: true });
      // The membership is sealed in the vault folder: nothing readable in it.
      const file = readFileSync(join(alice.dir, MEMBERSHIP_FILE), 'utf8');
      expect(file).not.toContain(server.url);
      expect(file).not.toContain('alice');

      await expect(bob.team.init({ connectionString: server.url, name: 'bob' })).rejects.toThrow(
        /already has a team/,
      );
      const joined = await bob.team.join({ connectionString: server.url, name: 'bob' });
      expect(joined.status.active).toBe(false);
      await expect(carol.team.join({ connectionString: server.url, name: 'bob' })).rejects.toThrow(
        /already has a member called "bob"/,
      );
      const carolJoined = await carol.team.join({ connectionString: server.url, name: 'carol' });

      // A wrong fingerprint (someone else's key) is refused and bob stays pending.
      await expect(alice.team.invite('bob', carolJoined.fingerprint)).rejects.toThrow(
        /does not match/,
      );
      expect((await alice.team.members()).find((m) => m.name === 'bob')?.status).toBe('pending');
      // Only an admin invites.
      await expect(bob.team.invite('carol', carolJoined.fingerprint)).rejects.toThrow(/admin/);
      // Typed in lower case and without dashes still matches.
      await alice.team.invite('bob', joined.fingerprint.toLowerCase().replace(/-/g, ''));
      await alice.team.invite('carol', carolJoined.fingerprint);
      const members = await bob.team.members();
      expect(members.map((m) => [m.name, m.status, m.admin, m.you])).toEqual([
        ['alice', 'active', true, false],
        ['bob', 'active', false, true],
        ['carol', 'active', false, false],
      ]);
      expect((await bob.team.sync()).active).toBe(true);
    });

    it('a shared OAuth entry: moved out of the personal vault, seen by the others with its secrets', async () => {
      const { entry } = await h.connect('shared app', { verifyUrl: h.sandbox.apiUrl });
      if (!entry) throw new Error('not connected');
      label = entry.label;
      const refreshToken = h.vault.readSecret(entry.id, 'refreshToken');
      const shared = await alice.team.share(entry.id);
      sharedId = shared.id;
      expect(shared).toMatchObject({ label: 'shared app', team: 'postgres', kind: 'oauth2' });
      expect(h.vault.list().map((e) => e.label)).not.toContain('shared app');

      await bob.team.sync();
      expect(bob.team.list().map((e) => [e.label, e.team])).toEqual([['shared app', 'postgres']]);
      expect(bob.team.readSecret(sharedId, 'refreshToken')).toBe(refreshToken);
      // A second entry with that label cannot be shared.
      const again = bob.vault.add(
        { ...entry, label: 'Shared App' } as Parameters<VaultService['add']>[0],
        { accessToken: 'x' },
      );
      await expect(bob.team.share(again.id)).rejects.toThrow(/already shares/);
      expect(bob.vault.get(again.id).label).toBe('Shared App');
      bob.vault.remove(again.id);
    });

    it('three machines asking for the token at once when it is due: one refresh, one new token', async () => {
      await Promise.all([bob.team.sync(), carol.team.sync()]);
      const before = bob.team.readSecret(sharedId, 'accessToken');
      // Fresh: handed out without asking anyone.
      expect(await carol.team.accessToken(sharedId)).toBe(before);
      const grantsBefore = refreshGrants().length;
      h.clock.advance(2 * HOUR);
      const tokens = await Promise.all(
        [alice, bob, carol].map((m) => m.team.accessToken(sharedId)),
      );
      expect(refreshGrants().length - grantsBefore).toBe(1);
      expect(h.sandbox.control.revokedFamilies()).toBe(0);
      expect(new Set(tokens).size).toBe(1);
      expect(tokens[0]).not.toBe(before);
      // Everyone reads the rotated tokens and the new deadline; the next refresh works too.
      await carol.team.sync();
      expect(carol.team.get(sharedId)).toMatchObject({ accessExpiresAt: h.clock.now() + HOUR });
      h.clock.advance(2 * HOUR);
      const next = await carol.team.accessToken(sharedId);
      expect(next).not.toBe(tokens[0]);
      expect(h.sandbox.control.revokedFamilies()).toBe(0);
      expect((await alice.team.audit()).map((a) => a.action)).toContain('refreshed');
    });

    it('two machines edit the entry at once: both changes are kept', async () => {
      await Promise.all([alice.team.sync(), bob.team.sync()]);
      const results = await Promise.all([
        alice.team.edit(sharedId, { label: 'shared app (ops)' }),
        bob.team.edit(sharedId, { snoozedUntil: h.clock.now() + HOUR }),
      ]);
      expect(results.every((r) => r.entry.id === sharedId)).toBe(true);
      await carol.team.sync();
      label = 'shared app (ops)';
      expect(carol.team.get(sharedId)).toMatchObject({ label, snoozedUntil: h.clock.now() + HOUR });
    });

    it('a stopped database: read-only from the sealed copy, offline since when, and caught up after', async () => {
      // The copy holds what this machine last read: read the latest first (both edits above).
      await bob.team.sync();
      const token = bob.team.readSecret(sharedId, 'accessToken');
      server.kill();
      try {
        const offline = await bob.team.sync();
        expect(offline.offlineSince).toBe(h.clock.now());
        expect(bob.team.list().map((e) => e.label)).toEqual([label]);
        expect(await bob.team.accessToken(sharedId)).toBe(token);
        await expect(bob.team.edit(sharedId, { muted: true })).rejects.toThrow(
          /unreachable since .*nothing was changed/,
        );
        // A restarted app reads the sealed copy the same way, and its deadlines while locked.
        const reopened = new TeamService({
          dir: bob.dir,
          filesKey: () => bob.vault.teamFilesKey(),
          clock: h.clock,
          refresher: () => Promise.reject(new Error('no refresh offline')),
        });
        await reopened.sync();
        expect(reopened.status().offlineSince).toBe(h.clock.now());
        expect(reopened.list().map((e) => e.label)).toEqual([label]);
        expect(reopened.lockedIndex().length).toBeGreaterThan(0);
        expect(readFileSync(join(bob.dir, COPY_FILE), 'utf8')).not.toContain(label);
        await reopened.close();
        // Due while offline: said plainly, nothing presented to the provider.
        h.clock.advance(2 * HOUR);
        const grants = refreshGrants().length;
        await expect(bob.team.accessToken(sharedId)).rejects.toThrow(/needs a refresh first/);
        expect(refreshGrants().length).toBe(grants);
      } finally {
        server.restart();
      }
      const back = await bob.team.sync();
      expect(back.offlineSince).toBeUndefined();
      expect(await bob.team.accessToken(sharedId)).not.toBe(token);
      await bob.team.edit(sharedId, { muted: false });
    });

    it('removal rotates the key: the removed member opens nothing written afterwards', async () => {
      await carol.team.sync();
      expect(carol.team.list()).toHaveLength(1);
      await expect(alice.team.remove('alice')).rejects.toThrow(/cannot remove yourself/);
      const removed = await alice.team.remove('carol');
      expect(removed.epoch).toBe(2);
      expect(removed.resealed).toBe(1);
      expect(removed.rotate.map((e) => e.label)).toEqual([label]);
      const status = await carol.team.sync();
      expect(carol.team.list()).toEqual([]);
      expect(status.unreadable).toBe(1);
      // Bob was re-keyed in the same transaction and still refreshes.
      await bob.team.sync();
      h.clock.advance(2 * HOUR);
      await expect(bob.team.accessToken(sharedId)).resolves.toEqual(expect.any(String));
      expect(h.sandbox.control.revokedFamilies()).toBe(0);
      expect((await bob.team.members()).find((m) => m.name === 'carol')?.status).toBe('removed');
    });

    it('moving the entry back to a personal vault takes its tokens along', async () => {
      await alice.team.sync();
      const token = alice.team.readSecret(sharedId, 'refreshToken');
      const personal = await alice.team.unshare(sharedId);
      expect(h.vault.readSecret(personal.id, 'refreshToken')).toBe(token);
      expect(personal.label).toBe(label);
      await bob.team.sync();
      expect(bob.team.list()).toEqual([]);
      await expect(bob.team.edit(sharedId, { muted: true })).rejects.toBeInstanceOf(TeamError);
      // Shared back again for the table search below.
      sharedId = (await alice.team.share(personal.id)).id;
    });

    it('no table holds a label, client id, e-mail or secret the tests wrote', async () => {
      const pool = new pg.Pool({ connectionString: server.url });
      let dump = '';
      try {
        const tables = await pool.query<{ tablename: string }>(
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
        );
        expect(tables.rows.length).toBeGreaterThanOrEqual(6);
        for (const { tablename } of tables.rows) {
          const r = await pool.query(`SELECT * FROM ${tablename}`);
          dump += JSON.stringify(r.rows, (_k, v: unknown) =>
            Buffer.isBuffer(v) ? v.toString('latin1') : v,
          );
        }
      } finally {
        await pool.end();
      }
      await alice.team.sync();
      const secrets = [
        label,
        DEMO_OAUTH2_CLIENT.clientId,
        DEMO_OAUTH2_CLIENT.clientSecret ?? '',
        alice.team.readSecret(sharedId, 'accessToken') ?? 'missing',
        alice.team.readSecret(sharedId, 'refreshToken') ?? 'missing',
        h.sandbox.issuer,
        'example.com',
      ];
      for (const secret of secrets) expect(dump).not.toContain(secret);
    });
  },
);
