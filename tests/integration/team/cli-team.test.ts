// `tokenvault team …`, `share`, `unshare`, and `list`, `token`, `headers`, `exec` on shared
// entries (issue 15), the real program against a real PostgreSQL and the strict OAuth 2.0
// sandbox: two vault folders, two people. The connection string is a secret (standard input,
// or --db without a password); a wrong fingerprint invites nobody; a stopped database leaves
// reads working from the sealed copy with "offline since" on stderr, and writes refused.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_OAUTH2_CLIENT,
  startOAuth2Sandbox,
  type OAuth2Sandbox,
} from '../../sandbox/oauth2/oauth2.sandbox';
import { postgresBin, startPostgres, type PostgresServer } from '../../support/postgres';
import {
  baseEnv,
  freePort,
  prepareCli,
  runCli,
  tempVaultDir,
  type CliResult,
} from '../cli/cli-harness';

const HAVE_POSTGRES = postgresBin() !== undefined;
const API_KEY = 'sk_live_team_4Qm9v2XyZ';

let server: PostgresServer;
let sandbox: OAuth2Sandbox;
let a: ReturnType<typeof tempVaultDir>;
let b: ReturnType<typeof tempVaultDir>;
let envA: Record<string, string>;
let envB: Record<string, string>;

interface ListJson {
  entries: { label: string; kind: string; team: string | null }[];
}
const list = async (env: Record<string, string>) =>
  (JSON.parse((await runCli(['list', '--json'], { env })).stdout) as ListJson).entries;

async function connectOAuth2(env: Record<string, string>, label: string): Promise<CliResult> {
  const port = await freePort();
  let buffer = '';
  let browsing: Promise<void> | undefined;
  const result = await runCli(
    [
      'connect',
      'oauth2',
      '--label',
      label,
      '--issuer',
      sandbox.issuer,
      '--client-id',
      DEMO_OAUTH2_CLIENT.clientId,
      '--redirect',
      `loopback:${port}`,
      '--no-browser',
    ],
    {
      env,
      input: `${DEMO_OAUTH2_CLIENT.clientSecret ?? ''}\n`,
      onStdout: (chunk) => {
        buffer += chunk;
        const line = buffer.split('\n').find((l) => l.startsWith(sandbox.authorizeUrl));
        if (line && !browsing) {
          browsing = (async () => {
            const location = await sandbox.control.authorize(line);
            await fetch(location);
          })();
        }
      },
    },
  );
  await browsing;
  return result;
}

