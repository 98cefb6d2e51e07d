// The read-only fast path (cli-read-core.ts, vault-reader.ts): it must give the same answers
// as the full vault service, leave the file untouched, and hand anything damaged to the full
// path, which restores the last good copy and says so.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultFileReader } from '../../../main/core/vault/vault-reader';
import { addSmsfactorEntries } from '../../fakes/smsfactor-vault';
import { baseEnv, prepareCli, runCli, tempVaultDir, TEST_PASSWORD } from './cli-harness';

let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;
let path: string;
let good = '';

beforeAll(async () => {
  await prepareCli();
  vault = tempVaultDir();
  path = join(vault.dir, 'vault.json');
  await addSmsfactorEntries(
    vault.dir,
    TEST_PASSWORD,
    { alpha: 'sf_alpha_token_0123456789', beta: 'sf_beta_token_0123456789' },
    { create: true },
  );
  good = readFileSync(path, 'utf8');
  env = baseEnv(vault.dir);
});

afterAll(() => vault.cleanup());

describe('the read-only path', () => {
  it('reads without writing: the vault file is byte for byte and mtime unchanged', async () => {
    const before = statSync(path).mtimeMs;
    expect((await runCli(['token', 'beta'], { env })).stdout).toBe('sf_beta_token_0123456789\n');
    expect((await runCli(['list'], { env })).stdout).toContain('alpha');
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('a KDF started early with another password still refuses it (exit 3)', async () => {
    const r = await runCli(['token', 'beta'], {
      env: { ...env, TOKENVAULT_PASSWORD: 'not the right password at all' },
    });
    expect(r.code).toBe(3);
    const reader = VaultFileReader.open(path, { password: 'not the right password at all' });
    await expect(reader?.unlock(TEST_PASSWORD)).resolves.toBeUndefined();
    expect(reader?.readSecret(reader.findByLabel('smsfactor', 'alpha')?.id ?? '', 'token')).toBe(
      'sf_alpha_token_0123456789',
    );
  });

  it('reads a valid file the serializer would not write (here pretty-printed) the same way', async () => {
    // The serializer's own layout is scanned in its bytes (vault-scan.ts); any other valid
    // JSON takes the parser, with the same answers.
    writeFileSync(path, JSON.stringify(JSON.parse(good), null, 2));
    try {
      const reader = VaultFileReader.open(path, { password: TEST_PASSWORD });
      await reader?.unlock(TEST_PASSWORD);
      const beta = reader?.findByLabel('smsfactor', 'beta');
      expect(reader?.readSecret(beta?.id ?? '', 'token')).toBe('sf_beta_token_0123456789');
      expect(
        reader
          ?.list()
          .map((e) => e.label)
          .sort(),
      ).toEqual(['alpha', 'beta']);
      const r = await runCli(['token', 'alpha'], { env });
      expect(r.stdout).toBe('sf_alpha_token_0123456789\n');
      expect(r.stderr).toBe('');
    } finally {
      writeFileSync(path, good);
    }
  });

  it('--vault wins over TOKENVAULT_HOME for the KDF the bin starts early, in both spellings', async () => {
    const other = tempVaultDir();
    try {
      await addSmsfactorEntries(
        other.dir,
        'the other vault has another password',
        { alpha: 'sf_other_alpha_0123456789' },
        { create: true },
      );
      const home = { ...env, TOKENVAULT_HOME: other.dir };
      for (const args of [
        ['token', 'alpha', '--vault', vault.dir],
        ['token', `--vault=${vault.dir}`, 'alpha'],
      ]) {
        const r = await runCli(args, { env: home });
        expect(r, r.stderr).toMatchObject({ code: 0, stdout: 'sf_alpha_token_0123456789\n' });
      }
      const own = await runCli(['token', 'alpha'], {
        env: { ...home, TOKENVAULT_PASSWORD: 'the other vault has another password' },
      });
      expect(own.stdout).toBe('sf_other_alpha_0123456789\n');
    } finally {
      other.cleanup();
    }
  });

  it('a truncated file is restored from the last good copy, with a notice', async () => {
    writeFileSync(path, good.slice(0, 200));
    const r = await runCli(['token', 'alpha'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('sf_alpha_token_0123456789\n');
    expect(r.stderr).toMatch(/^tokenvault: /);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(good));
  });

  it('an entry changed outside Token Vault: the full path says so and serves the intact ones', async () => {
    const doc = JSON.parse(good) as { entries: { id: string; data: string }[] };
    const [first, ...rest] = doc.entries;
    if (!first) throw new Error('setup');
    const raw = Buffer.from(first.data, 'base64');
    raw[20] = (raw[20] ?? 0) ^ 1;
    writeFileSync(
      path,
      JSON.stringify({ ...doc, entries: [{ ...first, data: raw.toString('base64') }, ...rest] }),
    );
    const list = await runCli(['list', '--json'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toMatch(
      /^tokenvault: The vault file was changed outside Token Vault: 1 entry could not be opened/,
    );
    expect(list.stderr).toMatch(/1 entry is intact and shown/);
    const labels = (JSON.parse(list.stdout) as { entries: { label: string }[] }).entries.map(
      (e) => e.label,
    );
    expect(labels).toEqual(['beta']);
    const token = await runCli(['token', 'beta'], { env });
    expect(token.stdout).toBe('sf_beta_token_0123456789\n');
    writeFileSync(path, good);
  });
});
