// Runs the real `tokenvault` program as a child process (never in-process), so exit codes,
// stdout/stderr separation and stdin handling are what a shell user gets. Asynchronous spawn:
// the sandboxes answering the CLI live in this test process's event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = join(ROOT, 'main/cli/index.ts');
let bundlePath: string | undefined;

/**
 * Bundles the CLI once per test file with the release build's options (cli-bundle.mjs: the
 * CommonJS bin, and the ESM program with its lazily loaded chunks), and runs the bin. Starting the bundle costs a third of
 * `node --import tsx`, which keeps these suites fast. TOKENVAULT_CLI_TSX=1 runs the sources
 * through tsx instead.
 */
export async function prepareCli(): Promise<void> {
  if (process.env['TOKENVAULT_CLI_TSX'] === '1' || bundlePath) return;
  const [esbuild, { buildCli }] = await Promise.all([
    import('esbuild'),
    import('../../../scripts/cli-bundle.mjs'),
  ]);
  // Inside the run's folder (tests/support/test-run-dir.ts), which is removed at the end.
  const outDir = mkdtempSync(
    join(process.env['TOKENVAULT_TEST_RUN_DIR'] ?? tmpdir(), 'cli-bundle-'),
  );
  await buildCli(esbuild, ROOT, outDir);
  bundlePath = join(outDir, 'tokenvault.cjs');
}

/** The bin prepareCli() built (undefined when the suites run the sources through tsx). */
export function builtBin(): string | undefined {
  return bundlePath;
}

/** The program to run: the bundle from prepareCli(), else the sources through tsx. */
export function cliCommand(): string[] {
  return bundlePath ? [bundlePath] : ['--import', 'tsx', ENTRY];
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The signal that ended the process, when one did (`exec` passes its child's on). */
  signal?: NodeJS.Signals;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  /** Called with each stdout chunk as it arrives (the connect flow reads the URL live). */
  onStdout?: (chunk: string) => void;
  /** The process, once started (to send it a signal). */
  onSpawn?: (child: ChildProcess) => void;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export function tempVaultDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tokenvault-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Environment with nothing of the developer's own vault or proxies leaking in. */
export function baseEnv(dir: string, extra: Record<string, string | undefined> = {}) {
  const env: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    HOME: dir,
    TOKENVAULT_HOME: dir,
    TOKENVAULT_TEST_KDF_ITERATIONS: '1000',
    TOKENVAULT_PASSWORD: TEST_PASSWORD,
    // Nothing may reach a real provider: unless a test names a sandbox, calls go to a closed
    // local port.
    TOKENVAULT_FAXPLUS_ACCOUNTS_URL: 'http://127.0.0.1:9',
    TOKENVAULT_FAXPLUS_API_URL: 'http://127.0.0.1:9/v3',
    TOKENVAULT_SMSFACTOR_API_URL: 'http://127.0.0.1:9',
    NO_COLOR: '1',
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}

export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...cliCommand(), ...args], {
      cwd: ROOT,
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk);
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolvePromise(signal ? { code, stdout, stderr, signal } : { code, stdout, stderr }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    options.onSpawn?.(child);
  });
}

export { freePort } from '../../fakes/free-port';

/**
 * Runs `curl $(tokenvault headers <label> --format curl) <url>` through `sh`, exactly the way
 * a user types it (unquoted command substitution). Returns curl's output and exit code.
 */
export function curlWithHeaders(
  label: string,
  url: string,
  env: Record<string, string>,
): Promise<CliResult> {
  const tokenvault = [process.execPath, ...cliCommand()].map((a) => `'${a}'`).join(' ');
  const script = `curl --silent --show-error --max-time 10 $(${tokenvault} headers '${label}' --format curl) '${url}'`;
  return new Promise((resolvePromise, reject) => {
    const child = spawn('sh', ['-c', script], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
