// `list`'s kept table as the bin prints it (kept-list.ts), before it would load the program:
// the same bytes `list` printed, and only while everything `list` checks still holds.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../main/cli/index';
import { printKeptList } from '../../../main/cli/kept-list';
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
function kept(argv: string[], env: Record<string, string> = {}): string | undefined {
  let printed = '';
  const done = printKeptList(
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
