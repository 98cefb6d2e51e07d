import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeRandom } from '../../../../main/core/vault/crypto';
import { fsBackend } from '../../../../main/core/vault/store-backend';
import type { SealedDocument } from '../../../../main/core/vault/vault-file';
import { createVaultService } from '../../../../main/core/vault/vault.factory';
import { VaultError, type NewEntry } from '../../../../main/core/vault/vault.types';
import {
  NEW_PASSWORD,
  PASSWORD,
  makeVault,
  patEntry,
  recordingRandom,
  smsEntry,
  tempDir,
} from './vault-helpers';
import { FakeClock } from '../../../fakes/fake-clock';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function code(action: () => unknown): Promise<string | undefined> {
  try {
    await action();
  } catch (error) {
    if (error instanceof VaultError) return error.code;
    throw error;
  }
  return undefined;
}

async function createdVault() {
  const made = makeVault(dir);
  await made.vault.create(PASSWORD);
  return made;
}

describe('VaultService', () => {
  it('creates, stores a secret, and reads it back after a restart', async () => {
    const { vault } = await createdVault();
    const entry = vault.add(patEntry('billing'), { pat: 'alohi_pat_SECRET' });
    expect(vault.status()).toMatchObject({ exists: true, locked: false });

    const { vault: again } = makeVault(dir);
    // Locked, the metadata is sealed too: nothing to list, only the locked index.
    expect(again.list()).toEqual([]);
    expect(again.lockedIndex()).toEqual([]);
    expect(await code(() => again.readSecret(entry.id, 'pat'))).toBe('locked');
    await again.unlock(PASSWORD);
    expect(again.list().map((e) => e.label)).toEqual(['billing']);
    expect(again.readSecret(entry.id, 'pat')).toBe('alohi_pat_SECRET');
  });

  it('never writes a secret value in clear, in entries or audit', async () => {
    const { vault, path } = await createdVault();
    vault.add(patEntry('billing'), { pat: 'alohi_pat_PLAINTEXT' });
    vault.recordAudit(vault.list()[0]?.id ?? '', 'copied');
    expect(fs.readFileSync(path, 'utf8')).not.toContain('PLAINTEXT');
    expect(JSON.stringify(vault.audit())).not.toContain('PLAINTEXT');
    expect(vault.audit().map((r) => r.action)).toEqual(['created', 'copied']);
  });

  it('refuses a weak password with a sentence', async () => {
    const { vault } = makeVault(dir);
    await expect(vault.create('short')).rejects.toThrow(/at least 12/);
    expect(vault.status().exists).toBe(false);
  });

  it('wrong password: clear error and nothing written (security.md 18)', async () => {
    const { path } = await createdVault();
    const before = fs.readFileSync(path);
    const { vault } = makeVault(dir);
    expect(await code(() => vault.unlock('not the password at all'))).toBe('wrong-password');
    expect(vault.isUnlocked()).toBe(false);
    expect(fs.readFileSync(path).equals(before)).toBe(true);
  });

  it('password change: old fails, new works, secrets unchanged (security.md 19)', async () => {
    const { vault } = await createdVault();
    const entry = vault.add(smsEntry('sms'), { token: 'sms-token-value' });
    expect(await code(() => vault.changePassword('wrong wrong wrong', NEW_PASSWORD))).toBe(
      'wrong-password',
    );
    await vault.changePassword(PASSWORD, NEW_PASSWORD);

    const { vault: again } = makeVault(dir);
    expect(await code(() => again.unlock(PASSWORD))).toBe('wrong-password');
    await again.unlock(NEW_PASSWORD);
    expect(again.readSecret(entry.id, 'token')).toBe('sms-token-value');
  });

  it.each([
    [
      'swapping two entries sealed data',
      (doc: SealedDocument) => {
        const [a, b] = doc.entries;
        if (!a || !b) throw new Error('setup');
        [a.data, b.data] = [b.data, a.data];
      },
      0,
    ],
    [
      'rebinding an entry to another id (AAD)',
      (doc: SealedDocument) => {
        const a = doc.entries[0];
        if (!a) throw new Error('setup');
        a.id = 'renamed-id';
      },
      1,
    ],
    [
      'flipping a byte of an entry',
      (doc: SealedDocument) => {
        const a = doc.entries[0];
        if (!a) throw new Error('setup');
        const raw = Buffer.from(a.data, 'base64');
        raw[14] = (raw[14] ?? 0) ^ 0x80;
        a.data = raw.toString('base64');
      },
      1,
    ],
  ])('detects %s in the file (security.md 20)', async (_name, tamper, intact) => {
    const { vault, path } = await createdVault();
    vault.add(patEntry('one'), { pat: 'pat-one' });
    vault.add(patEntry('two'), { pat: 'pat-two' });
    const doc = JSON.parse(fs.readFileSync(path, 'utf8')) as SealedDocument;
    tamper(doc);
    fs.writeFileSync(path, JSON.stringify(doc));
    const { vault: again } = makeVault(dir);
    await again.unlock(PASSWORD);
    expect(again.status().integrityNotice).toMatch(
      /^The vault file was changed outside Token Vault/,
    );
    // What failed is left out, never shown with another entry's name or secret.
    const shown = again.list();
    expect(shown).toHaveLength(intact);
    for (const e of shown) expect(again.readSecret(e.id, 'pat')).toBe(`pat-${e.label}`);
  });

  it('keeps labels unique per provider', async () => {
    const { vault } = await createdVault();
    vault.add(patEntry('main'), { pat: 'p1' });
    expect(await code(() => vault.add(patEntry('Main'), { pat: 'p2' }))).toBe('duplicate-label');
    expect(vault.add(smsEntry('main'), { token: 't' }).label).toBe('main');
    const other = vault.add(patEntry('other'), { pat: 'p3' });
    expect(await code(() => vault.update(other.id, { label: 'MAIN' }))).toBe('duplicate-label');
    expect(vault.list()).toHaveLength(3);
  });

  it('locked, only the locked index is readable; metadata, secrets and edits need the key', async () => {
    const { vault } = await createdVault();
    const pat = { ...patEntry('billing'), expiresAt: 2_000_000_000_000 } as NewEntry;
    const entry = vault.add(pat, { pat: 'p' });
    vault.lock();
    expect(vault.lockedIndex()).toEqual([
      { id: entry.id, kind: 'pat-expiry', at: 2_000_000_000_000 },
    ]);
    expect(vault.list()).toEqual([]);
    expect(vault.audit()).toEqual([]);
    expect(await code(() => vault.findByLabel('faxplus', 'BILLING'))).toBe('locked');
    expect(await code(() => vault.get(entry.id))).toBe('locked');
    expect(await code(() => vault.update(entry.id, { muted: true }))).toBe('locked');
    expect(await code(() => vault.update(entry.id, {}, { pat: 'new' }))).toBe('locked');
    expect(await code(() => vault.remove(entry.id))).toBe('locked');
    await vault.unlock(PASSWORD);
    expect(vault.findByLabel('faxplus', 'BILLING')?.id).toBe(entry.id);
    expect(await code(() => vault.get('nope'))).toBe('not-found');
  });

  it('updates secrets, renames with an audit record, and removes', async () => {
    const { vault } = await createdVault();
    const entry = vault.add(patEntry('billing'), { pat: 'old' });
    vault.update(entry.id, { label: 'billing-2' }, { pat: 'new' });
    expect(vault.readSecret(entry.id, 'pat')).toBe('new');
    vault.update(entry.id, {}, undefined, { action: 'verified', detail: 'ok' });
    vault.remove(entry.id);
    expect(vault.list()).toEqual([]);
    expect(vault.audit(entry.id).map((r) => r.action)).toEqual([
      'created',
      'renamed',
      'verified',
      'deleted',
    ]);
    expect(await code(() => vault.add(patEntry('x'), { token: 't' } as never))).toBe(
      'invalid-input',
    );
  });

  it('lock drops the DEK and wipes its bytes (security.md 27)', async () => {
    const random = recordingRandom();
    const { vault } = makeVault(dir, () => 15, random);
    await vault.create(PASSWORD);
    const entry = vault.add(patEntry('billing'), { pat: 'p' });
    const dek = random.handed.find((b) => b.length === 32);
    expect(dek?.some((x) => x !== 0)).toBe(true);
    const statuses: boolean[] = [];
    vault.onStatus((s) => statuses.push(s.locked));
    vault.lock();
    expect(vault.holdsKeyMaterial()).toBe(false);
    expect(dek?.every((x) => x === 0)).toBe(true);
    expect(await code(() => vault.readSecret(entry.id, 'pat'))).toBe('locked');
    expect(statuses).toEqual([true]);
  });

  it('locks itself after the idle time; touch resets it (security.md 27)', async () => {
    const { vault, clock } = await createdVault();
    clock.advance(14 * 60_000);
    vault.touch();
    clock.advance(14 * 60_000);
    expect(vault.isUnlocked()).toBe(true);
    clock.advance(60_000);
    expect(vault.isUnlocked()).toBe(false);
    expect(vault.holdsKeyMaterial()).toBe(false);
  });

  it('locks on touch when the clock jumped past the idle time (resume from sleep)', async () => {
    const { vault, clock } = await createdVault();
    clock.jump(16 * 60_000);
    vault.touch();
    expect(vault.isUnlocked()).toBe(false);
  });

  it('never auto-locks when idle minutes is 0', async () => {
    const { vault, clock } = makeVault(dir, () => 0);
    await vault.create(PASSWORD);
    clock.advance(24 * 60 * 60_000);
    expect(vault.isUnlocked()).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('two services on one file never lose an update', async () => {
    const { vault: a } = await createdVault();
    const { vault: b } = makeVault(dir);
    await b.unlock(PASSWORD);
    a.add(patEntry('from-a'), { pat: 'a' });
    b.add(patEntry('from-b'), { pat: 'b' });
    a.add(patEntry('from-a-2'), { pat: 'a2' });
    const { vault: c } = makeVault(dir);
    await c.unlock(PASSWORD);
    expect(
      c
        .list()
        .map((e) => e.label)
        .sort(),
    ).toEqual(['from-a', 'from-a-2', 'from-b']);
    expect(await code(() => a.add(patEntry('FROM-B'), { pat: 'x' }))).toBe('duplicate-label');
  });

  it('reload() picks up changes made elsewhere and tells listeners', async () => {
    const { vault: a } = await createdVault();
    const { vault: b } = makeVault(dir);
    await b.unlock(PASSWORD);
    const reasons: string[] = [];
    b.onChange((r) => reasons.push(r));
    a.add(patEntry('new'), { pat: 'x' });
    expect(b.hasChangedOnDisk()).toBe(true);
    b.reload();
    expect(b.list().map((e) => e.label)).toEqual(['new']);
    expect(reasons).toEqual(['reloaded']);
  });

  it('a failed save (disk full) changes neither the file nor memory (security.md 24)', async () => {
    let full = false;
    const fakeFs = {
      ...fs,
      writeSync: ((fd: number, buffer: Uint8Array, offset?: number) => {
        if (!full) return fs.writeSync(fd, buffer, offset);
        const error: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device');
        error.code = 'ENOSPC';
        throw error;
      }) as typeof fs.writeSync,
    };
    const clock = new FakeClock();
    const vault = createVaultService({
      dir,
      clock,
      scheduler: clock,
      random: nodeRandom(),
      kdfIterations: 1000,
      fs: fakeFs,
      backend: fsBackend(fakeFs),
    });
    vault.start();
    await vault.create(PASSWORD);
    const kept = vault.add(patEntry('kept'), { pat: 'p' });
    const path = join(dir, 'vault.json');
    const before = fs.readFileSync(path);
    full = true;
    const changes: string[] = [];
    vault.onChange((r) => changes.push(r));
    expect(await code(() => vault.add(patEntry('lost'), { pat: 'q' }))).toBe('storage-error');
    expect(await code(() => vault.update(kept.id, { label: 'renamed' }))).toBe('storage-error');
    expect(await code(() => vault.changePassword(PASSWORD, NEW_PASSWORD))).toBe('storage-error');
    expect(fs.readFileSync(path).equals(before)).toBe(true);
    expect(vault.list().map((e) => e.label)).toEqual(['kept']);
    expect(vault.audit().map((r) => r.action)).toEqual(['created']);
    expect(changes).toEqual([]);
    full = false;
    const { vault: again } = makeVault(dir);
    await again.unlock(PASSWORD);
    expect(again.readSecret(kept.id, 'pat')).toBe('p');
  });

  it('refuses to create over an existing vault', async () => {
    await createdVault();
    const { vault } = makeVault(dir);
    expect(await code(() => vault.create(NEW_PASSWORD))).toBe('vault-exists');
  });

  it('reports a recovered file in status()', async () => {
    const { vault, path } = await createdVault();
    vault.add(patEntry('kept'), { pat: 'x' });
    fs.writeFileSync(path, fs.readFileSync(path, 'utf8').slice(0, 50));
    const { vault: again } = makeVault(dir);
    expect(again.status().recoveryNotice).toMatch(/damaged/);
    await again.unlock(PASSWORD);
    expect(again.list().map((e) => e.label)).toEqual(['kept']);
  });
});

describe('a vault file a newer Token Vault wrote', () => {
  it('is left as it is, said so, and cannot be opened, written or created over', async () => {
    const { vault, path } = await createdVault();
    vault.add(patEntry('kept'), { pat: 'x' });
    const newer = JSON.stringify({
      ...JSON.parse(fs.readFileSync(path, 'utf8')),
      formatVersion: 3,
    });
    fs.writeFileSync(path, newer);
    const { vault: old } = makeVault(dir);
    expect(old.status()).toMatchObject({ exists: true, locked: true });
    expect(old.status().newerFormat).toBe(
      'The vault was written by a newer version of Token Vault (format 3); update Token Vault to open it. The file was left as it is.',
    );
    expect(old.status().recoveryNotice).toBeUndefined();
    await expect(old.unlock(PASSWORD)).rejects.toThrow(/newer version of Token Vault/);
    expect(await code(() => old.create(NEW_PASSWORD))).toBe('vault-exists');
    expect(old.lockedIndex()).toEqual([]);
    expect(fs.readFileSync(path, 'utf8')).toBe(newer);
    expect(fs.readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });
});
