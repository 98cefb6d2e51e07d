// The `tokenvault` command line (issue 6). `main(argv, io)` is what tests call; run as a
// program (tsx, the esbuild bundle out/cli/tokenvault.mjs, or the installed bin, bin.ts), it
// calls itself with the process's argv and streams. Only the argument table is loaded up
// front: the vault, crypto and provider modules are imported by the command that needs them,
// so `headers` pays mostly for the KDF.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  COMMANDS,
  GLOBAL_OPTIONS,
  commandHelp,
  generalHelp,
  isGeneralHelp,
  type CommandSpec,
} from './cli-commands';
import { createContext } from './cli-context';
import { EXIT, UsageError, toExit } from './cli-errors';
import { processIo, type CliIo } from './cli-io';

function findCommand(argv: string[]): { spec: CommandSpec; rest: string[] } | undefined {
  const [first, second] = argv;
  for (const spec of COMMANDS) {
    const words = spec.name.split(' ');
    if (words[0] !== first) continue;
    if (words.length === 1) return { spec, rest: argv.slice(1) };
    if (words[1] === second) return { spec, rest: argv.slice(2) };
  }
  return undefined;
}

/** Splits `exec`'s own arguments from the command after `--` (kept exactly as given). */
function splitPassthrough(spec: CommandSpec, rest: string[]): [string[], string[] | undefined] {
  if (!spec.passthrough) return [rest, undefined];
  const cut = rest.indexOf('--');
  return cut < 0 ? [rest, []] : [rest.slice(0, cut), rest.slice(cut + 1)];
}

/**
 * Runs one command. Never throws; returns the exit code (0-3, or the exit code of the
 * command `exec` ran).
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    if (isGeneralHelp(argv)) {
      io.stdout(generalHelp());
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    const found = findCommand(argv);
    if (!found) {
      const family = COMMANDS.filter((c) => c.name.split(' ')[0] === argv[0]);
      if (family.length > 0 && (argv.includes('--help') || argv.includes('-h'))) {
        io.stdout(family.map(commandHelp).join('\n'));
        return EXIT.ok;
      }
      throw new UsageError(
        family.length > 0
          ? `Unknown command. Did you mean: ${family.map((c) => `tokenvault ${c.name}`).join(', ')}?`
          : `Unknown command "${argv[0]}". Run \`tokenvault --help\`.`,
      );
    }
    const { spec } = found;
    const [rest, passthrough] = splitPassthrough(spec, found.rest);
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...GLOBAL_OPTIONS, ...spec.options },
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      // parseArgs messages name the option only; they never echo an option's value.
      throw new UsageError(
        `${err instanceof Error ? err.message : 'Bad arguments.'}\nUsage: ${spec.usage}`,
      );
    }
    if (parsed.values['help'] === true) {
      io.stdout(commandHelp(spec));
      return EXIT.ok;
    }
    const [min, max] = spec.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new UsageError(`Wrong number of arguments.\nUsage: ${spec.usage}`);
    }
    if (passthrough !== undefined && passthrough.length === 0) {
      throw new UsageError(`Give the command to run after --.\nUsage: ${spec.usage}`);
    }
    const run = await spec.load();
    const ctx = createContext(io, parsed.values, parsed.positionals, passthrough);
    await run(ctx);
    return ctx.exitCode;
  } catch (err) {
    const { code, message } = toExit(err);
    io.stderr(`tokenvault: ${message}\n`);
    return code;
  }
}

/** True when this module is the program being run (tsx or the bundle, also via a symlink). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * Runs the process's command and leaves with its exit code: what the installed bin (bin.ts)
 * calls, and this module itself when it is the program being run.
 */
export function runProgram(argv: string[] = process.argv.slice(2)): void {
  const io = processIo();
  let settled = false;
  // Node leaves with code 0 when nothing is left to wait for; if that happens before the
  // command finished, something went wrong and a script must not read it as success.
  process.on('beforeExit', () => {
    if (settled) return;
    process.stderr.write('tokenvault: the command stopped before finishing.\n');
    process.exit(EXIT.failure);
  });
  void main(argv, io).then(async (code) => {
    settled = true;
    // Pipes are asynchronous on some systems: let the output drain, then leave even if a
    // module left a handle open (a file watcher, a keep-alive socket).
    for (const stream of [process.stdout, process.stderr]) {
      if (stream.writableLength > 0) await new Promise((r) => stream.once('drain', r));
    }
    process.exit(code);
  });
}

if (isEntryPoint()) runProgram();
