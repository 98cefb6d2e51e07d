// `tokenvault connect oauth2` against the strict OAuth 2.0 sandbox (issue 21 part 4): a
// GitHub-style connection (explicit endpoints, form-encoded answers) and a Google-style one
// (discovery, typed refresh days), headers refreshing first, a revoked grant asking for one
// reconnect, and `remove` revoking the grant unless --keep-grant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_OAUTH2_CLIENT,
  startOAuth2Sandbox,
  type OAuth2Sandbox,
} from '../../sandbox/oauth2/oauth2.sandbox';
import { baseEnv, freePort, prepareCli, runCli, tempVaultDir, type CliResult } from './cli-harness';

let github: OAuth2Sandbox;
let google: OAuth2Sandbox;
let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;

/** Runs `connect oauth2`, approves at the sandbox once the URL line appears, follows the redirect. */
async function connect(
  sandbox: OAuth2Sandbox,
  args: string[],
  secret = DEMO_OAUTH2_CLIENT.clientSecret ?? '',
): Promise<CliResult> {
  const port = await freePort();
  let buffer = '';
  let browsing: Promise<void> | undefined;
  const result = await runCli(
    [
      'connect',
      'oauth2',
      ...args,
      '--client-id',
      DEMO_OAUTH2_CLIENT.clientId,
      '--redirect',
      `loopback:${port}`,
      '--no-browser',
    ],
    {
      env,
      input: `${secret}\n`,
      onStdout: (chunk) => {
        buffer += chunk;
        const line = buffer.split('\n').find((l) => l.startsWith(sandbox.authorizeUrl));
        if (line && !browsing) {
          browsing = (async () => {
            const location = await sandbox.control.authorize(line);
            expect((await fetch(location)).status).toBe(200);
          })();
        }
      },
    },
  );
  await browsing;
  return result;
}

beforeAll(async () => {
  await prepareCli();
  // GitHub takes the client secret in the body and answers form-encoded unless asked for JSON.
  github = await startOAuth2Sandbox({
    formEncoded: true,
    refreshTokenSeconds: 184 * 24 * 3600,
    clients: [{ ...DEMO_OAUTH2_CLIENT, authMethod: 'client_secret_post' }],
  });
  google = await startOAuth2Sandbox({ refreshTokenSeconds: null });
  vault = tempVaultDir();
  env = baseEnv(vault.dir);
  expect((await runCli(['init'], { env })).code).toBe(0);
});

afterAll(async () => {
  await Promise.all([github.close(), google.close()]);
  vault.cleanup();
});

describe('tokenvault connect oauth2', () => {
  it('GitHub style: explicit endpoints, the deadline from refresh_token_expires_in', async () => {
    const r = await connect(github, [
      '--label',
      'gh',
      '--authorize-url',
      github.authorizeUrl,
      '--token-url',
      github.tokenUrl,
      '--scope',
      'read',
      '--auth',
      'post',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/code_challenge_method=S256/);
    const ends = new Date(Date.now() + 184 * 24 * 3600e3).toISOString().slice(0, 10);
    expect(lines[1]).toBe(`Connected OAuth 2.0 app "gh"; authorization ends ${ends}`);
    expect(github.control.requests.some((r) => r.path.includes('well-known'))).toBe(false);
  });

  it('Google style: discovery, typed refresh days', async () => {
    const r = await connect(google, [
      '--label',
      'google',
      '--issuer',
      google.issuer,
      '--refresh-days',
      '7',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const ends = new Date(Date.now() + 7 * 24 * 3600e3).toISOString().slice(0, 10);
    expect(r.stdout).toContain(`Connected OAuth 2.0 app "google"; authorization ends ${ends}`);
    const rem = JSON.parse((await runCli(['reminders', '--json'], { env })).stdout) as {
      reminders: { label: string; kind: string; severity: string }[];
    };
    expect(rem.reminders).toContainEqual(
      expect.objectContaining({ label: 'google', kind: 'refresh-expiry', severity: 'warning' }),
    );
  });

  it('flags are checked before the vault opens', async () => {
    const r = await runCli(
      [
        'connect',
        'oauth2',
        '--label',
        'x',
        '--client-id',
        'c',
        '--issuer',
        google.issuer,
        '--profile',
        'github',
      ],
      { env: { ...env, TOKENVAULT_PASSWORD: 'wrong password for this vault' } },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Name the server once/);
  });
});

describe('the shared commands serve OAuth 2.0 entries', () => {
  it('headers: the access token, refreshed first when the server no longer takes it', async () => {
    const first = await runCli(['headers', 'gh'], { env });
    expect(first.stdout).toMatch(/^Authorization: Bearer at_\S+\n$/);
    const token = await runCli(['token', 'gh'], { env });
    expect(first.stdout).toContain(token.stdout.trim());
  });

  it('a revoked grant: one clear failure, the entry asks for a reconnect, no retry loop', async () => {
    google.control.revokeAll();
    // exec --min-valid forces a refresh: the token lives an hour.
    const r = await runCli(['exec', 'google', '--min-valid', '7200', '--', 'true'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid_grant: grant revoked\)\. Reconnect it\./);
    const grants = google.control.requests.filter((q) => q.form['grant_type'] === 'refresh_token');
    const again = await runCli(['exec', 'google', '--min-valid', '7200', '--', 'true'], { env });
    expect(again.code).toBe(1);
    expect(
      google.control.requests.filter((q) => q.form['grant_type'] === 'refresh_token'),
    ).toHaveLength(grants.length);
    const list = JSON.parse((await runCli(['list', '--json'], { env })).stdout) as {
      entries: { label: string; status: string }[];
    };
    expect(list.entries.find((e) => e.label === 'google')?.status).toBe('needs-reauth');
  });

  it('remove revokes the grant (RFC 7009) unless --keep-grant', async () => {
    const kept = await runCli(['remove', 'google', '--yes', '--keep-grant'], { env });
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toBe('Removed OAuth 2.0 "google"\n');
    const fresh = await connect(google, ['--label', 'rev', '--issuer', google.issuer]);
    expect(fresh.code, fresh.stderr).toBe(0);
    const revokedBefore = google.control.revokedFamilies();
    const revoked = await runCli(['remove', 'rev', '--yes'], { env });
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toBe('Revoked the grant and removed OAuth 2.0 "rev"\n');
    expect(google.control.revokedFamilies()).toBe(revokedBefore + 1);
    expect(google.control.requests.at(-1)?.path).toBe('/revoke');
    const before = github.control.revokedFamilies();
    const r = await runCli(['remove', 'gh', '--yes'], { env });
    expect(r.code, r.stderr).toBe(0);
    // The GitHub-style sandbox was given no revocation URL: nothing to revoke there.
    expect(r.stdout).toBe('Removed OAuth 2.0 "gh"\n');
    expect(github.control.revokedFamilies()).toBe(before);
  });
});
