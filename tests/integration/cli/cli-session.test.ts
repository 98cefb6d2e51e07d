// `tokenvault unlock` and `tokenvault lock` (issue 13: `list` without a KDF per command):
// the real program, spawned as a shell user runs it, with no password in its environment
// once a session is open.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRandom } from '../../../main/core/vault/crypto';
import { createVaultService } from '../../../main/core/vault/vault.factory';
import { FakeClock } from '../../fakes/fake-clock';
import {
  baseEnv,
  builtBin,
  freePort,
  prepareCli,
  runCli,
  tempVaultDir,
  TEST_PASSWORD,
} from './cli-harness';

let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;
/** No password anywhere: only the session opens the vault. */
let bare: Record<string, string>;
const KEY = 'sk_live_SESSION_KEY_5f3a9c';

async function unlock(args: string[] = []): Promise<string> {
  const r = await runCli(['unlock', ...args], { env });
  expect(r.code).toBe(0);
  const m = /^export TOKENVAULT_SESSION='(tv1\.[0-9a-f]{32}\.[A-Za-z0-9_-]{43})'\n$/.exec(r.stdout);
  expect(m, r.stdout).not.toBeNull();
  return m?.[1] ?? '';
}

beforeAll(async () => {
  await prepareCli();
  vault = tempVaultDir();
  env = baseEnv(vault.dir);
  bare = baseEnv(vault.dir, { TOKENVAULT_PASSWORD: undefined });
  expect((await runCli(['init'], { env })).code).toBe(0);
  const added = await runCli(['add', 'api-key', '--label', 'stripe'], { env, input: `${KEY}\n` });
  expect(added.stderr).toBe('');
});

afterAll(() => vault.cleanup());