beforeAll(async () => {
  if (!HAVE_POSTGRES) return;
  await prepareCli();
  server = await startPostgres();
  sandbox = await startOAuth2Sandbox();
  a = tempVaultDir();
  b = tempVaultDir();
  envA = baseEnv(a.dir);
  envB = baseEnv(b.dir);
  for (const env of [envA, envB]) expect((await runCli(['init'], { env })).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  server?.stop();
  a?.cleanup();
  b?.cleanup();
});

describe.skipIf(!HAVE_POSTGRES)(
  'tokenvault team and share (skipped where PostgreSQL is not installed)',
  () => {
    it('init, join with the connection string on standard input, invite by fingerprint', async () => {
      const url = new URL(server.url);
      url.password = 'hunter2';
      const withPassword = url.toString();
      const refused = await runCli(['team', 'init', '--name', 'alice', '--db', withPassword], {
        env: envA,
      });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/standard input instead/);

      const init = await runCli(
        ['team', 'init', '--name', 'alice', '--team', 'ops', '--db', server.url],
        {
          env: envA,
        },
      );
      expect(init.code, init.stderr).toBe(0);
      expect(init.stdout).toBe('Created the team "ops"; you are its admin (alice).\n');

      const join = await runCli(['team', 'join', '--name', 'bob', '--team', 'ops'], {
        env: envB,
        input: `${server.url}\n`,
      });
      expect(join.code, join.stderr).toBe(0);
      const fp = join.stdout.trim();
      expect(fp).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
      expect(join.stderr).toContain(`team invite bob --fingerprint ${fp}`);

      const wrong = await runCli(
        ['team', 'invite', 'bob', '--fingerprint', 'AAAA-BBBB-CCCC-DDDD'],
        {
          env: envA,
        },
      );
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain(`the database holds ${fp} for "bob"`);
      const invite = await runCli(['team', 'invite', 'bob', '--fingerprint', fp], { env: envA });
      expect(invite.code, invite.stderr).toBe(0);
      expect(invite.stdout).toBe(`Invited bob (${fp}).\n`);

      const members = await runCli(['team', 'members', '--json'], { env: envB });
      expect(
        (
          JSON.parse(members.stdout) as {
            members: { name: string; status: string; admin: boolean; you: boolean }[];
          }
        ).members.map((m) => [m.name, m.status, m.admin, m.you]),
      ).toEqual([
        ['alice', 'active', true, false],
        ['bob', 'active', false, true],
      ]);
      const table = await runCli(['team', 'members'], { env: envA });
      expect(table.stdout).toMatch(/alice \(you\)\s+[A-Z2-9-]+\s+active\s+admin/);
    });

    it('a shared API key: gone from the sharer, served to the other by label', async () => {
      // It expires in five days: a deadline the other machine's reminders must name.
      const expires = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
      const add = await runCli(
        ['add', 'api-key', '--label', 'ci key', '--header', 'X-Api-Key', '--expires', expires],
        { env: envA, input: `${API_KEY}\n` },
      );
      expect(add.code, add.stderr).toBe(0);
      const share = await runCli(['share', 'ci key'], { env: envA });
      expect(share.code, share.stderr).toBe(0);
      expect(share.stdout).toBe('Shared "ci key" with the team "ops".\n');
      // Still listed for both, now with its team.
      expect(await list(envA)).toEqual([expect.objectContaining({ label: 'ci key', team: 'ops' })]);
      expect(await list(envB)).toEqual([expect.objectContaining({ label: 'ci key', team: 'ops' })]);
      const listed = await runCli(['list'], { env: envB });
      expect(listed.stdout).toMatch(/TEAM\n.*ci key.*ops/s);
      const reminders = await runCli(['reminders', '--json'], { env: envB });
      expect(reminders.code, reminders.stderr).toBe(0);
      expect(
        (JSON.parse(reminders.stdout) as { reminders: { label: string }[] }).reminders.map(
          (r) => r.label,
        ),
      ).toEqual(['ci key']);

      const token = await runCli(['token', 'ci key'], { env: envB });
      expect(token.code, token.stderr).toBe(0);
      expect(token.stdout).toBe(`${API_KEY}\n`);
      const headers = await runCli(['headers', 'ci key'], { env: envB });
      expect(headers.stdout).toBe(`X-Api-Key: ${API_KEY}\n`);
      const exec = await runCli(
        ['exec', 'ci key', '--', 'sh', '-c', `test "$API_KEY" = '${API_KEY}' && echo child-ok`],
        { env: envB },
      );
      expect(exec.code, exec.stderr).toBe(0);
      expect(exec.stdout).toBe('child-ok\n');
      // inject resolves a shared label too, and writes the file 0600.
      const out = join(b.dir, 'team.env');
      const inject = await runCli(['inject', '-o', out], {
        env: envB,
        input: 'CI_KEY={{ tokenvault://ci key/token }}\n',
      });
      expect(inject.code, inject.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(`CI_KEY=${API_KEY}\n`);
      expect(statSync(out).mode & 0o777).toBe(0o600);
    });

    it('a shared OAuth 2.0 connection: each machine gets a live token, the grant is never revoked', async () => {
      const connected = await connectOAuth2(envA, 'google app');
      expect(connected.code, connected.stderr).toBe(0);
      expect((await runCli(['share', 'google app'], { env: envA })).code).toBe(0);
      // Both machines ask for a token valid two hours at once: each refresh happens under
      // the row lock and sends the newest refresh token, so reuse detection never fires.
      const runs = await Promise.all(
        [envA, envB].map((env) =>
          runCli(
            ['exec', 'google app', '--min-valid', '7200', '--', 'sh', '-c', 'echo "$AUTH_HEADER"'],
            {
              env,
            },
          ),
        ),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      expect(sandbox.control.revokedFamilies()).toBe(0);
      // Fresh now: both read the same stored token without another refresh.
      const refreshes = sandbox.control.refreshCount();
      const [ta, tb] = await Promise.all(
        [envA, envB].map((env) => runCli(['token', 'google app'], { env })),
      );
      expect(ta?.stdout).toBe(tb?.stdout);
      expect(sandbox.control.refreshCount()).toBe(refreshes);
      expect(runs[1]?.stdout ?? '').toMatch(/^Authorization: Bearer /);
    });

    it('database stopped: reads from the sealed copy with "offline since", writes refused', async () => {
      server.kill();
      try {
        const token = await runCli(['token', 'ci key'], { env: envB });
        expect(token.code, token.stderr).toBe(0);
        expect(token.stdout).toBe(`${API_KEY}\n`);
        expect(token.stderr).toMatch(/offline since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
        const unshare = await runCli(['unshare', 'ci key'], { env: envB });
        expect(unshare.code).toBe(1);
        expect(unshare.stderr).toMatch(/nothing was changed/);
      } finally {
        server.restart();
      }
      expect(await list(envB)).toHaveLength(2);
    });

    it('unshare brings the entry back into one vault; remove rotates the key and names what to rotate', async () => {
      const unshare = await runCli(['unshare', 'ci key'], { env: envB });
      expect(unshare.code, unshare.stderr).toBe(0);
      expect((await list(envB)).find((e) => e.label === 'ci key')?.team).toBeNull();
      expect((await list(envA)).map((e) => e.label)).toEqual(['google app']);

      const noYes = await runCli(['team', 'remove', 'bob'], { env: envA });
      expect(noYes.code).toBe(2);
      const removed = await runCli(['team', 'remove', 'bob', '--yes'], { env: envA });
      expect(removed.code, removed.stderr).toBe(0);
      expect(removed.stdout).toMatch(/rotated \(epoch 2\) and 1 shared entry re-sealed/);
      expect(removed.stderr).toContain('bob keeps whatever they already saw');
      expect(removed.stderr).toContain('"google app"');
      // Bob no longer opens the shared entry; his own one stays his.
      expect((await list(envB)).map((e) => e.label)).toEqual(['ci key']);
      const denied = await runCli(['token', 'google app'], { env: envB });
      expect(denied.code).toBe(2);
    });
  },
);
