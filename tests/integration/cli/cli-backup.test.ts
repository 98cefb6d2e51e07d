// `tokenvault backup export|import` as a user runs them: passphrase from the environment or
// standard input, the summary on stdout, a wrong passphrase refused with the vault unchanged.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRandom } from '../../../main/core/vault/crypto';
import { createVaultService } from '../../../main/core/vault/vault.factory';
import { FakeClock } from '../../fakes/fake-clock';
import { patEntry, smsEntry } from '../../unit/core/vault/vault-helpers';
import { baseEnv, prepareCli, runCli, tempVaultDir, TEST_PASSWORD } from './cli-harness';

const PASSPHRASE = 'cli backup passphrase 2026';

async function seededVault(dir: string, entries: Array<[ReturnType<typeof patEntry>, string]>) {
  const clock = new FakeClock();
  const vault = createVaultService({
    dir,
    clock,
    scheduler: clock,
    random: nodeRandom(),
    kdfIterations: 1000,
    idleLockMinutes: () => 0,
  });
  vault.start();
  await vault.create(TEST_PASSWORD);
  for (const [entry, secret] of entries) {
    vault.add(entry, entry.kind === 'faxplus-pat' ? { pat: secret } : { token: secret });
  }
  return vault;
}

const src = tempVaultDir();
const dst = tempVaultDir();
const file = join(src.dir, 'all.tvbackup');

beforeAll(async () => {
  await prepareCli();
  await seededVault(src.dir, [
    [patEntry('Office'), 'alohi_pat_cli_backup'],
    [smsEntry('Alerts'), 'sms-cli-backup-token'],
  ]);
  await seededVault(dst.dir, [[patEntry('Office'), 'dst-own-pat']]);
});
afterAll(() => {
  src.cleanup();
  dst.cleanup();
});

describe('tokenvault backup', () => {
  it('export takes the passphrase from TOKENVAULT_BACKUP_PASSPHRASE and writes a 0600 file', async () => {
    const env = baseEnv(src.dir, { TOKENVAULT_BACKUP_PASSPHRASE: PASSPHRASE });
    const r = await runCli(['backup', 'export', file], { env });
    expect(r).toMatchObject({ code: 0, stdout: `Exported 2 entries to ${file}\n` });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('alohi_pat_cli_backup');
  });

  it('import with a wrong passphrase (stdin) -> exit 3, vault file unchanged', async () => {
    const vaultFile = join(dst.dir, 'vault.json');
    const before = readFileSync(vaultFile);
    const r = await runCli(['backup', 'import', file], {
      env: baseEnv(dst.dir),
      input: 'not the passphrase at all\n',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/passphrase/i);
    expect(readFileSync(vaultFile).equals(before)).toBe(true);
  });

  it('import --on-conflict keep-both reads the passphrase from stdin and prints the summary', async () => {
    const r = await runCli(['backup', 'import', file, '--on-conflict', 'keep-both'], {
      env: baseEnv(dst.dir),
      input: `${PASSPHRASE}\n`,
    });
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain('1 added, 0 replaced, 0 skipped, 1 renamed');
    const list = await runCli(['list', '--json'], { env: baseEnv(dst.dir) });
    const labels = (JSON.parse(list.stdout) as { entries: Array<{ label: string }> }).entries.map(
      (e) => e.label,
    );
    expect(labels.sort()).toEqual(['Alerts', 'Office', 'Office (imported)']);
  });

  it('an unknown conflict rule is a usage error', async () => {
    const r = await runCli(['backup', 'import', file, '--on-conflict', 'merge'], {
      env: baseEnv(dst.dir, { TOKENVAULT_BACKUP_PASSPHRASE: PASSPHRASE }),
    });
    expect(r.code).toBe(2);
  });
});
