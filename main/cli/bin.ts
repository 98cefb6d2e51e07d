// The installed `tokenvault` program (out/cli/tokenvault.cjs, the package's bin). It is
// CommonJS so that `tokenvault --help` is printed without starting Node's ESM loader, which
// alone costs about half of the help's budget above Node's own start. Every command imports
// the ESM program beside it (out/cli/tokenvault.mjs, index.ts, with its chunks) and runs it.
import { writeSync } from 'node:fs';
import { COMMANDS, generalHelp, isGeneralHelp } from './cli-commands';
import { EXIT } from './cli-errors';
import type * as Program from './index';
import type * as Kept from './kept';

/** Beside this file in out/cli; a variable, so the bundler leaves the import to run time. */
const PROGRAM = './tokenvault.mjs';
/** What a session kept (kept.ts), also beside this file and loaded at run time. */
const KEPT = './kept.cjs';

/**
 * Straight to file descriptor 1: creating process.stdout costs more than the rest of the
 * help. A pipe the reader left (\`| head\`) ends the output; one that would block takes the
 * stream instead.
 */
function print(text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
      process.stdout.write(bytes.subarray(done));
    }
  }
}

/**
 * What the bin answers without loading the program (kept.ts): `list` with a session whose
 * table was kept, and completion (labels kept by a session, or none needed). Any problem, or
 * nothing kept, leaves everything to the program.
 */
function printedKept(argv: readonly string[]): boolean {
  const list = argv[0] === 'list' && Boolean(process.env['TOKENVAULT_SESSION']);
  if (!list && argv[0] !== '__complete') return false;
  try {
    // A plain require: the bin is CommonJS, and the file is found beside it at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const kept = require(KEPT) as typeof Kept;
    return list
      ? kept.printKeptList(argv, process.env, print)
      : kept.printKeptCompletion(argv, process.env, print);
  } catch {
    return false;
  }
}

const argv = process.argv.slice(2);
if (isGeneralHelp(argv)) {
  print(generalHelp());
  process.exitCode = argv.length === 0 ? EXIT.usage : EXIT.ok;
} else if (printedKept(argv)) {
  process.exitCode = EXIT.ok;
} else {
  const unlocks = COMMANDS.some((c) => c.unlocks === true && c.name === argv[0]);
  (unlocks
    ? import('./bin-early').then((early) => early.startEarlyKdf(argv, process.env))
    : Promise.resolve()
  )
    .then(() => import(PROGRAM) as Promise<typeof Program>)
    .then(
      (program) => program.runProgram(argv),
      (error: unknown) => {
        process.stderr.write(
          `tokenvault: the program beside this one could not be loaded (${error instanceof Error ? error.message : String(error)}). Run \`npm run build\` again.\n`,
        );
        process.exitCode = EXIT.failure;
      },
    );
}
