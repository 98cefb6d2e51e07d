// The command's contact with its process: streams, environment, platform, browser. `main()`
// takes it as a parameter so tests can run commands in-process with fakes, while the real
// process uses `processIo()`.
import { homedir } from 'node:os';
import { CliError, EXIT } from './cli-errors';
import { withoutVaultVariables } from './vault-variables';

export interface CliIo {
  /** Data (what scripts consume): text, or UTF-8 bytes already encoded (`list`'s table). */
  stdout(text: string | Uint8Array): void;
  /** Errors, prompts and human notes. */
  stderr(text: string): void;
  /** Next line of standard input without its line ending; undefined at end of input. */
  readLine(): Promise<string | undefined>;
  /** Hidden prompt on the terminal (nothing echoed). Only when `stdinIsTTY`. */
  promptHidden(prompt: string): Promise<string>;
  readonly stdinIsTTY: boolean;
  readonly env: Record<string, string | undefined>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  readonly cwd: string;
  /** Opens a URL in the system browser (never awaited for the user to finish). */
  openBrowser(url: string): Promise<void>;
  /** Everything left on standard input (a template piped to `inject`). */
  readRest(): Promise<string>;
  /**
   * Standard input for a child process (`exec`): 'inherit' when this process never read it,
   * else what was read past the last line plus the stream it continues on (the password
   * came first on a pipe, the rest belongs to the child).
   */
  takeStdin(): ChildStdin;
  /** Ends this process by `signal`, as the child of `exec` ended (the shell sees 128+n). */
  exitBySignal(signal: NodeJS.Signals): Promise<void>;
}

export type ChildStdin = 'inherit' | { buffered: string; rest: NodeJS.ReadableStream | null };

/** Reads stdin line by line on demand, keeping what was read past the current line. */
class LineReader {
  private buffer = '';
  private ended = false;
  private waiters: (() => void)[] = [];
  private started = false;

  constructor(private readonly stream: NodeJS.ReadStream) {}

  async readLine(): Promise<string | undefined> {
    this.start();
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl >= 0) {
        const line = this.buffer.slice(0, nl).replace(/\r$/, '');
        this.buffer = this.buffer.slice(nl + 1);
        if (this.buffer === '' && !this.ended) this.stream.pause();
        return line;
      }
      if (this.ended) {
        if (this.buffer === '') return undefined;
        const last = this.buffer.replace(/\r$/, '');
        this.buffer = '';
        return last;
      }
      this.stream.resume();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async readRest(): Promise<string> {
    this.start();
    while (!this.ended) {
      this.stream.resume();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    const rest = this.buffer;
    this.buffer = '';
    return rest;
  }

  /** Stops reading; returns what was read but not consumed, and the stream if not ended. */
  detach(): ChildStdin {
    if (!this.started) return 'inherit';
    this.stream.removeAllListeners('data');
    this.stream.removeAllListeners('end');
    const buffered = this.buffer;
    this.buffer = '';
    return { buffered, rest: this.ended ? null : this.stream };
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.stream.setEncoding('utf8');
    this.stream.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.wake();
    });
    this.stream.on('end', () => {
      this.ended = true;
      this.wake();
    });
    this.stream.on('error', () => {
      this.ended = true;
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** Reads a line from the terminal in raw mode, echoing nothing. Ctrl-C aborts the process. */
function promptHiddenTty(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    const done = (fn: () => void) => {
      input.setRawMode(wasRaw);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      fn();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(() => resolve(value));
        if (ch === '\u0003') return done(() => reject(new CliError(EXIT.failure, 'Cancelled.')));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * Opens the system browser without a shell (the URL is never parsed by one), and without the
 * vault's variables: a browser, and whatever it starts, has no use for the master password.
 */
async function openWithSystem(url: string, platform: NodeJS.Platform): Promise<void> {
  // Loaded here, not at start: most commands never open a browser.
  const { spawn } = await import('node:child_process');
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(cmd, args, {
        stdio: 'ignore',
        detached: true,
        env: withoutVaultVariables(process.env),
      });
      child.on('error', () => resolve());
      child.unref();
      resolve();
    } catch {
      resolve();
    }
  });
}

export function processIo(): CliIo {
  const lines = new LineReader(process.stdin);
  // A reader that has left the pipe (`tokenvault list | head -1`) ends the output: the
  // command stops quietly, as the bin's help does, instead of dying on an unhandled EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readLine: () => lines.readLine(),
    promptHidden: promptHiddenTty,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    platform: process.platform,
    homedir: homedir(),
    cwd: process.cwd(),
    openBrowser: (url) => openWithSystem(url, process.platform),
    readRest: () => lines.readRest(),
    takeStdin: () => lines.detach(),
    exitBySignal: async (signal) => {
      // Libraries hook signals to clean up (conf's atomic writer does); with no listener left,
      // and the handle closed on the next turn, the default action ends the process.
      process.removeAllListeners(signal);
      await new Promise((resolve) => setImmediate(resolve));
      process.kill(process.pid, signal);
    },
  };
}
