// The secret-leak test (security.md 34, issue 7 item 7). Unique secrets are seeded — master
// passwords, an OAuth client secret, the sandbox's access and refresh tokens, a PAT, SMSFactor
// tokens (platform-made and minted), API keys (and the Basic encoding of one), an OAuth 2.0
// client secret with its PKCE verifier, code and tokens, a backup passphrase — then every flow runs through the
// real core (IPC dispatch) and the real `tokenvault` program. Everything a user, a log or a
// crash report could see is searched for each secret and its base64 forms: IPC results and
// errors, events, log lines, notifications, console output, the CLI's stderr (and stdout
// except where the secret is the requested output: `headers`, `create smsfactor`), and every
// file under both data folders. Excluded by design: the clipboard (it holds the header) and
// the one-time `MintedToken.token` of a mint reply.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Channel } from '../../preload/api';
import { startApiKeySandbox, type ApiKeySandbox } from '../sandbox/api-key/api-key.sandbox';
import { startFaxplusSandbox, type FaxplusSandbox } from '../sandbox/faxplus/faxplus.sandbox';
import { startOAuth2Sandbox, type OAuth2Sandbox } from '../sandbox/oauth2/oauth2.sandbox';
import { startSmsfactorSandbox, type SmsfactorSandbox } from '../sandbox/smsfactor';
import { LoopbackOnlyTransport } from '../fakes/loopback-only-transport';
import { baseEnv, prepareCli, runCli, tempVaultDir } from '../integration/cli/cli-harness';
import { startSecurityCore, type SecurityCore } from './core-harness';

const unique = (tag: string) => `${tag}-${randomBytes(12).toString('hex')}`;
const MASTER = unique('master-password');
const MASTER_2 = unique('second-master-password');
const WRONG_PASSWORD = unique('wrong-password');
const CLIENT_SECRET = unique('client-secret');
const CLIENT_ID = 'APIKleak0test0client';
const BACKUP_PASSPHRASE = unique('backup-passphrase');
const CLI_PASSWORD = unique('cli-master-password');
const O2_CLIENT = { id: 'leak-oauth2-client', secret: unique('oauth2-client-secret') };

const secrets = new Set<string>([
  MASTER,
  MASTER_2,
  WRONG_PASSWORD,
  CLIENT_SECRET,
  BACKUP_PASSPHRASE,
  CLI_PASSWORD,
  O2_CLIENT.secret,
]);
/** Text a user, log or crash report could see. */
const seen: Array<{ where: string; text: string }> = [];
const see = (where: string, value: unknown) =>
  seen.push({
    where,
    text:
      value instanceof Error
        ? `${value.message}\n${value.stack ?? ''}\n${JSON.stringify(value)}`
        : typeof value === 'string'
          ? value
          : JSON.stringify(value),
  });

let fax: FaxplusSandbox;
let sms: SmsfactorSandbox;
let anyApi: ApiKeySandbox;
let o2: OAuth2Sandbox;
let h: SecurityCore;
const cliVault = tempVaultDir();

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) =>
      see(`console.${level}`, args.map(String).join(' ')),
    );
  }
  fax = await startFaxplusSandbox({
    clients: [
      {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUris: ['dev.tokenvault:/oauth/faxplus', 'http://127.0.0.1/oauth/faxplus'],
      },
    ],
  });
  sms = await startSmsfactorSandbox({ parentToken: unique('sms-parent-token') });
  secrets.add(sms.control.seed.parentToken);
  secrets.add(sms.control.seed.otherToken);
  o2 = await startOAuth2Sandbox({
    clients: [
      {
        clientId: O2_CLIENT.id,
        clientSecret: O2_CLIENT.secret,
        authMethod: 'client_secret_basic',
        redirectUris: ['dev.tokenvault:/oauth/oauth2'],
      },
    ],
  });
  anyApi = await startApiKeySandbox({
    keys: {
      stripe: unique('sk_test'),
      github: unique('ghp'),
      xapi: unique('xapi'),
      basic: { user: 'acct_leak', secret: unique('basic-secret') },
    },
  });
  const { keys } = anyApi;
  for (const key of [keys.stripe, keys.github, keys.xapi, keys.basic.secret]) secrets.add(key);
  // The Basic header carries base64(user:secret), not base64(secret).
  secrets.add(Buffer.from(`${keys.basic.user}:${keys.basic.secret}`).toString('base64'));
  h = startSecurityCore({
    http: new LoopbackOnlyTransport(),
    env: {
      TOKENVAULT_FAXPLUS_ACCOUNTS_URL: fax.accountsUrl,
      TOKENVAULT_FAXPLUS_API_URL: fax.apiUrl,
      TOKENVAULT_SMSFACTOR_API_URL: sms.apiUrl,
    },
  });
  await prepareCli();
});

