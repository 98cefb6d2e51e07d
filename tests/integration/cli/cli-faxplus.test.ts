// The command line against the Fax.Plus sandbox: a PAT, the loopback OAuth connect flow end to
// end (authorize URL on stdout -> sandbox approval -> redirect to the CLI's listener), the
// refresh-on-headers behaviour, and `curl $(tokenvault headers ...)` for both kinds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLIENT,
  startFaxplusSandbox,
  type FaxplusSandbox,
} from '../../sandbox/faxplus/faxplus.sandbox';
import {
  baseEnv,
  curlWithHeaders,
  freePort,
  prepareCli,
  runCli,
  tempVaultDir,
} from './cli-harness';
import { approver, connectFaxplus } from './faxplus-cli';

let sandbox: FaxplusSandbox;
let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;

beforeAll(async () => {
  await prepareCli();
  sandbox = await startFaxplusSandbox({ advancedSecurity: true });
  vault = tempVaultDir();
  env = baseEnv(vault.dir, {
    TOKENVAULT_FAXPLUS_ACCOUNTS_URL: sandbox.accountsUrl,
    TOKENVAULT_FAXPLUS_API_URL: sandbox.apiUrl,
  });
  expect((await runCli(['init'], { env })).code).toBe(0);
});

afterAll(async () => {
  await sandbox.close();
  vault.cleanup();
});

const connect = (
  args: string[],
  browser: (authorizeUrl: string) => Promise<void>,
  clientSecret = DEMO_CLIENT.clientSecret,
) => connectFaxplus(sandbox, env, args, browser, clientSecret);

/** The user approves on the sandbox page; the browser follows the redirect to the CLI. */
const approve = (url: string) => approver(sandbox)(url);

