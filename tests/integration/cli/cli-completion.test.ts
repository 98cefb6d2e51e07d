// Shell completion as each shell runs it: the script from `tokenvault completion <shell>` is
// loaded into a real bash, zsh and fish, which then ask the real program for candidates.
// Labels are sealed in the vault file: they complete in a shell with a session or
// TOKENVAULT_PASSWORD, and without either only commands and options do (the locked index
// names no entry).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSmsfactorEntries } from '../../fakes/smsfactor-vault';
import { baseEnv, cliCommand, prepareCli, ROOT, tempVaultDir, TEST_PASSWORD } from './cli-harness';

let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;
let lockedEnv: Record<string, string>;

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

beforeAll(async () => {
  await prepareCli();
  vault = tempVaultDir();
  await addSmsfactorEntries(
    vault.dir,
    TEST_PASSWORD,
    Object.fromEntries(
      ['ops team', 'billing', 'backup-line'].map((l) => [
        l,
        `sf_${l.replace(/\W/g, '')}_0123456789`,
      ]),
    ),
    { create: true },
  );
  // `tokenvault` on PATH, as an installed bin would be.
  const bin = join(vault.dir, 'bin');
  mkdirSync(bin);
  const args = [process.execPath, ...cliCommand()].map((a) => `'${a}'`).join(' ');
  writeFileSync(join(bin, 'tokenvault'), `#!/bin/sh\nexec ${args} "$@"\n`);
  chmodSync(join(bin, 'tokenvault'), 0o755);
  env = baseEnv(vault.dir, { PATH: `${bin}:${process.env['PATH'] ?? ''}` });
  lockedEnv = { ...env };
  delete lockedEnv['TOKENVAULT_PASSWORD'];
});

afterAll(() => vault.cleanup());

function run(
  shell: string,
  script: string,
  locked: boolean | Record<string, string> = false,
): string[] {
  const r = spawnSync(shell, ['-c', script], {
    cwd: ROOT,
    env: typeof locked === 'object' ? locked : locked ? lockedEnv : env,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('bash', () => {
  const script = (words: string[]) => `eval "$(tokenvault completion bash)"
COMP_WORDS=(tokenvault ${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length}
_tokenvault; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const reply = (...words: string[]) => run('bash', script(words));
  const lockedReply = (...words: string[]) => run('bash', script(words), true);

  it('completes commands, second words, options and formats', () => {
    expect(reply('to')).toEqual(['token']);
    expect(reply('add', '')).toEqual(['api-key', 'faxplus-pat', 'smsfactor']);
    expect(reply('headers', 'billing', '--fo')).toEqual(['--format']);
    expect(reply('headers', 'billing', '--format', 'c')).toEqual(['curl']);
  });

  it('without the password, completes commands and options but no label (labels are sealed)', () => {
    expect(lockedReply('to')).toEqual(['token']);
    expect(lockedReply('headers', 'billing', '--format', 'c')).toEqual(['curl']);
    expect(lockedReply('token', '')).toEqual([]);
  });

  it('with a session and no password, completes labels; after `lock`, none and no error', () => {
    const unlocked = spawnSync('tokenvault', ['unlock', '--raw'], { env, encoding: 'utf8' });
    expect(unlocked.status).toBe(0);
    const session = { ...lockedEnv, TOKENVAULT_SESSION: unlocked.stdout.trim() };
    expect(run('bash', script(['token', '']), session)).toEqual([
      'backup-line',
      'billing',
      'ops\\ team',
    ]);
    expect(spawnSync('tokenvault', ['lock'], { env: lockedEnv }).status).toBe(0);
    expect(run('bash', script(['token', '']), session)).toEqual([]);
  });

  it('with TOKENVAULT_PASSWORD, completes labels, escaped for the shell', () => {
    expect(reply('token', '')).toEqual(['backup-line', 'billing', 'ops\\ team']);
    expect(reply('exec', 'b')).toEqual(['backup-line', 'billing']);
    expect(reply('create', 'smsfactor', '--parent', 'o')).toEqual(['ops\\ team']);
  });
});

describe.skipIf(!has('fish'))('fish (skipped where fish is not installed)', () => {
  const complete = (line: string) =>
    run('fish', `tokenvault completion fish | source; complete -C${JSON.stringify(line)}`);

  it('completes commands and labels with spaces', () => {
    expect(complete('tokenvault tok')).toEqual(['token']);
    expect(complete('tokenvault token ')).toEqual(['backup-line', 'billing', 'ops team']);
    expect(complete('tokenvault headers x --format j')).toEqual(['json']);
  });
});

describe.skipIf(!has('zsh'))('zsh (skipped where zsh is not installed)', () => {
  // Outside the line editor `words` and CURRENT are plain parameters and compadd is stubbed,
  // so the function runs exactly as the completion system would call it.
  const compadd = (...words: string[]) =>
    run(
      'zsh',
      `autoload -Uz compinit && compinit -u -D
eval "$(tokenvault completion zsh)"
[[ $_comps[tokenvault] == _tokenvault ]] || print -u2 'not registered'
compadd() { shift; print -l -- "$@" }
words=(tokenvault ${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length + 1}
_tokenvault`,
    );

  it('registers with compdef and offers labels and option values', () => {
    expect(compadd('token', '')).toEqual(['backup-line', 'billing', 'ops team']);
    expect(compadd('backup', 'import', 'x', '--on-conflict', 'k')).toEqual(['keep-both']);
  });
});
