// `tokenvault remove <label>`: any entry, --yes for scripts, a question at a terminal (the
// terminal path is in tests/unit/cli/cli-main.test.ts), exit 2 for an unknown label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSmsfactorEntries } from '../../fakes/smsfactor-vault';
import { baseEnv, prepareCli, runCli, tempVaultDir, TEST_PASSWORD } from './cli-harness';

let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;

const labels = async () =>
  (
    JSON.parse((await runCli(['list', '--json'], { env })).stdout) as {
      entries: { label: string }[];
    }
  ).entries.map((e) => e.label);

beforeAll(async () => {
  await prepareCli();
  vault = tempVaultDir();
  await addSmsfactorEntries(
    vault.dir,
    TEST_PASSWORD,
    { keep: 'sf_keep_token_0123456789', gone: 'sf_gone_token_0123456789' },
    { create: true },
  );
  env = baseEnv(vault.dir);
});

afterAll(() => vault.cleanup());

describe('tokenvault remove', () => {
  it('without --yes and no terminal to ask at: exit 2, nothing removed', async () => {
    const r = await runCli(['remove', 'gone'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Add --yes to remove SMSFactor "gone"/);
    expect(await labels()).toEqual(['keep', 'gone']);
  });

  it('a wrong password: exit 3, nothing removed', async () => {
    const r = await runCli(['remove', 'gone', '--yes'], {
      env: { ...env, TOKENVAULT_PASSWORD: 'not the right password here' },
    });
    expect(r.code).toBe(3);
    expect(await labels()).toEqual(['keep', 'gone']);
  });

  it('--yes removes just that entry and says it still works at the provider', async () => {
    const r = await runCli(['remove', 'GONE', '--yes'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Removed SMSFactor "gone"\n');
    expect(r.stderr).toMatch(/still works at the provider/);
    expect(await labels()).toEqual(['keep']);
    expect((await runCli(['token', 'keep'], { env })).stdout).toBe('sf_keep_token_0123456789\n');
  });

  it('an unknown label: exit 2', async () => {
    const r = await runCli(['remove', 'gone', '--yes'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No entry labelled "gone"/);
  });
});
