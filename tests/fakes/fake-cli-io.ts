// A CliIo for running main() in-process: scripted stdin lines and hidden-prompt answers,
// captured stdout/stderr, recorded browser opens and signal exits.
import type { CliIo } from '../../main/cli/cli-io';

export interface FakeCliIoOptions {
  dir: string;
  env?: Record<string, string>;
  lines?: string[];
  prompts?: string[];
  tty?: boolean;
  openBrowser?: (url: string) => Promise<void>;
}

export interface FakeCliOutput {
  stdout: string;
  stderr: string;
  prompted: string[];
  opened: string[];
  signals: NodeJS.Signals[];
}

export function fakeCliIo(options: FakeCliIoOptions): { io: CliIo; out: FakeCliOutput } {
  const out: FakeCliOutput = { stdout: '', stderr: '', prompted: [], opened: [], signals: [] };
  const lines = [...(options.lines ?? [])];
  const prompts = [...(options.prompts ?? [])];
  const io: CliIo = {
    stdout: (t) => void (out.stdout += typeof t === 'string' ? t : new TextDecoder().decode(t)),
    stderr: (t) => void (out.stderr += t),
    readLine: async () => lines.shift(),
    promptHidden: async (p) => {
      out.prompted.push(p);
      return prompts.shift() ?? '';
    },
    stdinIsTTY: options.tty ?? false,
    env: { ...options.env },
    platform: 'linux',
    homedir: options.dir,
    cwd: options.dir,
    openBrowser: async (url) => {
      out.opened.push(url);
      await options.openBrowser?.(url);
    },
    readRest: async () => lines.splice(0).join('\n'),
    takeStdin: () => 'inherit',
    exitBySignal: async (signal) => void out.signals.push(signal),
  };
  return { io, out };
}