describe('tokenvault unlock', () => {
  it('prints a shell line with the token, and says until when on stderr', async () => {
    const r = await runCli(['unlock', '--for', '2h'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^export TOKENVAULT_SESSION='tv1\.[^']+'\n$/);
    expect(r.stderr).toMatch(
      /^tokenvault: unlocked for 2 h \(until \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
    );
    const raw = await runCli(['unlock', '--raw'], { env });
    expect(raw.stdout).toMatch(/^tv1\.[0-9a-f]{32}\.[A-Za-z0-9_-]{43}\n$/);
    expect(raw.stderr).toMatch(/unlocked for 15 min/);
  });

  it('then list, headers, token and exec need no password', async () => {
    const session = { ...bare, TOKENVAULT_SESSION: await unlock() };
    const list = await runCli(['list'], { env: session });
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toMatch(/^stripe\s+api-key\s+api-key\s+active/m);
    expect(await runCli(['token', 'stripe'], { env: session })).toMatchObject({
      code: 0,
      stdout: `${KEY}\n`,
    });
    const headers = await runCli(['headers', 'stripe'], { env: session });
    expect(headers.stdout).toContain(`Authorization: Bearer ${KEY}`);
    // exec's command gets the key, never the session (nor a password).
    const child = await runCli(
      [
        'exec',
        'stripe',
        '--',
        process.execPath,
        '-e',
        'process.stdout.write(JSON.stringify([process.env.API_KEY, process.env.TOKENVAULT_SESSION ?? null, process.env.TOKENVAULT_PASSWORD ?? null]))',
      ],
      { env: { ...session, TOKENVAULT_PASSWORD: TEST_PASSWORD } },
    );
    expect(JSON.parse(child.stdout)).toEqual([KEY, null, null]);
  });

  it('reminders name entries with a session (not the locked view)', async () => {
    const session = { ...bare, TOKENVAULT_SESSION: await unlock() };
    const named = JSON.parse((await runCli(['reminders', '--json'], { env: session })).stdout) as {
      locked?: boolean;
    };
    expect(named.locked).toBeUndefined();
    const locked = JSON.parse((await runCli(['reminders', '--json'], { env: bare })).stdout) as {
      locked?: boolean;
    };
    expect(locked.locked).toBe(true);
  });

  it('writes through a session too (an entry added without the password)', async () => {
    const session = { ...bare, TOKENVAULT_SESSION: await unlock() };
    const added = await runCli(
      ['add', 'api-key', '--label', 'github', '--template', 'token {token}'],
      {
        env: session,
        input: 'ghp_SESSION_ADDED\n',
      },
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect((await runCli(['token', 'github'], { env: session })).stdout).toBe(
      'ghp_SESSION_ADDED\n',
    );
  });

  it('always asks for the master password: a session does not make another one', async () => {
    const r = await runCli(['unlock'], { env: { ...bare, TOKENVAULT_SESSION: await unlock() } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/No master password/);
  });

  it('refuses a bad length before asking for anything', async () => {
    for (const bad of ['2d', '5s', 'soon']) {
      const r = await runCli(['unlock', '--for', bad], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--for: give a length from 10s to 24h/);
    }
  });

  it('keeps the token out of every file: the session file holds the data key sealed', async () => {
    const token = await unlock();
    const key = token.split('.')[2] ?? '';
    const folder = join(vault.dir, 'sessions');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(folder)) {
      expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(folder, name), 'utf8')).not.toContain(key);
    }
    for (const name of readdirSync(vault.dir).filter((n) => n.startsWith('vault.json'))) {
      expect(readFileSync(join(vault.dir, name), 'utf8')).not.toContain(key);
    }
  });
});

describe('a session that cannot be used', () => {
  it('ends at `tokenvault lock`: exit 3 with what to do, and the token is not repeated', async () => {
    const token = await unlock();
    const locked = await runCli(['lock'], { env: bare });
    expect(locked.code).toBe(0);
    expect(locked.stdout).toMatch(/^Locked: ended \d+ sessions?\.\n$/);
    const r = await runCli(['token', 'stripe'], { env: { ...bare, TOKENVAULT_SESSION: token } });
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toMatch(/session in TOKENVAULT_SESSION has ended.*tokenvault unlock/);
    expect(r.stderr).not.toContain(token.split('.')[2]);
    expect((await runCli(['lock'], { env: bare })).stdout).toBe('No session was open.\n');
    // reminders shows the locked view instead, and says why.
    const reminders = await runCli(['reminders', '--json'], {
      env: { ...bare, TOKENVAULT_SESSION: token },
    });
    expect(reminders.code).toBe(0);
    expect((JSON.parse(reminders.stdout) as { locked?: boolean }).locked).toBe(true);
    expect(reminders.stderr).toMatch(/session in TOKENVAULT_SESSION has ended/);
  });

  it('with the password at hand, says so and uses the password', async () => {
    const token = await unlock();
    await runCli(['lock'], { env: bare });
    const r = await runCli(['token', 'stripe'], { env: { ...env, TOKENVAULT_SESSION: token } });
    expect(r).toMatchObject({ code: 0, stdout: `${KEY}\n` });
    expect(r.stderr).toMatch(/^tokenvault: The session in TOKENVAULT_SESSION has ended/);
  });

  it('ends when the master password changes', async () => {
    const token = await unlock();
    const clock = new FakeClock();
    const service = createVaultService({
      dir: vault.dir,
      random: nodeRandom(),
      clock,
      scheduler: clock,
    });
    service.start();
    await service.changePassword(TEST_PASSWORD, TEST_PASSWORD);
    const r = await runCli(['list'], { env: { ...bare, TOKENVAULT_SESSION: token } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/master password changed/);
  });

  it('does not open a vault file changed outside Token Vault (the password path says what changed)', async () => {
    const token = await unlock();
    const path = join(vault.dir, 'vault.json');
    const before = readFileSync(path, 'utf8');
    const doc = JSON.parse(before) as { entries: { data: string }[] };
    const first = doc.entries[0];
    if (!first) throw new Error('setup');
    first.data = (first.data.startsWith('A') ? 'B' : 'A') + first.data.slice(1);
    // A table kept from before the change must not be printed either.
    expect((await runCli(['list'], { env: { ...bare, TOKENVAULT_SESSION: token } })).code).toBe(0);
    writeFileSync(path, JSON.stringify(doc), { mode: 0o600 });
    try {
      for (const command of [['list'], ['token', 'stripe']]) {
        const r = await runCli(command, { env: { ...bare, TOKENVAULT_SESSION: token } });
        expect(r.code).toBe(3);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/does not open the vault file as it is now/);
      }
      // With the password at hand: said once, then the password path says what changed.
      const r = await runCli(['list'], { env: { ...env, TOKENVAULT_SESSION: token } });
      expect(r.stderr.match(/does not open the vault file as it is now/g)).toHaveLength(1);
      expect(r.stderr).toMatch(/changed outside Token Vault/);
    } finally {
      writeFileSync(path, before, { mode: 0o600 });
    }
  });

  it('is refused when it is not a token at all', async () => {
    const r = await runCli(['list'], { env: { ...bare, TOKENVAULT_SESSION: 'hunter2' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/TOKENVAULT_SESSION is not a session token/);
    expect(r.stderr).not.toContain('hunter2');
  });
});

describe("`list`'s table, kept for the session", () => {
  const cacheOf = (token: string) =>
    join(vault.dir, 'sessions', `${token.split('.')[1]}.list.cache`);

  it('is printed again as it was, until the vault file changes', async () => {
    const token = await unlock();
    const session = { ...bare, TOKENVAULT_SESSION: token };
    const first = await runCli(['list'], { env: session });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const kept = statSync(cacheOf(token));
    expect(kept.mode & 0o777).toBe(0o600);
    expect(readFileSync(cacheOf(token)).includes('stripe')).toBe(false);
    const keptBytes = readFileSync(cacheOf(token));
    const second = await runCli(['list'], { env: session });
    expect(second).toEqual(first);
    // Printed from what was kept: nothing was drawn and written again.
    expect(statSync(cacheOf(token)).ino).toBe(kept.ino);

    // An entry added by another process, with the password: the session's next `list`
    // shows it at once (what was kept names the file it was drawn from).
    const path = join(vault.dir, 'vault.json');
    const before = readFileSync(path);
    try {
      const added = await runCli(['add', 'api-key', '--label', 'added-meanwhile'], {
        env,
        input: 'sk_test_MEANWHILE\n',
      });
      expect(added.code).toBe(0);
      expect(readFileSync(cacheOf(token))).toEqual(keptBytes);
      const third = await runCli(['list'], { env: session });
      expect(third.code).toBe(0);
      expect(third.stdout).toMatch(/^added-meanwhile\s+api-key\s+api-key\s+active/m);
      expect(statSync(cacheOf(token)).ino).not.toBe(kept.ino);
      // --json is drawn from the listing every time.
      const json = await runCli(['list', '--json'], { env: session });
      expect(json.stdout).toContain('"label": "added-meanwhile"');
    } finally {
      writeFileSync(path, before, { mode: 0o600 });
    }
  });

  it('is drawn again when what was kept does not open, and is gone at `lock`', async () => {
    const token = await unlock();
    const session = { ...bare, TOKENVAULT_SESSION: token };
    const first = await runCli(['list'], { env: session });
    const raw = readFileSync(cacheOf(token));
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    writeFileSync(cacheOf(token), raw);
    expect(await runCli(['list'], { env: session })).toEqual(first);
    expect(readFileSync(cacheOf(token))).not.toEqual(raw);
    expect((await runCli(['lock'], { env: bare })).code).toBe(0);
    expect(readdirSync(join(vault.dir, 'sessions'))).toEqual([]);
  });
});

describe('what a session kept, printed by the bin', () => {
  it('without loading the program: list once it kept its table, completion once it kept the labels', async () => {
    const bin = builtBin();
    if (!bin) return; // the sources through tsx: there is no bin to run
    // A copy of the built command line, from which the program is then taken away.
    const copy = join(vault.dir, 'cli-copy');
    cpSync(dirname(bin), copy, { recursive: true });
    const session = { ...bare, TOKENVAULT_SESSION: await unlock() };
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(copy, 'tokenvault.cjs'), ...args], {
        encoding: 'utf8',
        env: session,
      });
    const drawn = run(['list']);
    expect(drawn).toMatchObject({ status: 0, stderr: '' });
    const labels = run(['__complete', '--', 'headers', 'st']);
    expect(labels).toMatchObject({ status: 0, stdout: ':words\nstripe\n' });
    rmSync(join(copy, 'tokenvault.mjs'));
    rmSync(join(copy, 'chunks'), { recursive: true });
    expect(run(['list'])).toMatchObject({ status: 0, stdout: drawn.stdout, stderr: '' });
    // Completion too: the labels the session kept, and what needs no label.
    expect(run(['__complete', '--', 'headers', 'st'])).toMatchObject({
      status: 0,
      stdout: labels.stdout,
    });
    expect(run(['__complete', '--', 'unl'])).toMatchObject({
      status: 0,
      stdout: ':words\nunlock\n',
    });
    // Anything else needs the program.
    const json = run(['list', '--json']);
    expect(json.status).toBe(1);
    expect(json.stderr).toMatch(/the program beside this one could not be loaded/);
  });
});

describe('programs the command line starts', () => {
  it('the browser `connect` opens gets neither the session nor the password', async () => {
    // A stand-in for xdg-open on PATH that writes down the environment it was given.
    const bin = join(vault.dir, 'fake-bin');
    const seen = join(vault.dir, 'browser-env.json');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      join(bin, 'xdg-open'),
      `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ url: process.argv[2], env: process.env }));\n`,
      { mode: 0o755 },
    );
    const session = await unlock();
    const r = await runCli(
      [
        'connect',
        'faxplus',
        '--label',
        'web',
        '--client-id',
        'APIKbrowser',
        '--redirect',
        `loopback:${await freePort()}`,
        '--timeout',
        '2',
      ],
      {
        env: {
          ...env,
          TOKENVAULT_SESSION: session,
          TOKENVAULT_BACKUP_PASSPHRASE: 'backup passphrase here',
          PATH: `${bin}:${env['PATH'] ?? ''}`,
        },
        input: 'client-secret-for-browser-test\n',
      },
    );
    // Nobody approves in this stand-in browser, so the flow times out.
    expect(r.code).toBe(1);
    const opened = JSON.parse(readFileSync(seen, 'utf8')) as {
      url: string;
      env: Record<string, string>;
    };
    expect(opened.url).toMatch(/^http:\/\/127\.0\.0\.1:9\/.*client_id=APIKbrowser/);
    expect(opened.env['TOKENVAULT_HOME']).toBe(vault.dir);
    for (const name of [
      'TOKENVAULT_SESSION',
      'TOKENVAULT_PASSWORD',
      'TOKENVAULT_BACKUP_PASSPHRASE',
    ]) {
      expect(opened.env[name], name).toBeUndefined();
    }
  });
});

describe('a reader that has left the pipe', () => {
  it('ends `tokenvault list | true` quietly: exit 0, nothing on stderr', async () => {
    const bin = builtBin();
    if (!bin) return; // the sources through tsx: the same program, checked through the bin
    const token = await unlock();
    const err = join(vault.dir, 'pipe-err');
    // `true` has left long before the list is ready, so the first write meets a closed pipe.
    // Twice: the table drawn, then the table the session kept (printed by the bin).
    for (const run of ['drawn', 'kept']) {
      const closed = spawnSync(
        'bash',
        ['-c', 'node "$0" list 2>"$1" | true; echo "${PIPESTATUS[0]}"; cat "$1"', bin, err],
        { encoding: 'utf8', env: { ...bare, TOKENVAULT_SESSION: token } },
      );
      expect(closed.stdout, run).toBe('0\n');
    }
    expect(readdirSync(join(vault.dir, 'sessions'))).toContain(`${token.split('.')[1]}.list.cache`);
  });
});
