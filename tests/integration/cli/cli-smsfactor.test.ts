// The command line against the SMSFactor sandbox: init, add, create (mint), headers + curl,
// list, reminders, revoke, and the exit codes on the way.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmsfactorSandbox, type SmsfactorSandbox } from '../../sandbox/smsfactor';
import {
  baseEnv,
  curlWithHeaders,
  prepareCli,
  runCli,
  tempVaultDir,
  TEST_PASSWORD,
} from './cli-harness';

let sandbox: SmsfactorSandbox;

let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;
let minted = '';

beforeAll(async () => {
  await prepareCli();
  sandbox = await startSmsfactorSandbox();
  vault = tempVaultDir();
  env = baseEnv(vault.dir, { TOKENVAULT_SMSFACTOR_API_URL: sandbox.apiUrl });
  const init = await runCli(['init'], { env });
  expect(init).toMatchObject({ code: 0 });
});

afterAll(async () => {
  await sandbox.close();
  vault.cleanup();
});

describe('tokenvault with SMSFactor', () => {
  it('add smsfactor reads the token from stdin and checks it with the provider', async () => {
    const r = await runCli(['add', 'smsfactor', '--label', 'acme'], {
      env,
      input: `${sandbox.control.seed.parentToken}\n`,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('owner@acme.test');
    expect(r.stdout).not.toContain(sandbox.control.seed.parentToken);
  });

  it('add smsfactor with a token SMSFactor refuses -> exit 1, nothing stored', async () => {
    const r = await runCli(['add', 'smsfactor', '--label', 'bogus'], {
      env,
      input: 'sf_not_a_real_token_at_all\n',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tokenvault: /);
    const list = await runCli(['list', '--json'], { env });
    expect(JSON.parse(list.stdout).entries.map((e: { label: string }) => e.label)).toEqual([
      'acme',
    ]);
  });

  it('create smsfactor prints only the new token, stored before anything else', async () => {
    const r = await runCli(
      [
        'create',
        'smsfactor',
        '--parent',
        'acme',
        '--name',
        'ci',
        '--ttl',
        '3600',
        '--allowed-ip',
        '127.0.0.1',
        '--allowed-ip',
        '::1',
      ],
      { env },
    );
    expect(r.code).toBe(0);
    minted = r.stdout.trim();
    expect(minted).toMatch(/^\S+$/);
    const remote = sandbox.control.tokens().find((t) => t.secret === minted);
    expect(remote).toMatchObject({ name: 'ci', ttl: 3600, allowedIps: ['127.0.0.1', '::1'] });
    expect(r.stderr).toContain('Stored as "ci"');
  });

  it.each([
    ['http', (t: string) => `Authorization: Bearer ${t}\nAccept: application/json\n`],
    [
      'json',
      (t: string) =>
        `${JSON.stringify({ Authorization: `Bearer ${t}`, Accept: 'application/json' }, null, 2)}\n`,
    ],
    [
      'env',
      (t: string) =>
        `TOKENVAULT_AUTHORIZATION='Bearer ${t}'\nTOKENVAULT_ACCEPT='application/json'\n`,
    ],
    ['curl', (t: string) => `--oauth2-bearer ${t} -H Accept:application/json\n`],
  ])('headers --format %s', async (format, expected) => {
    const r = await runCli(['headers', 'ci', '--format', format], { env });
    expect(r).toEqual({ code: 0, stdout: expected(minted), stderr: '' });
  });

  it('curl $(tokenvault headers ci --format curl) <sandbox>/credits works', async () => {
    const r = await curlWithHeaders('ci', `${sandbox.apiUrl}/credits`, env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 1, credits: expect.anything() });
  });

  it('an XML entry asks for XML (Accept) and curl gets XML back', async () => {
    const r = await runCli(
      ['create', 'smsfactor', '--parent', 'acme', '--name', 'xml-one', '--format', 'xml'],
      { env },
    );
    expect(r.code).toBe(0);
    const headers = await runCli(['headers', 'xml-one'], { env });
    expect(headers.stdout).toContain('Accept: application/xml');
    const curl = await curlWithHeaders('xml-one', `${sandbox.apiUrl}/credits`, env);
    expect(curl.code).toBe(0);
    expect(curl.stdout).toMatch(/^<\?xml|<response>/);
  });

  it('list --json has the documented shape and no secret', async () => {
    // Labels are sealed: without the password there is nothing to list.
    const locked = await runCli(['list', '--json'], { env: { ...env, TOKENVAULT_PASSWORD: '' } });
    expect(locked.code).not.toBe(0);
    const r = await runCli(['list', '--json'], { env });
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.version).toBe(1);
    const ci = body.entries.find((e: { label: string }) => e.label === 'ci');
    expect(Object.keys(ci).sort()).toEqual([
      'account',
      'createdAt',
      'expiresAt',
      'id',
      'kind',
      'label',
      'preview',
      'provider',
      'status',
      'team',
      'updatedAt',
    ]);
    expect(ci.team).toBeNull();
    expect(ci).toMatchObject({ provider: 'smsfactor', kind: 'smsfactor-token', status: 'active' });
    expect(Date.parse(ci.expiresAt)).toBeGreaterThan(Date.now());
    expect(r.stdout).not.toContain(minted);
    expect(r.stdout).not.toContain(sandbox.control.seed.parentToken);
  });

  it('reminders --json lists the token that expires within the lead time', async () => {
    const r = await runCli(['reminders', '--json'], { env });
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.version).toBe(1);
    expect(body.reminders).toContainEqual(
      expect.objectContaining({ label: 'ci', kind: 'token-expiry', severity: 'warning' }),
    );
    const human = await runCli(['reminders'], { env });
    expect(human.stdout).toContain('ci');
    // Without a password (none in the environment, no terminal): the locked view, no names.
    const locked = await runCli(['reminders', '--json'], {
      env: { ...env, TOKENVAULT_PASSWORD: '' },
    });
    expect(locked.code).toBe(0);
    const view = JSON.parse(locked.stdout);
    expect(view.locked).toBe(true);
    expect(view.reminders).toContainEqual(
      expect.objectContaining({ kind: 'token-expiry', severity: 'warning' }),
    );
    expect(locked.stdout).not.toMatch(/"label"|"provider"|ci'/);
    expect(view.reminders[0].message).toMatch(/an entry \(unlock to see which\)/);
    const lockedHuman = await runCli(['reminders', '--locked'], { env });
    expect(lockedHuman.stderr).toMatch(/the vault is locked; entry names need the master password/);
    expect(lockedHuman.stdout).toMatch(/^SEVERITY +DEADLINE +MESSAGE/);
  });

  it('reminders uses the lead times set in the app; a damaged settings file is set aside', async () => {
    const settings = join(vault.dir, 'settings.json');
    const severity = async () => {
      const r = await runCli(['reminders', '--json'], { env });
      expect(r.code, r.stderr).toBe(0);
      const body = JSON.parse(r.stdout) as { reminders: { label: string; severity: string }[] };
      return body.reminders.find((item) => item.label === 'ci')?.severity;
    };
    try {
      expect(await severity()).toBe('warning');
      // Warned 30 minutes ahead only: the token has about an hour left, so not yet.
      writeFileSync(settings, JSON.stringify({ reminderLeadMinutes: [30], theme: 'dark' }));
      expect(await severity()).toBe('ok');
      // A value the settings screen would refuse counts as not set: the default lead times.
      writeFileSync(settings, JSON.stringify({ reminderLeadMinutes: [30, 30] }));
      expect(await severity()).toBe('warning');
      // Damaged (a cut write): kept aside as the app does, and the defaults apply meanwhile.
      writeFileSync(settings, '{"reminderLeadMinutes":[30');
      expect(await severity()).toBe('warning');
      expect(readdirSync(vault.dir).filter((n) => n.startsWith('settings.corrupt-'))).toHaveLength(
        1,
      );
    } finally {
      for (const name of readdirSync(vault.dir)) {
        if (name.startsWith('settings')) rmSync(join(vault.dir, name), { force: true });
      }
    }
  });

  it('revoke smsfactor deletes it at SMSFactor; its headers are refused afterwards', async () => {
    const r = await runCli(['revoke', 'smsfactor', 'ci'], { env });
    expect(r.code).toBe(0);
    expect(sandbox.control.tokens().some((t) => t.secret === minted)).toBe(false);
    const list = JSON.parse((await runCli(['list', '--json'], { env })).stdout);
    expect(list.entries.find((e: { label: string }) => e.label === 'ci').status).toBe('revoked');
    const headers = await runCli(['headers', 'ci'], { env });
    expect(headers.code).toBe(2);
    expect(headers.stdout).toBe('');
  });

  it('--password-stdin takes the first line as the password, the next as the secret', async () => {
    const token = sandbox.control.createPlatformToken('1001', { name: 'second' }).secret;
    const r = await runCli(['add', 'smsfactor', '--label', 'second', '--password-stdin'], {
      env: { ...env, TOKENVAULT_PASSWORD: '' },
      input: `${TEST_PASSWORD}\n${token}\n`,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a provider that is down -> exit 1 with a message on stderr', async () => {
    const r = await runCli(['create', 'smsfactor', '--parent', 'acme', '--name', 'x'], {
      env: { ...env, TOKENVAULT_SMSFACTOR_API_URL: 'http://127.0.0.1:9' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tokenvault: .*127\.0\.0\.1:9/);
  });

  it('no file in the vault folder holds a token in clear (security.md 34)', () => {
    const secrets = [minted, sandbox.control.seed.parentToken];
    for (const name of readdirSync(vault.dir)) {
      const text = readFileSync(join(vault.dir, name), 'utf8');
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
