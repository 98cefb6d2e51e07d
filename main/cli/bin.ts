// The installed `tokenvault` program (out/cli/tokenvault.cjs, the package's bin). It is
// CommonJS so that `tokenvault --help` is printed without starting Node's ESM loader, which
// alone costs about half of the help's budget above Node's own start. Every command imports
// the ESM program beside it (out/cli/tokenvault.mjs, index.ts, with its chunks) and runs it.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startKdfForFile } from '../core/vault/early-kdf';
import { generalHelp, isGeneralHelp } from './cli-commands';
import { EXIT } from './cli-errors';
import { resolveVaultDir } from './cli-paths';
import type * as Program from './index';

/** Beside this file in out/cli; a variable, so the bundler leaves the import to run time. */
const PROGRAM = './tokenvault.mjs';

/** The commands that open the vault with the password, so starting its KDF now pays. */
const UNLOCKING = new Set(['list', 'headers', 'token', 'exec', 'inject']);

/** `--vault DIR` or `--vault=DIR` before any `--`, as the program's argument parser reads it. */
function vaultFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--vault') return argv[i + 1];
    if (arg.startsWith('--vault=')) return arg.slice('--vault='.length);
  }
  return undefined;
}

const argv = process.argv.slice(2);
if (isGeneralHelp(argv)) {
  process.stdout.write(generalHelp());
  process.exitCode = argv.length === 0 ? EXIT.usage : EXIT.ok;
} else {
  // With the password in the environment, the KDF (the longest step of these commands) runs
  // while the program and its chunks load. A wrong guess of the file or the command only
  // costs the work: the program uses the key only for the same password, salt and iterations.
  const password = process.env['TOKENVAULT_PASSWORD'];
  if (password && UNLOCKING.has(argv[0] ?? '')) {
    const dir = resolveVaultDir(vaultFlag(argv), {
      platform: process.platform,
      env: process.env,
      homedir: homedir(),
      cwd: process.cwd(),
    });
    startKdfForFile(join(dir, 'vault.json'), password);
  }
  (import(PROGRAM) as Promise<typeof Program>).then(
    (program) => program.runProgram(argv),
    (error: unknown) => {
      process.stderr.write(
        `tokenvault: the program beside this one could not be loaded (${error instanceof Error ? error.message : String(error)}). Run \`npm run build\` again.\n`,
      );
      process.exitCode = EXIT.failure;
    },
  );
}
