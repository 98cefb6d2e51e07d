// Runs `exec`'s command: standard streams inherited (or the rest of a piped stdin handed on),
// signals sent to tokenvault passed to the child, and the child's end reported as it was.
import { spawn } from 'node:child_process';
import { CliError, EXIT } from './cli-errors';
import type { ChildStdin } from './cli-io';

/** Signals a user or a supervisor sends to stop or poke a program; all reach the child. */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR2',
];

export type ChildEnd = { code: number; signal?: undefined } | { signal: NodeJS.Signals };

export function runChild(
  argv: readonly string[],
  env: Record<string, string>,
  stdin: ChildStdin,
): Promise<ChildEnd> {
  const [command, ...args] = argv;
  if (!command)
    return Promise.reject(new CliError(EXIT.usage, 'Give the command to run after --.'));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: [stdin === 'inherit' ? 'inherit' : 'pipe', 'inherit', 'inherit'],
      // No shell: the arguments reach the command exactly as given.
      shell: false,
    });
    const forward = (signal: NodeJS.Signals) => {
      child.kill(signal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    if (stdin !== 'inherit' && child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.write(stdin.buffered);
      if (stdin.rest) stdin.rest.pipe(child.stdin);
      else child.stdin.end();
    }
    child.once('error', (error: NodeJS.ErrnoException) => {
      stopForwarding();
      // The shell's codes: 127 not found, 126 found but not runnable.
      const missing = error.code === 'ENOENT';
      reject(
        new CliError(
          missing ? 127 : 126,
          `Cannot run "${command}": ${missing ? 'command not found' : (error.code ?? 'failed to start')}.`,
        ),
      );
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve(signal ? { signal } : { code: code ?? 1 });
    });
  });
}