describe('tokenvault with Fax.Plus', () => {
  it('add faxplus-pat: PAT from stdin, expiry from --expires, then curl works', async () => {
    const pat = sandbox.control.addPat({ name: 'ops', scopes: ['fax:all:read'] });
    const r = await runCli(['add', 'faxplus-pat', '--label', 'ops', '--expires', '2027-01-31'], {
      env,
      input: `${pat.token}\n`,
    });
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain('expires 2027-01-31');

    const headers = await runCli(['headers', 'ops'], { env });
    expect(headers).toEqual({
      code: 0,
      stdout: `Authorization: Bearer ${pat.token}\n`,
      stderr: '',
    });

    const curl = await curlWithHeaders('ops', `${sandbox.apiUrl}/accounts/self`, env);
    expect(curl.code).toBe(0);
    expect(JSON.parse(curl.stdout)).toMatchObject({ email: 'ada@example.test' });
  });

  it('connect faxplus: authorize URL line -> approval -> loopback -> stored; curl works', async () => {
    const port = await freePort();
    const { result, authorizeUrl } = await connect(
      [
        '--label',
        'billing',
        '--client-id',
        DEMO_CLIENT.clientId,
        '--redirect',
        `loopback:${port}`,
        '--no-browser',
        '--refresh-days',
        '30',
      ],
      approve,
    );
    expect(result.stderr).not.toContain(DEMO_CLIENT.clientSecret);
    expect(result.code).toBe(0);
    const params = new URL(authorizeUrl).searchParams;
    expect(params.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/oauth/faxplus`);
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.stdout).toContain('Connected Fax.Plus "billing"');

    const list = JSON.parse((await runCli(['list', '--json'], { env })).stdout);
    const billing = list.entries.find((e: { label: string }) => e.label === 'billing');
    expect(billing).toMatchObject({
      kind: 'faxplus-oauth',
      status: 'active',
      account: 'ada@example.test',
    });
    // --refresh-days 30: the authorization ends in 30 days.
    expect(Date.parse(billing.expiresAt) - Date.now()).toBeGreaterThan(29 * 86400_000);

    const headers = await runCli(['headers', 'billing', '--format', 'http'], { env });
    expect(headers.code).toBe(0);
    expect(headers.stdout).toMatch(
      /^Authorization: Bearer \S+\nx-fax-clientid: APIKdemo0sandbox0client\n$/,
    );

    const curl = await curlWithHeaders('billing', `${sandbox.apiUrl}/accounts/self`, env);
    expect(curl.code).toBe(0);
    expect(JSON.parse(curl.stdout)).toMatchObject({ uid: '7c0ffee0sandbox' });
  });

  it('headers refreshes an access token about to expire and saves the new one', async () => {
    sandbox.control.setAccessTokenSeconds(30);
    const port = await freePort();
    const { result } = await connect(
      [
        '--label',
        'short',
        '--client-id',
        DEMO_CLIENT.clientId,
        '--redirect',
        `loopback:${port}`,
        '--no-browser',
      ],
      approve,
    );
    expect(result.code).toBe(0);
    sandbox.control.setAccessTokenSeconds(3600);
    const refreshes = () =>
      sandbox.control
        .requests('/token')
        .filter((r) => (r.query.grant_type ?? '') === 'refresh_token').length;

    const before = refreshes();
    const first = await runCli(['headers', 'short'], { env });
    expect(first.code).toBe(0);
    expect(refreshes()).toBe(before + 1);
    // The refreshed token (valid for an hour) was saved: the next call does not refresh.
    const second = await runCli(['headers', 'short'], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(refreshes()).toBe(before + 1);
    const curl = await curlWithHeaders('short', `${sandbox.apiUrl}/accounts/self`, env);
    expect(curl.code).toBe(0);
  });

  it('a dead refresh token -> headers exit 1, entry marked needs-reauth, reminder shown', async () => {
    sandbox.control.setAccessTokenSeconds(30);
    const port = await freePort();
    const { result } = await connect(
      [
        '--label',
        'doomed',
        '--client-id',
        DEMO_CLIENT.clientId,
        '--redirect',
        `loopback:${port}`,
        '--no-browser',
      ],
      approve,
    );
    sandbox.control.setAccessTokenSeconds(3600);
    expect(result.code).toBe(0);
    sandbox.control.revokeRefreshTokens();

    const headers = await runCli(['headers', 'doomed'], { env });
    expect(headers.code).toBe(1);
    expect(headers.stdout).toBe('');
    expect(headers.stderr).toMatch(/^tokenvault: /);
    const list = JSON.parse((await runCli(['list', '--json'], { env })).stdout);
    expect(list.entries.find((e: { label: string }) => e.label === 'doomed').status).toBe(
      'needs-reauth',
    );
    const reminders = JSON.parse((await runCli(['reminders', '--json'], { env })).stdout);
    expect(reminders.reminders).toContainEqual(
      expect.objectContaining({ label: 'doomed', kind: 'needs-reauth', severity: 'expired' }),
    );
  });

  it('connect: the user denies -> exit 1, nothing stored', async () => {
    const port = await freePort();
    const { result } = await connect(
      [
        '--label',
        'denied',
        '--client-id',
        DEMO_CLIENT.clientId,
        '--redirect',
        `loopback:${port}`,
        '--no-browser',
      ],
      async (url) => {
        const location = await sandbox.control.authorize(url, 'deny');
        await fetch(location);
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/denied/i);
    const list = JSON.parse((await runCli(['list', '--json'], { env })).stdout);
    expect(list.entries.map((e: { label: string }) => e.label)).not.toContain('denied');
  });

  it('connect: no redirect before --timeout -> exit 1, listener closed', async () => {
    const port = await freePort();
    const { result } = await connect(
      [
        '--label',
        'late',
        '--client-id',
        DEMO_CLIENT.clientId,
        '--redirect',
        `loopback:${port}`,
        '--no-browser',
        '--timeout',
        '1',
      ],
      async () => undefined,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/within 1 s/);
    await expect(fetch(`http://127.0.0.1:${port}/oauth/faxplus`)).rejects.toThrow();
  });
});
