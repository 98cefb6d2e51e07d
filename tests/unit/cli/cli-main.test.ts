// main(argv, io) in-process with a fake terminal: the prompt paths a spawned process cannot
// reach without a TTY.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeCliIo } from '../../fakes/fake-cli-io';
import { main } from '../../../main/cli/index';
import { addSmsfactorEntries } from '../../fakes/smsfactor-vault';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeIo(opts: {
  prompts?: string[];
  lines?: string[];
  tty?: boolean;
  env?: Record<string, string>;
}) {
  const dir = mkdtempSync(join(tmpdir(), 'tokenvault-main-'));
  dirs.push(dir);
  const { io, out } = fakeCliIo({
    dir,
    prompts: opts.prompts,
    lines: opts.lines,
    tty: opts.tty ?? true,
    env: { TOKENVAULT_HOME: dir, TOKENVAULT_TEST_KDF_ITERATIONS: '1000', ...opts.env },
  });
  return { io, out, dir };
}

describe('main() at a terminal', () => {
  it('init asks for the password twice, hidden', async () => {
    const { io, out } = fakeIo({ prompts: ['a fine long passphrase', 'a fine long passphrase'] });
    expect(await main(['init'], io)).toBe(0);
    expect(out.prompted).toEqual(['Master password: ', 'Repeat the master password: ']);
    expect(out.stdout).toMatch(/^Created a vault in /);
  });

  it('init with two different passwords -> usage error, no vault', async () => {
    const { io, out } = fakeIo({ prompts: ['a fine long passphrase', 'another long passphrase'] });
    expect(await main(['init'], io)).toBe(2);
    expect(out.stderr).toMatch(/differ/);
    expect(await main(['list'], io)).toBe(3);
  });

  it('secrets are asked with a hidden prompt, never echoed to stdout', async () => {
    const { io, out } = fakeIo({
      prompts: ['a fine long passphrase', 'a fine long passphrase', 'a fine long passphrase', ''],
    });
    expect(await main(['init'], io)).toBe(0);
    // An empty answer to the token prompt is a usage error; the prompt named what it wanted.
    expect(await main(['add', 'smsfactor', '--label', 'x'], io)).toBe(2);
    expect(out.prompted.at(-1)).toBe('SMSFactor token: ');
  });

  it('-h shows help for a command family', async () => {
    const { io, out } = fakeIo({});
    expect(await main(['add', '--help'], io)).toBe(0);
    expect(out.stdout).toContain('tokenvault add faxplus-pat');
    expect(out.stdout).toContain('tokenvault add smsfactor');
  });

  it('exec asks for the password at a hidden prompt, then runs the command with the token', async () => {
    const password = 'a fine long passphrase';
    const { io, out, dir } = fakeIo({ prompts: [password, password, password] });
    expect(await main(['init'], io)).toBe(0);
    await addSmsfactorEntries(
      dir,
      password,
      { sms: 'sf_prompted_token_0123456789' },
      { create: false },
    );
    const check =
      "process.exit(process.env.SMSFACTOR_TOKEN === 'sf_prompted_token_0123456789' ? 5 : 6)";
    const code = await main(['exec', 'sms', '--', process.execPath, '-e', check], io);
    expect(out.prompted.at(-1)).toBe('Master password: ');
    expect(code).toBe(5);
    expect(out.stdout).not.toContain('sf_prompted_token');
  });

  it('remove asks at a terminal: no keeps the entry, yes removes it', async () => {
    const password = 'a fine long passphrase';
    const { io, out, dir } = fakeIo({
      // init (twice), then one unlock per remove and for token: labels are sealed.
      prompts: [password, password, password, password, password],
      lines: ['n', 'y'],
    });
    expect(await main(['init'], io)).toBe(0);
    await addSmsfactorEntries(dir, password, { sms: 'sf_to_remove_0123456789' }, { create: false });
    expect(await main(['remove', 'sms'], io)).toBe(1);
    expect(out.stderr).toContain('Remove SMSFactor "sms" from the vault? [y/N] ');
    expect(out.stderr).toMatch(/Nothing was removed/);
    expect(await main(['remove', 'sms'], io)).toBe(0);
    expect(out.stdout).toContain('Removed SMSFactor "sms"');
    expect(await main(['token', 'sms'], io)).toBe(2);
  });
});
