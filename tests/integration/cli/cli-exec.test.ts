// The command line as a credential helper (issue 13): `token`, `exec` (and its password
// paths) and `inject`, against the Fax.Plus sandbox, with the real program spawned as a shell
// user runs it.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaxplusSandbox, type FaxplusSandbox } from '../../sandbox/faxplus/faxplus.sandbox';
import { baseEnv, prepareCli, runCli, tempVaultDir, TEST_PASSWORD } from './cli-harness';
import { connectedEntry } from './faxplus-cli';

let sandbox: FaxplusSandbox;
let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;
let patToken = '';
const NODE = process.execPath;

/** A child that prints the named variables as JSON (absent ones as null). */
const printEnv = (...names: string[]) => [
  NODE,
  '-e',
  `const o={};for(const n of ${JSON.stringify(names)})o[n]=process.env[n]??null;process.stdout.write(JSON.stringify(o))`,
];

const refreshes = () =>
  sandbox.control.requests('/token').filter((r) => (r.query.grant_type ?? '') === 'refresh_token')
    .length;

beforeAll(async () => {
  await prepareCli();
  sandbox = await startFaxplusSandbox({ advancedSecurity: true });
  vault = tempVaultDir();
  env = baseEnv(vault.dir, {
    TOKENVAULT_FAXPLUS_ACCOUNTS_URL: sandbox.accountsUrl,
    TOKENVAULT_FAXPLUS_API_URL: sandbox.apiUrl,
  });
  expect((await runCli(['init'], { env })).code).toBe(0);
  const pat = sandbox.control.addPat({ name: 'ops', scopes: ['fax:all:read'] });
  patToken = pat.token;
  const added = await runCli(['add', 'faxplus-pat', '--label', 'ops team'], {
    env,
    input: `${pat.token}\n`,
  });
  expect(added.code, added.stderr).toBe(0);
  await connectedEntry(sandbox, env, 'billing');
});

afterAll(async () => {
  await sandbox.close();
  vault.cleanup();
});

