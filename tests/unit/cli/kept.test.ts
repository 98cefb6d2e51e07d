// What a session kept, as the bin prints it (kept.ts) before it would load the program:
// `list`'s table and completion's labels, the same bytes the program printed, and only while
// everything the program checks still holds.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../main/cli/index';
import { printKeptCompletion, printKeptList } from '../../../main/cli/kept';
import { fakeCliIo } from '../../fakes/fake-cli-io';
import { addSmsfactorEntries } from '../../fakes/smsfactor-vault';

const PASSWORD = 'a fine long passphrase';
let dir: string;
let token: string;

/** main() in-process; its stdout. */
async function run(argv: string[], env: Record<string, string> = {}): Promise<string> {
  const { io, out } = fakeCliIo({
    dir,
    env: { TOKENVAULT_HOME: dir, TOKENVAULT_TEST_KDF_ITERATIONS: '1000', ...env },
  });
  expect(await main(argv, io), out.stderr).toBe(0);
  return out.stdout;
}

/** What printKeptList printed, or undefined when it left the command to the program. */
function kept(
  argv: string[],
  env: Record<string, string> = {},
  print = printKeptList,
): string | undefined {
  let printed = '';
  const done = print(
    argv,
    { TOKENVAULT_HOME: dir, TOKENVAULT_SESSION: token, ...env },
    (bytes) => (printed += Buffer.from(bytes).toString('utf8')),
  );
  if (!done) expect(printed).toBe('');
  return done ? printed : undefined;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tokenvault-kept-'));
  await addSmsfactorEntries(dir, PASSWORD, { billing: 'sf_1', alerts: 'sf_2' }, { create: true });
  token = (await run(['unlock', '--raw'], { TOKENVAULT_PASSWORD: PASSWORD })).trim();
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe("the bin's kept `list`", () => {
  it('prints nothing until `list` drew the table, then exactly what it printed', async () => {
    expect(kept(['list'])).toBeUndefined();
    const table = await run(['list'], { TOKENVAULT_SESSION: token });
    expect(table).toMatch(/^billing\s+smsfactor/m);
    expect(kept(['list'])).toBe(table);
    expect(kept(['list', '--vault', dir], { TOKENVAULT_HOME: '/nowhere' })).toBe(table);
    expect(kept(['list', `--vault=${dir}`], { TOKENVAULT_HOME: '/nowhere' })).toBe(table);
  });

  it('leaves any other command or option to the program', async () => {
    await run(['list'], { TOKENVAULT_SESSION: token });
    for (const argv of [
      ['list', '--json'],
      ['list', '-h'],
      ['list', 'extra'],
      ['list', '--vault'],
      ['list', '--vault='],
      ['headers', 'billing'],
      ['reminders'],
    ]) {
      expect(kept(argv), argv.join(' ')).toBeUndefined();
    }
    expect(kept(['list'], { TOKENVAULT_SESSION: '' })).toBeUndefined();
    expect(kept(['list'], { TOKENVAULT_SESSION: 'tv1.not-a-token' })).toBeUndefined();
  });

  it('is not printed once the vault file changed, until `list` drew it again', async () => {
    await run(['list'], { TOKENVAULT_SESSION: token });
    await addSmsfactorEntries(dir, PASSWORD, { added: 'sf_3' }, { create: false });
    expect(kept(['list'])).toBeUndefined();
    const table = await run(['list'], { TOKENVAULT_SESSION: token });
    expect(table).toMatch(/^added\s+smsfactor/m);
    expect(kept(['list'])).toBe(table);
  });

  it('is not printed for a vault in a team (shared entries change without the file)', async () => {
    await run(['list'], { TOKENVAULT_SESSION: token });
    writeFileSync(join(dir, 'team.json'), '{}');
    expect(kept(['list'])).toBeUndefined();
  });

  it('after the session ended: prints nothing and leaves its files for the program to tell', async () => {
    await run(['list'], { TOKENVAULT_SESSION: token });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * 60_000);
    const before = readdirSync(join(dir, 'sessions')).sort();
    expect(before).toHaveLength(2);
    expect(kept(['list'])).toBeUndefined();
    expect(readdirSync(join(dir, 'sessions')).sort()).toEqual(before);
  });

  it('after `lock`: prints nothing, and nothing is left', async () => {
    await run(['list'], { TOKENVAULT_SESSION: token });
    await run(['lock']);
    expect(kept(['list'])).toBeUndefined();
    expect(existsSync(join(dir, 'sessions')) && readdirSync(join(dir, 'sessions'))).toEqual([]);
  });
});

describe("the bin's completion", () => {
  const completes = (words: string[], env: Record<string, string> = {}) =>
    kept(['__complete', '--', ...words], env, printKeptCompletion);

  it('answers what needs no label as the program does, with or without a session', async () => {
    for (const words of [['hea'], ['headers', '--for'], ['list', '--'], ['']]) {
      const program = await run(['__complete', '--', ...words]);
      expect(completes(words, { TOKENVAULT_SESSION: '' }), words.join(' ')).toBe(program);
      expect(completes(words), words.join(' ')).toBe(program);
    }
  });

  it('offers the labels the session kept, as the program offered them, until the file changes', async () => {
    const words = ['headers', 'b'];
    expect(completes(words)).toBeUndefined();
    const program = await run(['__complete', '--', ...words], { TOKENVAULT_SESSION: token });
    expect(program).toBe(':words\nbilling\n');
    expect(completes(words)).toBe(program);
    expect(completes(['token', ''])).toBe(':words\nalerts\nbilling\n');
    await addSmsfactorEntries(dir, PASSWORD, { backup: 'sf_3' }, { create: false });
    expect(completes(words)).toBeUndefined();
    expect(await run(['__complete', '--', ...words], { TOKENVAULT_SESSION: token })).toBe(
      ':words\nbackup\nbilling\n',
    );
    expect(completes(words)).toBe(':words\nbackup\nbilling\n');
  });

  it('leaves labels to the program without a session, and any other form of the command', async () => {
    await run(['__complete', '--', 'headers', 'b'], { TOKENVAULT_SESSION: token });
    expect(completes(['headers', 'b'], { TOKENVAULT_SESSION: '' })).toBeUndefined();
    expect(kept(['__complete', 'headers', 'b'], {}, printKeptCompletion)).toBeUndefined();
  });
});
