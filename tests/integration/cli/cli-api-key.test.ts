// `tokenvault add api-key` and the commands every entry has, for API keys (issue 20 part 2):
// the key comes from standard input, the flags are checked before the vault opens, the
// verification URL must accept the key, and headers/exec/inject/reminders/remove serve it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiKeySandbox, type ApiKeySandbox } from '../../sandbox/api-key/api-key.sandbox';
import { baseEnv, curlWithHeaders, prepareCli, runCli, tempVaultDir } from './cli-harness';

let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;
let sandbox: ApiKeySandbox;

const add = (args: string[], key: string) =>
  runCli(['add', 'api-key', ...args], { env, input: `${key}\n` });

const entries = async () =>
  (
    JSON.parse((await runCli(['list', '--json'], { env })).stdout) as {
      entries: { label: string; provider: string; kind: string }[];
    }
  ).entries;

beforeAll(async () => {
  await prepareCli();
  sandbox = await startApiKeySandbox();
  vault = tempVaultDir();
  env = baseEnv(vault.dir);
  expect((await runCli(['init'], { env })).code).toBe(0);
});

afterAll(async () => {
  await sandbox.close();
  vault.cleanup();
});

describe('tokenvault add api-key', () => {
  it('a Stripe-style key: Bearer by default, a fixed extra header, verified first', async () => {
    const r = await add(
      [
        '--label',
        'stripe',
        '--extra-header',
        'Stripe-Version: 2024-06-20',
        '--verify-url',
        `${sandbox.url}/stripe/v1/balance`,
      ],
      sandbox.keys.stripe,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'Added API key "stripe" (Authorization: Bearer {token}; Stripe-Version: 2024-06-20; no expiry; verified)\n',
    );
    expect(r.stdout + r.stderr).not.toContain(sandbox.keys.stripe);
    expect(sandbox.requests.at(-1)?.headers.authorization).toBe(`Bearer ${sandbox.keys.stripe}`);
  });

  it('a GitHub-classic token with an expiry date', async () => {
    const r = await add(
      [
        '--label',
        'gh',
        '--template',
        'token {token}',
        '--expires',
        '2099-12-31',
        '--verify-url',
        `${sandbox.url}/github/user`,
      ],
      sandbox.keys.github,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'Added API key "gh" (Authorization: token {token}; expires 2099-12-31; verified)\n',
    );
  });

  it('X-Api-Key takes the bare key, Basic takes --basic-user; neither needs a verify URL', async () => {
    const x = await add(['--label', 'xapi', '--header', 'X-Api-Key'], sandbox.keys.xapi);
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toBe(
      'Added API key "xapi" (X-Api-Key: {token}; no expiry; not verified: no --verify-url)\n',
    );
    const b = await add(
      ['--label', 'basic', '--basic-user', sandbox.keys.basic.user],
      sandbox.keys.basic.secret,
    );
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^Added API key "basic" \(Authorization: Basic \{basic\};/);
    expect((await entries()).map((e) => [e.label, e.kind, e.provider])).toEqual([
      ['stripe', 'api-key', 'api-key'],
      ['gh', 'api-key', 'api-key'],
      ['xapi', 'api-key', 'api-key'],
      ['basic', 'api-key', 'api-key'],
    ]);
  });

  it('a key the verification URL refuses: exit 1, the status in words, nothing stored', async () => {
    const r = await add(
      ['--label', 'wrong', '--verify-url', `${sandbox.url}/stripe/v1/balance`],
      'sk_test_this_is_not_the_key_000',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `tokenvault: ${sandbox.url}/stripe/v1/balance refused the key (HTTP 401 Unauthorized). The key was not stored.\n`,
    );
    expect(r.stderr).not.toContain('sk_test_this_is_not_the_key_000');
    expect((await entries()).map((e) => e.label)).not.toContain('wrong');
  });

  it.each([
    [['--template', 'Bearer'], /Put \{token\} where the key goes/],
    [['--extra-header', 'no colon here'], /"no colon here" is not "Name: value"/],
    [['--verify-url', 'http://api.example.com/v1'], /Use an https:\/\/ address/],
    [['--expires', '2001-01-01'], /That date has already passed/],
    [['--expires', 'soon'], /--expires must be a date written YYYY-MM-DD/],
    [['--header', 'Bad Name'], /is not a header name/],
  ])('%j: exit 2 before the vault is opened', async (args, message) => {
    // A wrong password would be exit 3: the flags are refused before it is even tried.
    const r = await runCli(['add', 'api-key', '--label', 'bad', ...args], {
      env: { ...env, TOKENVAULT_PASSWORD: 'not the password at all' },
      input: 'some-key-value-123456\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('the shared commands serve API keys', () => {
  it('headers: every format; curl $(…) reaches the API with it', async () => {
    const r = await runCli(['headers', 'stripe'], { env });
    expect(r.stdout).toBe(
      `Authorization: Bearer ${sandbox.keys.stripe}\nStripe-Version: 2024-06-20\n`,
    );
    const gh = await runCli(['headers', 'gh', '--format', 'env'], { env });
    expect(gh.stdout).toBe(`TOKENVAULT_AUTHORIZATION='token ${sandbox.keys.github}'\n`);
    const curl = await curlWithHeaders('stripe', `${sandbox.url}/stripe/v1/balance`, env);
    expect(curl.code, curl.stderr).toBe(0);
    expect(JSON.parse(curl.stdout)).toMatchObject({ object: 'balance' });
  });

  it('token prints the key alone; exec sets API_KEY and the key’s own AUTH_HEADER', async () => {
    expect((await runCli(['token', 'xapi'], { env })).stdout).toBe(`${sandbox.keys.xapi}\n`);
    const r = await runCli(
      ['exec', 'xapi', '--', 'sh', '-c', 'printf "%s|%s" "$API_KEY" "$AUTH_HEADER"'],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${sandbox.keys.xapi}|X-Api-Key: ${sandbox.keys.xapi}`);
  });

  it('inject fills the header and the Basic user', async () => {
    const r = await runCli(['inject'], {
      env,
      input: 'h={{ tokenvault://basic/header }}\nu={{ tokenvault://basic/user }}\n',
    });
    expect(r.code, r.stderr).toBe(0);
    const encoded = Buffer.from(`${sandbox.keys.basic.user}:${sandbox.keys.basic.secret}`).toString(
      'base64',
    );
    expect(r.stdout).toBe(`h=Authorization: Basic ${encoded}\nu=${sandbox.keys.basic.user}\n`);
  });

  it('reminders list the typed expiry; remove deletes the entry', async () => {
    const rem = JSON.parse((await runCli(['reminders', '--json'], { env })).stdout) as {
      reminders: { label: string; kind: string; deadline: string }[];
    };
    expect(rem.reminders).toEqual([
      expect.objectContaining({
        label: 'gh',
        kind: 'token-expiry',
        deadline: '2099-12-31T23:59:59.000Z',
      }),
    ]);
    const r = await runCli(['remove', 'gh', '--yes'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Removed API key "gh"\n');
    expect((await entries()).map((e) => e.label)).toEqual(['stripe', 'xapi', 'basic']);
  });
});