afterAll(async () => {
  vi.restoreAllMocks();
  h.stop();
  cliVault.cleanup();
  await Promise.all([fax.close(), sms.close(), anyApi.close(), o2.close()]);
});

/** Requests that answered an error (some on purpose); printed when an expectation fails. */
const failures: string[] = [];

/** A request through the real dispatch; its whole Result is recorded as seen. */
async function call<T = unknown>(channel: Channel, payload?: unknown): Promise<T> {
  const result = (await h.call(channel, payload)) as { ok: boolean; value?: unknown };
  const shown =
    result.ok && channel === 'smsfactor:mint'
      ? { ...result, value: { ...(result.value as object), token: '(shown once)' } }
      : result;
  see(`ipc ${channel}`, shown);
  if (!result.ok) failures.push(`${channel}: ${JSON.stringify(result)}`);
  return result.value as T;
}

/** Every secret the vault holds right now (tokens the sandbox issued, minted ones, …). */
function harvestVaultSecrets(): void {
  for (const entry of h.core.vault.list()) {
    const fields = [
      'clientSecret',
      'accessToken',
      'refreshToken',
      'pat',
      'token',
      'secret',
    ] as const;
    for (const field of fields) {
      try {
        const value = h.core.vault.readSecret(entry.id, field);
        if (value) secrets.add(value);
      } catch {
        // not a field of this kind
      }
    }
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('no secret leaks (security.md 34)', () => {
  it('runs every app flow', async () => {
    // Vault: create, lock, wrong password, unlock, change password.
    await call('vault:create', { password: MASTER });
    await call('vault:lock');
    await call('vault:unlock', { password: WRONG_PASSWORD });
    await call('vault:unlock', { password: MASTER });
    await call('vault:change-password', { current: WRONG_PASSWORD, next: MASTER_2 });
    await call('vault:change-password', { current: MASTER, next: MASTER_2 });

    // Fax.Plus OAuth connect through the deep link, then a refresh and a verify.
    const pending = await call<{ flowId: string; authorizeUrl: string }>('faxplus:connect', {
      label: 'Billing',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectMode: 'scheme',
      advancedSecurity: true,
      allowMissingState: false,
    });
    const redirect = await fax.control.authorize(pending.authorizeUrl);
    see('deep-link report', await h.core.faxplus.handleRedirect(redirect));
    h.core.handleDeepLink(redirect); // replay: ignored
    harvestVaultSecrets();
    const oauth = h.core.vault.list().find((e) => e.kind === 'faxplus-oauth');
    expect(oauth).toBeDefined();
    // Time passes (the access token is due); the idle lock fires, so unlock again.
    h.clock.advance(2 * 3600 * 1000);
    await call('vault:unlock', { password: MASTER_2 });
    await call('headers:preview', { id: oauth?.id, format: 'curl' });
    harvestVaultSecrets();
    await call('tokens:verify', { id: oauth?.id });
    fax.control.revokeRefreshTokens();
    fax.control.expireAccessTokens();
    h.clock.advance(2 * 3600 * 1000);
    await call('vault:unlock', { password: MASTER_2 });
    await call('headers:copy', { id: oauth?.id });
    await call('faxplus:reauthorize', { id: oauth?.id });

    // Fax.Plus PAT: a good one and a wrong one.
    const pat = fax.control.addPat({ name: 'leak test' });
    secrets.add(pat.token);
    await call('faxplus:add-pat', { label: 'Office PAT', pat: pat.token });
    await call('faxplus:add-pat', { label: 'Bad PAT', pat: `${pat.token}x` });

    // SMSFactor: add, wrong token, mint, list, sub-accounts, headers, revoke.
    const parent = await call<{ id: string }>('smsfactor:add-token', {
      label: 'Alerts',
      token: sms.control.seed.parentToken,
      format: 'xml',
    });
    await call('smsfactor:add-token', {
      label: 'Wrong',
      token: `${sms.control.seed.parentToken}x`,
      format: 'json',
    });
    expect(parent, failures.join('\n')).toBeDefined();
    const minted = (await h.call('smsfactor:mint', {
      parentId: parent.id,
      name: 'ci',
      ttlSeconds: 3600,
      allowedIps: ['10.0.0.0/8'],
    })) as { ok: boolean; value: { token: string; entry: { id: string } } };
    expect(minted.ok).toBe(true);
    secrets.add(minted.value.token);
    see('ipc smsfactor:mint', { ...minted.value, token: '(shown once)' });
    await call('smsfactor:list-remote', { parentId: parent.id });
    await call('smsfactor:sub-accounts', { parentId: parent.id });
    for (const format of ['http', 'curl', 'json', 'env', 'fetch', 'python']) {
      await call('headers:preview', { id: minted.value.entry.id, format });
    }
    await call('headers:copy', { id: minted.value.entry.id, format: 'env' });
    await call('smsfactor:revoke', { id: minted.value.entry.id });

    // API keys: Basic (its header is an encoding of the secret), a refused key, verify, copy.
    const { keys } = anyApi;
    const apiKey = (label: string, extra: Record<string, unknown>) => ({
      label,
      headerName: 'Authorization',
      template: 'Bearer {token}',
      extraHeaders: [{ name: 'Stripe-Version', value: '2024-06-20' }],
      expiresAt: null,
      verifyUrl: `${anyApi.url}/stripe/v1/balance`,
      ...extra,
    });
    const basic = await call<{ id: string }>(
      'apikey:add',
      apiKey('Basic service', {
        secret: keys.basic.secret,
        template: 'Basic {basic}',
        basicUser: keys.basic.user,
        extraHeaders: [],
        verifyUrl: `${anyApi.url}/basic/me`,
      }),
    );
    await call('apikey:add', apiKey('Refused key', { secret: `${keys.stripe}x` }));
    const stripe = await call<{ id: string }>(
      'apikey:add',
      apiKey('Stripe', { secret: keys.stripe }),
    );
    expect(basic, failures.join('\n')).toBeDefined();
    for (const id of [basic.id, stripe.id]) {
      await call('tokens:verify', { id });
      for (const format of ['http', 'curl', 'json', 'env', 'fetch', 'python']) {
        await call('headers:preview', { id, format });
      }
      await call('headers:copy', { id });
    }
    anyApi.revoke(keys.stripe);
    await call('tokens:verify', { id: stripe.id });

    // OAuth 2.0: connect by discovery (the replayed callback is ignored), refresh, verify, and
    // delete with revocation. The PKCE verifier and the code are secrets too.
    const o2pending = await call<{ authorizeUrl: string }>('oauth2:connect', {
      label: 'Any server',
      issuer: o2.issuer,
      clientId: O2_CLIENT.id,
      clientSecret: O2_CLIENT.secret,
      scopes: ['read'],
      redirectMode: 'scheme',
      verifyUrl: o2.apiUrl,
    });
    const o2redirect = await o2.control.authorize(o2pending.authorizeUrl);
    secrets.add(new URLSearchParams(o2redirect.split('?')[1]).get('code') ?? '');
    see('oauth2 redirect report', await h.core.oauth2.handleRedirect(o2redirect));
    h.core.handleDeepLink(o2redirect); // replay: ignored
    for (const r of o2.control.requests) {
      if (r.form['code_verifier']) secrets.add(r.form['code_verifier']);
    }
    harvestVaultSecrets();
    const o2entry = h.core.vault.list().find((e) => e.kind === 'oauth2');
    expect(o2entry, failures.join('\n')).toBeDefined();
    h.clock.advance(2 * 3600 * 1000);
    await call('vault:unlock', { password: MASTER_2 });
    await call('headers:copy', { id: o2entry?.id, format: 'curl' });
    harvestVaultSecrets();
    await call('tokens:verify', { id: o2entry?.id });
    await call('headers:preview', { id: o2entry?.id, format: 'json' });
    await call('tokens:delete', { id: o2entry?.id, revoke: true });
    expect(o2.control.revokedFamilies()).toBe(1);

    // Reminders, audit, lists, backup, idle lock.
    await call('reminders:list');
    await call('tokens:list');
    await call('tokens:audit');
    const backupFile = join(h.dir, 'leak.tvbackup');
    see('backup export', await h.core.backup.exportTo(backupFile, BACKUP_PASSPHRASE));
    see(
      'backup import',
      await h.core.backup.importFrom(backupFile, BACKUP_PASSPHRASE, 'keep-both'),
    );
    await h.core.backup
      .importFrom(backupFile, WRONG_PASSWORD)
      .catch((e: unknown) => see('backup', e));
    harvestVaultSecrets();
    h.clock.advance(24 * 3600 * 1000);
    await call('vault:unlock', { password: MASTER_2 });
    await call('vault:lock');
    expect(secrets.size).toBeGreaterThanOrEqual(12);
    // Only the deliberate failures failed (wrong password twice, revoked refresh token,
    // wrong PAT, wrong SMSFactor token, refused and revoked API keys).
    expect(failures.map((f) => f.slice(0, f.indexOf(':', f.indexOf(':') + 1)))).toEqual([
      'vault:unlock',
      'vault:change-password',
      'headers:copy',
      'faxplus:add-pat',
      'smsfactor:add-token',
      'apikey:add',
      'tokens:verify',
    ]);
  });

  it('runs every command-line flow as a separate process', async () => {
    const env = baseEnv(cliVault.dir, {
      TOKENVAULT_PASSWORD: CLI_PASSWORD,
      TOKENVAULT_FAXPLUS_ACCOUNTS_URL: fax.accountsUrl,
      TOKENVAULT_FAXPLUS_API_URL: fax.apiUrl,
      TOKENVAULT_SMSFACTOR_API_URL: sms.apiUrl,
      TOKENVAULT_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE,
    });
    const pat = fax.control.addPat({ name: 'cli' });
    secrets.add(pat.token);
    const run = async (args: string[], input = '', stdoutIsSecret = false) => {
      const r = await runCli(args, { env, input });
      see(`cli ${args.join(' ')} stderr`, r.stderr);
      if (!stdoutIsSecret) see(`cli ${args.join(' ')} stdout`, r.stdout);
      return r;
    };
    expect((await run(['init'])).code).toBe(0);
    expect((await run(['add', 'faxplus-pat', '--label', 'pat'], `${pat.token}\n`)).code).toBe(0);
    await run(['add', 'faxplus-pat', '--label', 'bad'], `${pat.token}x\n`);
    const parent = sms.control.seed.parentToken;
    expect((await run(['add', 'smsfactor', '--label', 'sms'], `${parent}\n`)).code).toBe(0);
    const created = await run(
      ['create', 'smsfactor', '--parent', 'sms', '--name', 'cli-mint'],
      '',
      true,
    );
    expect(created.code).toBe(0);
    secrets.add(created.stdout.trim());
    const addGh = (label: string) => [
      'add',
      'api-key',
      '--label',
      label,
      '--template',
      'token {token}',
      '--verify-url',
      `${anyApi.url}/github/user`,
    ];
    expect((await run(addGh('gh'), `${anyApi.keys.github}\n`)).code).toBe(0);
    expect((await run(addGh('gh refused'), `${anyApi.keys.github}x\n`)).code).toBe(1);
    await run(['headers', 'gh', '--format', 'json'], '', true);
    await run(['exec', 'gh', '--', 'true']);
    await run(['headers', 'pat', '--format', 'curl'], '', true);
    await run(['headers', 'cli-mint', '--format', 'env'], '', true);
    await run(['list', '--json']);
    await run(['reminders', '--json']);
    await run(['revoke', 'smsfactor', 'cli-mint']);
    await run(['backup', 'export', join(cliVault.dir, 'cli.tvbackup')]);
    await run([
      'backup',
      'import',
      join(cliVault.dir, 'cli.tvbackup'),
      '--on-conflict',
      'keep-both',
    ]);
    // Failures: wrong master password, unknown entry.
    const wrong = await runCli(['headers', 'pat'], {
      env: { ...env, TOKENVAULT_PASSWORD: WRONG_PASSWORD },
    });
    see('cli wrong password stderr', wrong.stderr);
    see('cli wrong password stdout', wrong.stdout);
    expect(wrong.code).toBe(3);
    await run(['headers', 'nope']);
  });

  it('finds none of the secrets anywhere a user, log or file could show them', () => {
    for (const event of h.events) see(`event ${event.event}`, event.payload);
    for (const line of h.logs) see('core log', line);
    for (const n of h.notifier.shown) see('notification', n);
    for (const url of h.browser.opened) see('browser', url);
    for (const dir of [h.dir, cliVault.dir]) {
      for (const file of filesUnder(dir))
        see(`file ${file}`, readFileSync(file).toString('latin1'));
    }
    expect(seen.length).toBeGreaterThan(50);
    const forms = [...secrets].flatMap((s) => [
      s,
      Buffer.from(s).toString('base64'),
      Buffer.from(s).toString('base64url'),
      encodeURIComponent(s),
    ]);
    const hits = seen.flatMap(({ where, text }) =>
      forms.filter((form) => form.length >= 8 && text.includes(form)).map(() => where),
    );
    expect(hits).toEqual([]);
  });
});
