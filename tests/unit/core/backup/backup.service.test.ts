// Encrypted backup (issue 7 item 8): round trip, wrong passphrase, tampering (every byte),
// and each conflict rule. A refused import leaves the vault file byte-identical.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeBackupFiles } from '../../../../main/core/backup/backup.files';
import type { ConflictRule } from '../../../../main/core/backup/backup-import.plan';
import { BackupService } from '../../../../main/core/backup/backup.service';
import { nodeRandom } from '../../../../main/core/vault/crypto';
import type { VaultService } from '../../../../main/core/vault/vault.service';
import { PASSWORD, makeVault, patEntry, smsEntry, tempDir } from '../vault/vault-helpers';

const PASSPHRASE = 'backup passphrase for tests';
const dirs: string[] = [];

function setup() {
  const dir = tempDir();
  dirs.push(dir);
  const made = makeVault(dir);
  const backup = new BackupService({
    vault: made.vault,
    files: nodeBackupFiles(),
    clock: made.clock,
    random: nodeRandom(),
    kdfIterations: 1000,
  });
  return { ...made, dir, backup, file: join(dir, 'export.tvbackup') };
}

async function seeded() {
  const s = setup();
  await s.vault.create(PASSWORD);
  const pat = s.vault.add(patEntry('Office PAT'), { pat: 'alohi_pat_secret_one' });
  const sms = s.vault.add(smsEntry('Marketing'), { token: 'sms-token-secret-two' });
  return { ...s, pat, sms };
}

const secretsByLabel = (vault: VaultService) =>
  Object.fromEntries(
    vault
      .list()
      .map((e) => [
        e.label,
        vault.readSecret(e.id, e.kind === 'faxplus-pat' ? 'pat' : 'token') ?? '',
      ]),
  );

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('backup export', () => {
  it('writes a 0600 file that holds no secret in clear and round-trips into a new vault', async () => {
    const src = await seeded();
    expect(await src.backup.exportTo(src.file, PASSPHRASE)).toEqual({ entries: 2 });
    expect(statSync(src.file).mode & 0o777).toBe(0o600);
    const text = readFileSync(src.file, 'utf8');
    for (const secret of ['alohi_pat_secret_one', 'sms-token-secret-two', 'Office PAT']) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    }

    const dst = setup();
    await dst.vault.create('a different master password');
    const summary = await dst.backup.importFrom(src.file, PASSPHRASE);
    expect(summary).toEqual({ added: 2, replaced: 0, skipped: 0, renamed: 0 });
    expect(secretsByLabel(dst.vault)).toEqual({
      'Office PAT': 'alohi_pat_secret_one',
      Marketing: 'sms-token-secret-two',
    });
    const sms = dst.vault.list().find((e) => e.label === 'Marketing');
    expect(sms).toMatchObject({ provider: 'smsfactor', kind: 'smsfactor-token', format: 'json' });
  });

  it('refuses while locked and with a weak passphrase, writing nothing', async () => {
    const src = await seeded();
    await expect(src.backup.exportTo(src.file, 'short')).rejects.toMatchObject({
      code: 'weak-password',
    });
    src.vault.lock();
    await expect(src.backup.exportTo(src.file, PASSPHRASE)).rejects.toMatchObject({
      code: 'locked',
    });
    expect(existsSync(src.file)).toBe(false);
  });
});

