// The command line on a 10,000-entry vault with the real KDF (600,000 iterations), whole
// process, median of 7, every command run in turn in the same rounds (issue 13):
//   cli_headers_10k_ms against kdf_pbkdf2_600k_ms (the bare KDF, in-process) and their
//   difference and ratio; cli_token/exec/list_10k_ms and list's time beside the KDF (labels
//   are sealed, so `list` derives the key too: bare Node plus the KDF is its floor);
//   cli_help_ms; node_start_ms (bare Node, the floor under every figure);
//   node_read_parse_10k_ms (Node doing nothing but reading and JSON-parsing the same vault
//   file, which the command line's scan of the file's bytes no longer does);
//   cli_reminders_10k_ms and cli_session_reminders_10k_ms (10,000 entries, none due), and
//   cli_session_reminders_10k_due_ms (another vault whose 10,000 entries are all due);
//   cli_session_list_10k_ms (with a session, the table drawn from the listing: the first
//   `list` after the vault changed) and cli_session_list_kept_10k_ms (the same file listed
//   again: the session's kept table, vault-session.ts), and the latter beside bare Node;
//   cli_session_complete_label_10k_ms and its _kept_ twin (Tab on a label with a session:
//   labels drawn from the listing, then the labels the session kept), cli_complete_command_ms
//   (Tab on a command name, no vault needed);
//   node_list_floor_10k_ms (list-floor.cjs: the least a Node program does to print the same
//   table from the same file with a session's key), cli_session_list_vs_floor_ratio and
//   cli_list_minus_kdf_vs_floor_ratio (list with the password, beside the KDF, against it);
//   cli_headers_peak_mib (peak resident memory of `headers`);
//   and the peer keepassxc_show_10k_ms: keepassxc-cli `show` on a 10,000-entry KDBX whose KDF
//   was calibrated to the same time as ours (skipped, with a note, without keepassxc-cli).
// Runs the built bin out/cli/tokenvault.cjs when present (what users run), else the
// sources via tsx. The children get PATH, TOKENVAULT_HOME and TOKENVAULT_PASSWORD only (a
// NODE_EXTRA_CA_CERTS in the caller's environment would add ~40 ms of certificate loading to
// every Node start, ours and bare Node's alike).
import { spawnSync } from 'node:child_process';
import { pbkdf2 } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Clock, Scheduler } from '../main/core/ports';
import { nodeRandom, secretAad } from '../main/core/vault/crypto';
import { SEALED_VALUE_VERSION } from '../main/core/vault/seal-format';
import type { StoredEntry } from '../main/core/vault/vault-file';
import {
  nativeSeal,
  openVaultFile,
  sealVaultDocument,
  writeSealedFile,
} from '../tests/support/vault-file-tool';
import { createVaultService } from '../main/core/vault/vault.factory';

type Row = [string, number, string];
const ENTRIES = 10_000;
const RUNS = 7;
export const PASSWORD = 'benchmark master password';
const ROOT = resolve(import.meta.dirname, '..');
const clock: Clock & Scheduler = {
  now: () => Date.now(),
  setTimeout: () => ({ cancel: () => undefined }),
};

/**
 * A real vault (real KDF), then 10,000 sealed SMSFactor entries written in one save. Returns
 * the data key, for the floor program (list-floor.cjs) only.
 */
export async function buildVault(
  dir: string,
  options: { due?: boolean } = {},
): Promise<Uint8Array> {
  const random = nodeRandom();
  const vault = createVaultService({
    dir,
    clock,
    scheduler: clock,
    random,
    idleLockMinutes: () => 0,
  });
  vault.start();
  await vault.create(PASSWORD);
  const path = join(dir, 'vault.json');
  // The data key, through the public key hierarchy: seals 10,000 entries in one save.
  const { doc, dek } = await openVaultFile(path, PASSWORD);
  const now = Date.now();
  const entries: StoredEntry[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const id = `bench-${i.toString(16).padStart(8, '0')}`;
    entries.push({
      id,
      label: `token ${i}`,
      provider: 'smsfactor',
      kind: 'smsfactor-token',
      status: 'active',
      createdAt: now,
      updatedAt: now,
      // With `due`, every token expires within 30 days (12 hours apart, 60 steps), so
      // `reminders` has 10,000 items to word, sort and print.
      ttlSeconds: options.due ? 30 * 86_400 : null,
      expiresAt: options.due ? now + ((i % 60) + 1) * 12 * 3_600_000 : null,
      allowedIps: [],
      format: 'json',
      tokenId: String(100_000 + i),
      secrets: {
        token: nativeSeal(
          dek,
          `sf_bench_token_${i}_abcdef0123456789`,
          secretAad(id, 'token', SEALED_VALUE_VERSION),
        ),
      },
    });
  }
  writeSealedFile(path, sealVaultDocument({ ...doc, entries }, dek), dek);
  return dek;
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

function timed(argv: string[], env: Record<string, string>, input?: string) {
  const start = performance.now();
  const r = spawnSync(argv[0] ?? '', argv.slice(1), { cwd: ROOT, env, encoding: 'utf8', input });
  return { ms: performance.now() - start, ...r };
}

function kdfMs(salt: Buffer): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) =>
    pbkdf2(PASSWORD, salt, 600_000, 32, 'sha256', (err) =>
      err ? reject(err) : resolve(performance.now() - start),
    ),
  );
}

