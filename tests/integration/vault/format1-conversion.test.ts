// A vault written by the format-1 code (tests/fixtures/vault-format1.json, made with the app
// as it was before issue 12: metadata in clear) opens, converts in one save at the first
// unlock, keeps its previous file, and serves the same entries, secrets and history.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMAT_VERSION, type SealedDocument } from '../../../main/core/vault/vault-file';
import { VaultFileReader } from '../../../main/core/vault/vault-reader';
import { makeVault, tempDir } from '../../unit/core/vault/vault-helpers';
import { baseEnv, prepareCli, runCli, TEST_PASSWORD } from '../cli/cli-harness';

const FIXTURE = join(import.meta.dirname, '../../fixtures/vault-format1.json');
const PASSWORD = 'format one fixture password';

let dir: string;
let path: string;
beforeEach(() => {
  dir = tempDir();
  path = join(dir, 'vault.json');
  fs.copyFileSync(FIXTURE, path);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a format-1 vault', () => {
  it('reminds while locked, converts at unlock in one save, and keeps the old file', async () => {
    const { vault } = makeVault(dir);
    expect(vault.status()).toMatchObject({ exists: true, locked: true });
    // Locked, before any conversion: the index comes from the old file, with no names.
    expect(
      vault
        .lockedIndex()
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['pat-expiry', 'token-expiry']);
    expect(vault.list()).toEqual([]);
    // Nothing is written before the key is known.
    expect(fs.readFileSync(path).equals(fs.readFileSync(FIXTURE))).toBe(true);

    await vault.unlock(PASSWORD);
    expect(fs.readFileSync(`${path}.format1`).equals(fs.readFileSync(FIXTURE))).toBe(true);
    const converted = JSON.parse(fs.readFileSync(path, 'utf8')) as SealedDocument;
    expect(converted.formatVersion).toBe(FORMAT_VERSION);
    expect(fs.statSync(path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(`${path}.format1`).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(path, 'utf8');
    for (const clear of [
      'fax billing',
      'sms alerts',
      'ops@format1.example',
      '203.0.113.7',
      'sk_live_…',
    ]) {
      expect(text).not.toContain(clear);
    }

    expect(vault.status().integrityNotice).toBeUndefined();
    const entries = vault.list();
    expect(entries.map((e) => e.label).sort()).toEqual([
      'fax billing',
      'sms alerts',
      'stripe live',
    ]);
    const secret = (label: string, field: 'pat' | 'token' | 'secret') =>
      vault.readSecret(entries.find((e) => e.label === label)?.id ?? '', field);
    expect(secret('fax billing', 'pat')).toBe('alohi_pat_FORMAT1_SECRET');
    expect(secret('sms alerts', 'token')).toBe('sf_FORMAT1_TOKEN_value');
    expect(secret('stripe live', 'secret')).toBe('sk_live_FORMAT1_KEY');
    expect(vault.audit().map((r) => r.action)).toEqual(['created', 'created', 'created', 'copied']);

    // A restart reads format 2 (no second conversion) with the same password.
    const { vault: again } = makeVault(dir);
    await again.unlock(PASSWORD);
    expect(again.list()).toHaveLength(3);
    expect(again.lockedIndex()).toEqual(vault.lockedIndex());
  });

  it('a wrong password converts nothing', async () => {
    const { vault } = makeVault(dir);
    await expect(vault.unlock('not the fixture password')).rejects.toThrow('Wrong password.');
    expect(fs.readFileSync(path).equals(fs.readFileSync(FIXTURE))).toBe(true);
    expect(fs.existsSync(`${path}.format1`)).toBe(false);
  });

  it('the command line converts it too (the fast path hands format 1 to the full one)', async () => {
    await prepareCli();
    expect(VaultFileReader.open(path)).toBeUndefined();
    const env = { ...baseEnv(dir), TOKENVAULT_PASSWORD: PASSWORD };
    expect(TEST_PASSWORD).not.toBe(PASSWORD);
    const r = await runCli(['token', 'sms alerts'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('sf_FORMAT1_TOKEN_value\n');
    expect((JSON.parse(fs.readFileSync(path, 'utf8')) as SealedDocument).formatVersion).toBe(2);
    const fast = await runCli(['token', 'fax billing'], { env });
    expect(fast.stdout).toBe('alohi_pat_FORMAT1_SECRET\n');
  });
});
