// Bundles vault-child.ts once per test file and spawns it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function bundleChild(): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'vault-child-')), 'vault-child.cjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'vault-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'silent',
  });
  return out;
}

export interface Running {
  child: ChildProcess;
  lines: string[];
  /** Resolves when a line matching `test` arrives (or rejects when the child exits first). */
  waitFor(test: (line: string) => boolean): Promise<string>;
  exited: Promise<number | null>;
}

export function runChild(script: string, args: string[]): Running {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: {
    test: (line: string) => boolean;
    resolve: (l: string) => void;
    reject: (e: Error) => void;
  }[] = [];
  let buffer = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      for (const w of waiters) w.reject(new Error(`child exited (${code}): ${lines.join(' | ')}`));
      resolve(code);
    });
  });
  return {
    child,
    lines,
    exited,
    waitFor: (test) =>
      new Promise((resolve, reject) => {
        const found = lines.find(test);
        if (found !== undefined) resolve(found);
        else waiters.push({ test, resolve, reject });
      }),
  };
}