/** A KeePass 2 XML export with the same 10,000 labels and secrets, for keepassxc-cli import. */
function keepassXml(): string {
  const uuid = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const entries: string[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    entries.push(
      `<Entry><UUID>${uuid()}</UUID><String><Key>Title</Key><Value>token ${i}</Value></String>` +
        `<String><Key>Password</Key><Value ProtectInMemory="True">sf_bench_token_${i}_abcdef0123456789</Value></String></Entry>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><KeePassFile><Meta>' +
    '<Generator>token-vault-bench</Generator><DatabaseName>bench</DatabaseName></Meta><Root>' +
    `<Group><UUID>${uuid()}</UUID><Name>Root</Name>${entries.join('')}</Group></Root></KeePassFile>`
  );
}

function hasKeepassxc(): boolean {
  return spawnSync('keepassxc-cli', ['--version'], { encoding: 'utf8' }).status === 0;
}

export default async function cliBench(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
  const dueDir = mkdtempSync(join(tmpdir(), 'cli-bench-due-'));
  try {
    const dek = await buildVault(dir);
    await buildVault(dueDir, { due: true });
    const bundle = join(ROOT, 'out/cli/tokenvault.cjs');
    const cli = [
      process.execPath,
      ...(existsSync(bundle) ? [bundle] : ['--import', 'tsx', join(ROOT, 'main/cli/index.ts')]),
    ];
    const env = {
      PATH: process.env['PATH'] ?? '',
      TOKENVAULT_HOME: dir,
      TOKENVAULT_PASSWORD: PASSWORD,
    };
    const vaultFile = join(dir, 'vault.json');
    const salt = Buffer.from(
      (JSON.parse(readFileSync(vaultFile, 'utf8')) as { kdf: { salt: string } }).kdf.salt,
      'base64',
    );
    const kdfSample = median([await kdfMs(salt), await kdfMs(salt), await kdfMs(salt)]);

    const keepass = hasKeepassxc();
    const kdbx = join(dir, 'bench.kdbx');
    if (keepass) {
      const xml = join(dir, 'bench.xml');
      writeFileSync(xml, keepassXml());
      // Its KDF calibrated to take what ours takes on this machine.
      const made = spawnSync(
        'keepassxc-cli',
        ['import', '-q', '-p', '-t', String(Math.max(1, Math.round(kdfSample))), xml, kdbx],
        { input: `${PASSWORD}\n${PASSWORD}\n`, encoding: 'utf8' },
      );
      if (made.status !== 0) throw new Error(`keepassxc-cli import failed: ${made.stderr}`);
    }

    // A session (`tokenvault unlock`): the same commands with no password and no KDF.
    const unlocked = timed([...cli, 'unlock', '--raw', '--for', '2h'], env);
    const sessionEnv = {
      PATH: env.PATH,
      TOKENVAULT_HOME: dir,
      TOKENVAULT_SESSION: unlocked.stdout.trim(),
    };
    if (unlocked.status !== 0) throw new Error(`tokenvault unlock failed: ${unlocked.stderr}`);
    const unlockedDue = timed([...cli, 'unlock', '--raw', '--for', '2h'], {
      ...env,
      TOKENVAULT_HOME: dueDir,
    });
    if (unlockedDue.status !== 0)
      throw new Error(`tokenvault unlock failed: ${unlockedDue.stderr}`);
    const dueEnv = {
      ...sessionEnv,
      TOKENVAULT_HOME: dueDir,
      TOKENVAULT_SESSION: unlockedDue.stdout.trim(),
    };

    const times: Record<string, number[]> = {};
    const add = (name: string, ms: number) => (times[name] ??= []).push(ms);
    for (let i = 0; i < RUNS; i++) {
      const label = `token ${(i * 1999) % ENTRIES}`;
      const secret = `sf_bench_token_${(i * 1999) % ENTRIES}_abcdef0123456789`;
      add('node', timed([process.execPath, '-e', '0'], env).ms);
      add('kdf', await kdfMs(salt));
      const headers = timed([...cli, 'headers', label], env);
      if (
        headers.status !== 0 ||
        headers.stdout !== `Authorization: Bearer ${secret}\nAccept: application/json\n`
      ) {
        throw new Error(
          `tokenvault headers failed (exit ${headers.status}): ${headers.stderr.trim()}`,
        );
      }
      add('headers', headers.ms);
      const token = timed([...cli, 'token', label], env);
      if (token.stdout !== `${secret}\n`)
        throw new Error(`tokenvault token failed: ${token.stderr}`);
      add('token', token.ms);
      const exec = timed([...cli, 'exec', label, '--', process.execPath, '-e', '0'], env);
      if (exec.status !== 0) throw new Error(`tokenvault exec failed: ${exec.stderr}`);
      add('exec', exec.ms);
      const list = timed([...cli, 'list'], env);
      if (list.status !== 0 || !list.stdout.includes('token 9999')) {
        throw new Error(`tokenvault list failed: ${list.stderr}`);
      }
      add('list', list.ms);
      const sessionHeaders = timed([...cli, 'headers', label], sessionEnv);
      if (!sessionHeaders.stdout.startsWith(`Authorization: Bearer ${secret}\n`)) {
        throw new Error(`tokenvault headers with a session failed: ${sessionHeaders.stderr}`);
      }
      add('session_headers', sessionHeaders.ms);
      // Drawn from the listing (the session's kept table removed first: the first `list`
      // after the vault changed), then the same again, printed from the kept table.
      for (const name of readdirSync(join(dir, 'sessions'))) {
        if (name.endsWith('.cache')) rmSync(join(dir, 'sessions', name));
      }
      for (const run of ['session_list', 'session_list_kept']) {
        const sessionList = timed([...cli, 'list'], sessionEnv);
        if (sessionList.status !== 0 || sessionList.stdout !== list.stdout) {
          throw new Error(`tokenvault list with a session failed: ${sessionList.stderr}`);
        }
        add(run, sessionList.ms);
      }
      // Completion: a label with a session (drawn, then from the kept labels), and a command.
      for (const run of ['session_complete_label', 'session_complete_label_kept']) {
        const completed = timed([...cli, '__complete', '--', 'headers', 'token 99'], sessionEnv);
        if (!completed.stdout.startsWith(':words\ntoken 99\ntoken 990\n')) {
          throw new Error(`tokenvault __complete failed: ${completed.stderr}`);
        }
        add(run, completed.ms);
      }
      const command = timed([...cli, '__complete', '--', 'hea'], env);
      if (command.stdout !== ':words\nheaders\n') {
        throw new Error(`tokenvault __complete (a command) failed: ${command.stderr}`);
      }
      add('complete_command', command.ms);
      const floor = timed([process.execPath, join(ROOT, 'bench/list-floor.cjs'), vaultFile], {
        ...env,
        TOKENVAULT_BENCH_DEK: Buffer.from(dek).toString('base64'),
      });
      if (floor.status !== 0 || floor.stdout !== list.stdout) {
        throw new Error(`bench/list-floor.cjs did not print what list prints: ${floor.stderr}`);
      }
      add('list_floor', floor.ms);
      for (const [name, runEnv] of [
        ['reminders', env],
        ['session_reminders', sessionEnv],
      ] as const) {
        const reminders = timed([...cli, 'reminders'], runEnv);
        if (reminders.status !== 0 || !reminders.stderr.includes('Nothing to remind')) {
          throw new Error(`tokenvault reminders failed: ${reminders.stderr}`);
        }
        add(name, reminders.ms);
      }
      const due = timed([...cli, 'reminders'], dueEnv);
      if (due.status !== 0 || due.stdout.split('\n').length !== ENTRIES + 2) {
        throw new Error(`tokenvault reminders (10,000 due) failed: ${due.stderr}`);
      }
      add('session_reminders_due', due.ms);
      add('help', timed([...cli, '--help'], env).ms);
      // What a reader that JSON-parses the whole file would pay before anything else.
      const parseOnly = `JSON.parse(require('fs').readFileSync(${JSON.stringify(vaultFile)}, 'utf8'))`;
      add('parse', timed([process.execPath, '-e', parseOnly], env).ms);
      if (keepass) {
        const show = timed(
          ['keepassxc-cli', 'show', '-q', '-s', '-a', 'Password', kdbx, label],
          env,
          `${PASSWORD}\n`,
        );
        if (show.status !== 0 || show.stdout.trim() !== secret) {
          throw new Error(`keepassxc-cli show failed: ${show.stderr}`);
        }
        add('keepassxc', show.ms);
      }
    }

    // Peak resident memory of `headers`, read by the process itself as it exits.
    const peakFile = join(dir, 'peak');
    const probe = join(dir, 'peak.mjs');
    writeFileSync(
      probe,
      "import { writeFileSync } from 'node:fs';\n" +
        "process.on('exit', () => writeFileSync(process.env.PEAK_FILE, String(process.resourceUsage().maxRSS)));\n",
    );
    const peaks: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [node, ...rest] = cli;
      timed([node ?? '', '--import', pathToFileURL(probe).href, ...rest, 'headers', 'token 42'], {
        ...env,
        PEAK_FILE: peakFile,
      });
      peaks.push(Number(readFileSync(peakFile, 'utf8')) / 1024);
    }

    const m = (name: string) => median(times[name] ?? []);
    const rows: Row[] = [
      ['node_start_ms', m('node'), 'ms'],
      ['kdf_pbkdf2_600k_ms', m('kdf'), 'ms'],
      ['cli_headers_10k_ms', m('headers'), 'ms'],
      ['cli_headers_minus_kdf_ms', m('headers') - m('kdf'), 'ms'],
      ['cli_headers_vs_kdf_ratio', m('headers') / m('kdf'), 'x'],
      ['cli_token_10k_ms', m('token'), 'ms'],
      ['cli_exec_10k_ms', m('exec'), 'ms'],
      ['cli_list_10k_ms', m('list'), 'ms'],
      ['cli_list_minus_kdf_ms', m('list') - m('kdf'), 'ms'],
      ['cli_session_headers_10k_ms', m('session_headers'), 'ms'],
      ['cli_session_list_10k_ms', m('session_list'), 'ms'],
      ['cli_session_list_vs_password_ratio', m('session_list') / m('list'), 'x'],
      // The same file listed again in the session: its kept table, checked and printed.
      ['cli_session_list_kept_10k_ms', m('session_list_kept'), 'ms'],
      ['cli_session_list_kept_minus_node_ms', m('session_list_kept') - m('node'), 'ms'],
      ['cli_session_complete_label_10k_ms', m('session_complete_label'), 'ms'],
      ['cli_session_complete_label_kept_10k_ms', m('session_complete_label_kept'), 'ms'],
      ['cli_complete_command_ms', m('complete_command'), 'ms'],
      ['cli_reminders_10k_ms', m('reminders'), 'ms'],
      ['cli_session_reminders_10k_ms', m('session_reminders'), 'ms'],
      ['cli_session_reminders_10k_due_ms', m('session_reminders_due'), 'ms'],
      ['node_list_floor_10k_ms', m('list_floor'), 'ms'],
      ['cli_session_list_vs_floor_ratio', m('session_list') / m('list_floor'), 'x'],
      // With the password: what `list` costs beside the KDF, against the floor's whole run.
      ['cli_list_minus_kdf_vs_floor_ratio', (m('list') - m('kdf')) / m('list_floor'), 'x'],
      ['node_read_parse_10k_ms', m('parse'), 'ms'],
      ['cli_help_ms', m('help'), 'ms'],
      ['cli_headers_peak_mib', median(peaks), 'MiB'],
    ];
    if (keepass) {
      rows.push(['keepassxc_show_10k_ms', m('keepassxc'), 'ms']);
      rows.push(['cli_headers_vs_keepassxc_ratio', m('headers') / m('keepassxc'), 'x']);
    } else {
      console.error(
        'cli bench: keepassxc-cli not installed (Debian package keepassxc); no peer figure.',
      );
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dueDir, { recursive: true, force: true });
  }
}