describe('tokenvault token', () => {
  it('prints the bearer value alone on one line', async () => {
    expect(await runCli(['token', 'ops team'], { env })).toEqual({
      code: 0,
      stdout: `${patToken}\n`,
      stderr: '',
    });
  });

  it('refreshes a Fax.Plus access token about to expire, and the new one works', async () => {
    sandbox.control.setAccessTokenSeconds(30);
    await connectedEntry(sandbox, env, 'short');
    sandbox.control.setAccessTokenSeconds(3600);
    const before = refreshes();
    const r = await runCli(['token', 'short'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(refreshes()).toBe(before + 1);
    const res = await fetch(`${sandbox.apiUrl}/accounts/self`, {
      headers: {
        Authorization: `Bearer ${r.stdout.trim()}`,
        'x-fax-clientid': 'APIKdemo0sandbox0client',
      },
    });
    expect(res.status).toBe(200);
  });

  it('an unknown label -> exit 2 naming it', async () => {
    const r = await runCli(['token', 'nope'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tokenvault: No entry labelled "nope"/);
    expect(r.stdout).toBe('');
  });
});

describe('tokenvault exec', () => {
  it('gives the child the provider defaults and AUTH_HEADER; stdout is only the child', async () => {
    const token = (await runCli(['token', 'billing'], { env })).stdout.trim();
    const r = await runCli(
      [
        'exec',
        'billing',
        '--',
        ...printEnv(
          'FAXPLUS_ACCESS_TOKEN',
          'FAXPLUS_CLIENT_ID',
          'AUTH_HEADER',
          'TOKENVAULT_TOKEN_EXPIRES_AT',
          'TOKENVAULT_PASSWORD',
          'SMSFACTOR_TOKEN',
        ),
      ],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const seen = JSON.parse(r.stdout) as Record<string, string | null>;
    expect(seen).toMatchObject({
      FAXPLUS_ACCESS_TOKEN: token,
      FAXPLUS_CLIENT_ID: 'APIKdemo0sandbox0client',
      AUTH_HEADER: `Authorization: Bearer ${token}`,
      // The master password opens the vault; the child never gets it.
      TOKENVAULT_PASSWORD: null,
      SMSFACTOR_TOKEN: null,
    });
    const expires = Date.parse(seen['TOKENVAULT_TOKEN_EXPIRES_AT'] ?? '');
    expect(expires - Date.now()).toBeGreaterThan(50 * 60_000);
  });

  it('a script uses $AUTH_HEADER with curl against the API', async () => {
    const script = `curl --silent --show-error --max-time 10 -H "$AUTH_HEADER" -H "x-fax-clientid: $FAXPLUS_CLIENT_ID" '${sandbox.apiUrl}/accounts/self'`;
    const r = await runCli(['exec', 'billing', '--', 'sh', '-c', script], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ uid: '7c0ffee0sandbox' });
  });

  it('--env NAME=FIELD adds variables; --no-defaults leaves out the rest', async () => {
    const r = await runCli(
      [
        'exec',
        'ops team',
        '--no-defaults',
        '--env',
        'API_TOKEN=token',
        '--env',
        'WHO=label',
        '--',
        ...printEnv('API_TOKEN', 'WHO', 'AUTH_HEADER', 'FAXPLUS_ACCESS_TOKEN'),
      ],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      API_TOKEN: patToken,
      WHO: 'ops team',
      AUTH_HEADER: null,
      FAXPLUS_ACCESS_TOKEN: null,
    });
  });

  it("passes the child's exit code through", async () => {
    const r = await runCli(['exec', 'ops team', '--', NODE, '-e', 'process.exit(42)'], { env });
    expect(r.code).toBe(42);
    expect(r.stdout).toBe('');
  });

  it('ends by the signal that ended the child', async () => {
    const r = await runCli(
      ['exec', 'ops team', '--', NODE, '-e', "process.kill(process.pid, 'SIGTERM')"],
      { env },
    );
    expect(r).toMatchObject({ code: null, signal: 'SIGTERM' });
  });

  it('forwards a signal sent to tokenvault to the child', async () => {
    const child = [
      NODE,
      '-e',
      "process.on('SIGTERM',()=>{process.stdout.write('got SIGTERM');process.exit(7)});process.stdout.write('ready');setInterval(()=>{},1000)",
    ];
    const r = await runCli(['exec', 'ops team', '--', ...child], {
      env,
      onSpawn: (proc) => {
        proc.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString('utf8').endsWith('ready')) proc.kill('SIGTERM');
        });
      },
    });
    expect(r.stdout).toBe('readygot SIGTERM');
    expect(r.code).toBe(7);
  });

  describe('checks everything before starting the command', () => {
    let markerDir: string;
    let marker: string;
    const touch = () => [NODE, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`];
    beforeAll(() => {
      markerDir = mkdtempSync(join(tmpdir(), 'tokenvault-exec-'));
      marker = join(markerDir, 'started');
    });
    afterAll(() => rmSync(markerDir, { recursive: true, force: true }));

    it('a missing label exits 2 and starts nothing', async () => {
      const r = await runCli(['exec', 'nope', '--', ...touch()], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/No entry labelled "nope"/);
      expect(existsSync(marker)).toBe(false);
    });

    it('an unknown --env field exits 2 naming the fields there are', async () => {
      const r = await runCli(['exec', 'ops team', '--env', 'X=client_id', '--', ...touch()], {
        env,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no field "client_id" here; this entry has .*token/);
      expect(existsSync(marker)).toBe(false);
    });

    it('a wrong master password exits 3 and starts nothing', async () => {
      const r = await runCli(['exec', 'ops team', '--', ...touch()], {
        env: { ...env, TOKENVAULT_PASSWORD: 'not the password at all' },
      });
      expect(r.code).toBe(3);
      expect(existsSync(marker)).toBe(false);
    });

    it('no command after -- is a usage error', async () => {
      expect((await runCli(['exec', 'ops team'], { env })).code).toBe(2);
      expect((await runCli(['exec', 'ops team', '--'], { env })).code).toBe(2);
    });

    it('a command that does not exist exits 127', async () => {
      const r = await runCli(['exec', 'ops team', '--', 'no-such-command-here'], { env });
      expect(r.code).toBe(127);
      expect(r.stderr).toMatch(/command not found/);
    });
  });

  it('--password-stdin: the first line opens the vault, the rest is the child stdin', async () => {
    const withoutPassword = { ...env, TOKENVAULT_PASSWORD: '' };
    const r = await runCli(
      [
        'exec',
        'ops team',
        '--password-stdin',
        '--',
        NODE,
        '-e',
        "let s='';process.stdin.on('data',c=>s+=c).on('end',()=>process.stdout.write(JSON.stringify({s,t:process.env.FAXPLUS_ACCESS_TOKEN})))",
      ],
      { env: withoutPassword, input: `${TEST_PASSWORD}\nline one\nline two\n` },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ s: 'line one\nline two\n', t: patToken });
  });

  it('--min-valid refreshes a token that would not stay valid that long', async () => {
    const before = refreshes();
    const r = await runCli(
      ['exec', 'billing', '--min-valid', '7200', '--', ...printEnv('FAXPLUS_ACCESS_TOKEN')],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(refreshes()).toBe(before + 1);
  });
});

describe('tokenvault inject', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tokenvault-inject-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const template = [
    'FAX_TOKEN={{ tokenvault://billing/token }}',
    'FAX_CLIENT={{tokenvault://billing/client_id}}',
    'OPS="{{ tokenvault://ops team/header }}"',
    'OPS_AGAIN={{ tokenvault://ops%20team/token }}',
    'untouched: {{ something else }}',
    '',
  ].join('\n');

  it('fills every reference from standard input to standard output', async () => {
    const token = (await runCli(['token', 'billing'], { env })).stdout.trim();
    const r = await runCli(['inject'], { env, input: template });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        `FAX_TOKEN=${token}`,
        'FAX_CLIENT=APIKdemo0sandbox0client',
        `OPS="Authorization: Bearer ${patToken}"`,
        `OPS_AGAIN=${patToken}`,
        'untouched: {{ something else }}',
        '',
      ].join('\n'),
    );
  });

  it('-i/-o: the output file is created 0600 and replaced atomically', async () => {
    const input = join(work, 'app.env.tpl');
    const output = join(work, 'app.env');
    writeFileSync(input, template);
    writeFileSync(output, 'old contents\n', { mode: 0o644 });
    const r = await runCli(['inject', '-i', input, '-o', output], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain(patToken);
    expect(statSync(output).mode & 0o777).toBe(0o600);
    expect(readFileSync(output, 'utf8')).toContain(`OPS_AGAIN=${patToken}\n`);
    expect(readdirSync(work).sort()).toEqual(['app.env', 'app.env.tpl']);
  });

  it('an unknown label or field fails naming the reference; nothing is written', async () => {
    const output = join(work, 'kept.env');
    writeFileSync(output, 'kept\n');
    const badLabel = await runCli(['inject', '-o', output], {
      env,
      input: 'A={{ tokenvault://billing/token }}\nB={{ tokenvault://nobody/token }}\n',
    });
    expect(badLabel.code).toBe(2);
    expect(badLabel.stderr).toMatch(/line 2: \{\{ tokenvault:\/\/nobody\/token \}\}: No entry/);
    const badField = await runCli(['inject', '-o', output], {
      env,
      input: '{{ tokenvault://ops team/client_id }}',
    });
    expect(badField.code).toBe(2);
    expect(badField.stderr).toMatch(/no field "client_id"; "ops team" has /);
    const malformed = await runCli(['inject', '-o', output], {
      env,
      input: 'X={{ tokenvault:/billing/token }}',
    });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/line 1: .* is not a reference/);
    expect(readFileSync(output, 'utf8')).toBe('kept\n');
    expect(readdirSync(work).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('an output that cannot be written -> exit 1, no partial file left', async () => {
    const output = join(work, 'missing-folder', 'out.env');
    const r = await runCli(['inject', '-o', output], { env, input: template });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(existsSync(join(work, 'missing-folder'))).toBe(false);
  });

  it('--password-stdin: password first, then the template', async () => {
    const r = await runCli(['inject', '--password-stdin'], {
      env: { ...env, TOKENVAULT_PASSWORD: '' },
      input: `${TEST_PASSWORD}\nT={{ tokenvault://ops team/token }}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`T=${patToken}\n`);
  });

  // Last: it gives "ops team" a second entry (an API key), which the tests above do not expect.
  it('a label two providers use: the reference names the provider, or fails saying how', async () => {
    const added = await runCli(['add', 'api-key', '--label', 'ops team'], {
      env,
      input: 'sk-second-ops-key\n',
    });
    expect(added.code, added.stderr).toBe(0);
    const output = join(work, 'both.env');
    const ambiguous = await runCli(['inject', '-o', output], {
      env,
      input: 'A={{ tokenvault://ops team/token }}\n',
    });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe(
      'tokenvault: line 1: {{ tokenvault://ops team/token }}: faxplus and api-key each have an ' +
        'entry "ops team"; write tokenvault://faxplus:ops team/token or ' +
        'tokenvault://api-key:ops team/token.\n',
    );
    expect(existsSync(output)).toBe(false);
    const named = await runCli(['inject'], {
      env,
      input:
        'A={{ tokenvault://api-key:ops team/token }}\nB={{ tokenvault://faxplus:ops%20team/token }}\n',
    });
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toBe(`A=sk-second-ops-key\nB=${patToken}\n`);
    const token = await runCli(['token', 'ops team'], { env });
    expect(token.code).toBe(2);
    expect(token.stderr).toBe(
      'tokenvault: faxplus and api-key each have an entry "ops team"; ' +
        'add --provider faxplus|api-key.\n',
    );
  });
});
