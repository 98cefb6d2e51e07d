// Issue 15's "done": a Fax.Plus OAuth connection shared by a team, against the strict Fax.Plus
// sandbox (each refresh rotates the refresh token and revokes the one presented, so a second
// machine presenting it would get invalid_grant and the connection would be lost). Three
// machines ask for headers at once when the access token is due: one refresh, one new token
// for all, the x-fax-clientid header beside it, and the connection still alive afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadersService } from '../../../main/core/export/headers.service';
import { HttpClient, fetchTransport } from '../../../main/core/providers/http';
import { sharedRefresher } from '../../../main/core/team/shared-refresher';
import { TeamService } from '../../../main/core/team/team.service';
import type { VaultService } from '../../../main/core/vault/vault.service';
import { postgresBin, startPostgres, type PostgresServer } from '../../support/postgres';
import { PASSWORD, makeVault, tempDir } from '../../unit/core/vault/vault-helpers';
import { startHarness, type Harness } from '../faxplus/faxplus.harness';

const HOUR = 3600e3;
const HAVE_POSTGRES = postgresBin() !== undefined;
let server: PostgresServer;
let h: Harness;
const teams: TeamService[] = [];

function teamOf(dir: string, vault: VaultService): TeamService {
  const team = new TeamService({
    dir,
    filesKey: () => vault.teamFilesKey(),
    personal: vault,
    clock: h.clock,
    refresher: sharedRefresher({
      http: new HttpClient({ transport: fetchTransport }),
      clock: h.clock,
      faxplusEndpoints: () => ({ accountsUrl: h.sandbox.accountsUrl, apiUrl: h.sandbox.apiUrl }),
    }),
    lockTimeoutMs: 15_000,
  });
  teams.push(team);
  return team;
}

/** Headers exactly as the app builds them, for a shared entry. */
const headersOf = (team: TeamService) =>
  new HeadersService({
    vault: {
      get: (id) => team.get(id),
      readSecret: (id, field) => team.readSecret(id, field),
      recordAudit: () => undefined,
      isUnlocked: () => true,
      onStatus: () => () => undefined,
    },
    guard: { write: () => ({ clearsAt: null }), onLock: () => () => undefined },
    getAccessToken: (id, minValidMs) => team.accessToken(id, minValidMs),
    defaultFormat: () => 'http',
  });

const refreshGrants = () =>
  h.sandbox.control.requests('/token').filter((r) => r.query['grant_type'] === 'refresh_token');

beforeAll(async () => {
  if (!HAVE_POSTGRES) return;
  server = await startPostgres();
  h = await startHarness();
}, 60_000);

afterAll(async () => {
  await Promise.all(teams.map((t) => t.close()));
  await h?.close();
  server?.stop();
});

describe.skipIf(!HAVE_POSTGRES)('a shared Fax.Plus OAuth connection (needs PostgreSQL)', () => {
  it('three machines, one refresh, the same token and client id for all', async () => {
    const alice = teamOf(h.dir, h.vault);
    await alice.init({ connectionString: server.url, name: 'alice' });
    const others = await Promise.all(
      ['bob', 'carol'].map(async (name) => {
        const dir = tempDir();
        const { vault } = makeVault(dir, () => 0);
        await vault.create(PASSWORD);
        const team = teamOf(dir, vault);
        const { fingerprint } = await team.join({ connectionString: server.url, name });
        await alice.invite(name, fingerprint);
        return team;
      }),
    );
    const entry = await h.connectDemo('fax billing');
    const shared = await alice.share(entry.id);
    await Promise.all(others.map((t) => t.sync()));

    h.clock.advance(2 * HOUR);
    const before = refreshGrants().length;
    const texts = await Promise.all(
      [alice, ...others].map((team) => headersOf(team).render(shared.id, 'http')),
    );
    expect(refreshGrants().length - before).toBe(1);
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/^Authorization: Bearer \S+\nx-fax-clientid: \S+/);
    // And the connection lives on: the next due refresh, from another machine, works.
    h.clock.advance(2 * HOUR);
    await others[1]?.sync();
    await expect(others[1]?.accessToken(shared.id)).resolves.toEqual(expect.any(String));
    // Nobody ever presented a used refresh token (the sandbox revokes each one it takes).
    const presented = refreshGrants().map((r) => r.query['refresh_token']);
    expect(presented).toHaveLength(before + 2);
    expect(new Set(presented).size).toBe(presented.length);
  });
});