describe('backup import refusals change nothing', () => {
  let src: Awaited<ReturnType<typeof seeded>>;
  let dst: ReturnType<typeof setup>;
  let before: Buffer;

  beforeEach(async () => {
    src = await seeded();
    await src.backup.exportTo(src.file, PASSPHRASE);
    dst = setup();
    await dst.vault.create('a different master password');
    dst.vault.add(patEntry('Existing'), { pat: 'existing-pat' });
    before = readFileSync(dst.path);
  });

  it('wrong passphrase -> wrong-password, vault file byte-identical', async () => {
    await expect(dst.backup.importFrom(src.file, 'not the right passphrase')).rejects.toMatchObject(
      { code: 'wrong-password' },
    );
    expect(readFileSync(dst.path).equals(before)).toBe(true);
  });

  it('any single byte flipped anywhere in the file -> refused, vault byte-identical', async () => {
    const original = readFileSync(src.file);
    const tampered = join(dst.dir, 'tampered.tvbackup');
    for (let i = 0; i < original.length; i += 1) {
      for (const mask of [0x01]) {
        const copy = Buffer.from(original);
        copy[i] = (copy[i] ?? 0) ^ mask;
        writeFileSync(tampered, copy);
        const outcome = await dst.backup.importFrom(tampered, PASSPHRASE).then(
          () => 'imported',
          (error: { code?: string }) => error.code,
        );
        expect(
          ['wrong-password', 'invalid-input'],
          `byte ${i} ^ ${mask}: ${String(outcome)}`,
        ).toContain(outcome);
      }
    }
    expect(readFileSync(dst.path).equals(before)).toBe(true);
    expect(dst.vault.list().map((e) => e.label)).toEqual(['Existing']);
  });

  it.each([
    ['an empty file', ''],
    ['a vault file', '{"formatVersion":1}'],
    ['a truncated backup', 'TRUNCATE'],
  ])('%s -> refused', async (_name, text) => {
    const bad = join(dst.dir, 'bad.tvbackup');
    const good = readFileSync(src.file, 'utf8');
    writeFileSync(bad, text === 'TRUNCATE' ? good.slice(0, good.length / 2) : text);
    await expect(dst.backup.importFrom(bad, PASSPHRASE)).rejects.toMatchObject({
      code: expect.stringMatching(/^(invalid-input|wrong-password)$/),
    });
    expect(readFileSync(dst.path).equals(before)).toBe(true);
  });

  it('a locked vault -> locked, nothing read into it', async () => {
    dst.vault.lock();
    await expect(dst.backup.importFrom(src.file, PASSPHRASE)).rejects.toMatchObject({
      code: 'locked',
    });
    expect(readFileSync(dst.path).equals(before)).toBe(true);
  });
});

describe('backup import conflict rules', () => {
  // The destination already holds "Office PAT" (same label, other secret) and, by id, the
  // original SMS entry (exported from itself, then changed).
  async function conflicted(rule: ConflictRule | undefined) {
    const s = await seeded();
    await s.backup.exportTo(s.file, PASSPHRASE);
    s.vault.update(s.sms.id, {}, { token: 'changed-after-export' });
    s.vault.remove(s.pat.id);
    s.vault.add(patEntry('office pat'), { pat: 'newer-pat-in-vault' });
    s.vault.add(patEntry('Unrelated'), { pat: 'unrelated-pat' });
    const summary = await s.backup.importFrom(s.file, PASSPHRASE, rule);
    return { summary, secrets: secretsByLabel(s.vault), count: s.vault.list().length };
  }

  it('skip (the default) keeps what the vault has', async () => {
    const { summary, secrets, count } = await conflicted(undefined);
    expect(summary).toEqual({ added: 0, replaced: 0, skipped: 2, renamed: 0 });
    expect(count).toBe(3);
    expect(secrets).toEqual({
      Marketing: 'changed-after-export',
      'office pat': 'newer-pat-in-vault',
      Unrelated: 'unrelated-pat',
    });
  });

  it('replace overwrites the existing entries with the backup', async () => {
    const { summary, secrets, count } = await conflicted('replace');
    expect(summary).toEqual({ added: 0, replaced: 2, skipped: 0, renamed: 0 });
    expect(count).toBe(3);
    expect(secrets).toEqual({
      Marketing: 'sms-token-secret-two',
      'Office PAT': 'alohi_pat_secret_one',
      Unrelated: 'unrelated-pat',
    });
  });

  it('keep-both adds the backup copies under a suffixed label', async () => {
    const { summary, secrets, count } = await conflicted('keep-both');
    expect(summary).toEqual({ added: 0, replaced: 0, skipped: 0, renamed: 2 });
    expect(count).toBe(5);
    expect(secrets).toEqual({
      Marketing: 'changed-after-export',
      'Marketing (imported)': 'sms-token-secret-two',
      'office pat': 'newer-pat-in-vault',
      'Office PAT (imported)': 'alohi_pat_secret_one',
      Unrelated: 'unrelated-pat',
    });
  });
});
