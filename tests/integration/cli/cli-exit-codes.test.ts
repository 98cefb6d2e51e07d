// Exit codes and streams of the real program (issue 6): 0 success, 1 provider/network,
// 2 usage, 3 wrong password or vault missing; errors on stderr, data on stdout.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, generalHelp } from '../../../main/cli/cli-commands';
import { baseEnv, builtBin, prepareCli, runCli, tempVaultDir } from './cli-harness';

let vault: ReturnType<typeof tempVaultDir>;
let missing: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;

beforeAll(async () => {
  await prepareCli();
  vault = tempVaultDir();
  missing = tempVaultDir();
  env = baseEnv(vault.dir);
  expect((await runCli(['init'], { env })).code).toBe(0);
});

afterAll(() => {
  vault.cleanup();
  missing.cleanup();
});

describe.concurrent('usage errors exit 2 with the message on stderr', () => {
  it.each([
    ['no command', []],
    ['unknown command', ['frobnicate']],
    ['unknown sub-command', ['add', 'nothing']],
    ['unknown option', ['list', '--colour']],
    ['extra argument', ['list', 'extra']],
    ['missing label', ['headers']],
    ['missing --label', ['add', 'smsfactor']],
    ['bad header format', ['headers', 'x', '--format', 'yaml']],
    ['unknown label', ['headers', 'nope']],
    ['bad --ttl', ['create', 'smsfactor', '--parent', 'p', '--name', 'n', '--ttl', '-5']],
    ['bad --expires', ['add', 'faxplus-pat', '--label', 'l', '--expires', '2026-02-30']],
    [
      'scheme redirect',
      ['connect', 'faxplus', '--label', 'l', '--client-id', 'APIKx', '--redirect', 'scheme'],
    ],
    [
      'bad --refresh-days',
      [
        'connect',
        'faxplus',
        '--label',
        'l',
        '--client-id',
        'APIKx',
        '--redirect',
        'loopback',
        '--refresh-days',
        '7',
      ],
    ],
  ])('%s', async (_name, args) => {
    const r = await runCli(args, { env });
    expect(r.code).toBe(2);
    expect(r.stderr.length + r.stdout.length).toBeGreaterThan(0);
    if (args.length > 0) expect(r.stderr).toMatch(/^tokenvault: /);
  });

  it('init on an existing vault', async () => {
    const r = await runCli(['init'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists/);
  });

  it('init with a weak password', async () => {
    const fresh = tempVaultDir();
    const r = await runCli(['init'], { env: baseEnv(fresh.dir, { TOKENVAULT_PASSWORD: 'short' }) });
    fresh.cleanup();
    expect(r.code).toBe(2);
  });

  it('no password source and no terminal', async () => {
    const r = await runCli(['add', 'smsfactor', '--label', 'x'], {
      env: { ...env, TOKENVAULT_PASSWORD: '' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TOKENVAULT_PASSWORD/);
  });

  it('no secret on standard input', async () => {
    const r = await runCli(['add', 'smsfactor', '--label', 'x'], { env, input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/standard input/);
  });
});

describe.concurrent('vault problems exit 3', () => {
  it.each([
    ['list', ['list']],
    ['reminders', ['reminders', '--json']],
    ['headers', ['headers', 'x']],
    ['add', ['add', 'smsfactor', '--label', 'x']],
  ])('%s without a vault', async (_name, args) => {
    const r = await runCli(args, { env: baseEnv(missing.dir) });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/No vault in/);
  });

  it('--vault DIR wins over TOKENVAULT_HOME', async () => {
    const r = await runCli(['list', '--json', '--vault', vault.dir], { env: baseEnv(missing.dir) });
    expect(r.code).toBe(0);
  });

  it('wrong password', async () => {
    const r = await runCli(['add', 'smsfactor', '--label', 'x'], {
      env: { ...env, TOKENVAULT_PASSWORD: 'not the right password at all' },
      input: 'sf_whatever_token\n',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/password/i);
  });
});

describe.concurrent('help', () => {
  it.each(COMMANDS.map((c) => [c.name]))('tokenvault %s --help', async (name) => {
    const r = await runCli([...name.split(' '), '--help'], { env: baseEnv(missing.dir) });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`Usage: tokenvault ${name}`);
    expect(r.stdout).toContain('Exit codes');
  });

  it('tokenvault --help lists every command but the completion helper', async () => {
    const r = await runCli(['--help'], { env });
    expect(r.code).toBe(0);
    for (const c of COMMANDS.filter((c) => !c.hidden)) expect(r.stdout).toContain(c.name);
    expect(r.stdout).not.toContain('__complete');
    expect(r.stdout).toBe(generalHelp());
  });

  it('with no arguments prints the same help as a usage error (exit 2), help and -h exit 0', async () => {
    const none = await runCli([], { env });
    expect(none).toMatchObject({ code: 2, stdout: generalHelp(), stderr: '' });
    for (const word of ['help', '-h']) {
      expect(await runCli([word], { env })).toMatchObject({ code: 0, stdout: generalHelp() });
    }
  });

  it('the bin alone (the program not beside it) prints the help, and says what is missing for a command', async () => {
    const bin = builtBin();
    if (!bin) return; // the sources through tsx have no separate bin
    const lonely = tempVaultDir();
    try {
      const copy = join(lonely.dir, 'tokenvault.cjs');
      copyFileSync(bin, copy);
      const run = (args: string[]) =>
        spawnSync(process.execPath, [copy, ...args], {
          encoding: 'utf8',
          env: baseEnv(lonely.dir),
        });
      expect(run(['--help'])).toMatchObject({ status: 0, stdout: generalHelp(), stderr: '' });
      // A reader that has already gone (`| true`, `| head -1`): no error, still exit 0.
      const closed = spawnSync(
        'bash',
        [
          '-c',
          'node "$0" --help 2>"$1" | true; echo "${PIPESTATUS[0]}"; cat "$1"',
          copy,
          join(lonely.dir, 'err'),
        ],
        { encoding: 'utf8' },
      );
      expect(closed.stdout).toBe('0\n');
      const list = run(['list']);
      expect(list.status).toBe(1);
      expect(list.stdout).toBe('');
      expect(list.stderr).toMatch(/^tokenvault: the program beside this one could not be loaded/);
    } finally {
      lonely.cleanup();
    }
  });
});

describe('TOKENVAULT_TEST_KDF_ITERATIONS', () => {
  const iterations = () =>
    (
      JSON.parse(readFileSync(join(vault.dir, 'vault.json'), 'utf8')) as {
        kdf: { iterations: number };
      }
    ).kdf.iterations;

  it('applies to the vault init created, and says so on stderr', async () => {
    expect(iterations()).toBe(1000);
    const fresh = tempVaultDir();
    const r = await runCli(['init'], {
      env: baseEnv(fresh.dir, { TOKENVAULT_TEST_KDF_ITERATIONS: '2000' }),
    });
    fresh.cleanup();
    expect(r.stderr).toMatch(/WARNING: .*2000 PBKDF2 iterations/);
  });

  it('never changes an existing vault', async () => {
    await runCli(['add', 'smsfactor', '--label', 'x'], {
      env: { ...env, TOKENVAULT_TEST_KDF_ITERATIONS: '1' },
      input: 'sf_whatever_token\n',
    });
    expect(iterations()).toBe(1000);
  });

  it.each(['0', '-1', '1.5', 'lots', '600001'])('refuses %s', async (value) => {
    const fresh = tempVaultDir();
    const r = await runCli(['init'], {
      env: baseEnv(fresh.dir, { TOKENVAULT_TEST_KDF_ITERATIONS: value }),
    });
    fresh.cleanup();
    expect(r.code).toBe(2);
  });
});
