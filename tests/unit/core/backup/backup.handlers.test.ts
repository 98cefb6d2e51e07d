// backup:* and keychain:* through the real dispatch and core: main's dialog picks the file,
// a cancelled dialog is 'cancelled', and without the desktop ports both features say why.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileDialog } from '../../../../main/core/backup/file-dialog.port';
import type { SafeStoragePort } from '../../../../main/core/vault/keychain-unlock';
import { MASTER, startSecurityCore, type SecurityCore } from '../../../security/core-harness';
import { patEntry } from '../vault/vault-helpers';

const PASSPHRASE = 'handler backup passphrase';
const cores: SecurityCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.stop();
});

function dialogFor(path: () => string | null): FileDialog & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    chooseSavePath: (name) => {
      asked.push(`save ${name}`);
      return Promise.resolve(path());
    },
    chooseOpenPath: () => {
      asked.push('open');
      return Promise.resolve(path());
    },
  };
}

async function core(extra: Parameters<typeof startSecurityCore>[0] = {}) {
  const h = startSecurityCore(extra);
  cores.push(h);
  await h.core.vault.create(MASTER);
  h.core.vault.add(patEntry('Office'), { pat: 'pat-for-handlers' });
  return h;
}

describe('backup handlers', () => {
  it('export saves where the dialog says; import reads the file the dialog picks', async () => {
    let target: string | null = null;
    const dialog = dialogFor(() => target);
    const h = await core({ fileDialog: dialog });
    target = join(h.dir, 'picked.tvbackup');
    expect(await h.call('backup:export', { password: PASSPHRASE })).toEqual({
      ok: true,
      value: { path: target, entries: 1 },
    });
    expect(dialog.asked[0]).toMatch(/^save token-vault-\d{4}-\d{2}-\d{2}\.tvbackup$/);
    expect(
      await h.call('backup:import', { password: PASSPHRASE, onConflict: 'keep-both' }),
    ).toEqual({ ok: true, value: { added: 0, replaced: 0, skipped: 0, renamed: 1 } });
  });

  it('a cancelled dialog -> cancelled; a weak passphrase is refused before any dialog', async () => {
    const dialog = dialogFor(() => null);
    const h = await core({ fileDialog: dialog });
    expect(await h.call('backup:export', { password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'weak-password' },
    });
    expect(dialog.asked).toEqual([]);
    expect(await h.call('backup:export', { password: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(existsSync(join(h.dir, 'picked.tvbackup'))).toBe(false);
  });

  it('without a dialog port -> unsupported', async () => {
    const h = await core();
    expect(
      await h.call('backup:import', { password: PASSPHRASE, onConflict: 'skip' }),
    ).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});

describe('keychain handlers', () => {
  const port = (backend: string): SafeStoragePort => ({
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (s) => Buffer.from(s, 'utf8').reverse(),
    decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
  });

  it('basic_text -> status unavailable with the reason, enable refused', async () => {
    const h = await core({ safeStorage: port('basic_text'), platform: 'linux' });
    const status = (await h.call('keychain:status')) as {
      value: { available: boolean; reason?: string };
    };
    expect(status.value.available).toBe(false);
    expect(status.value.reason).toMatch(/keychain/i);
    expect(await h.call('keychain:enable')).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(h.core.vault.status().keychainUnlockAvailable).toBe(false);
  });

  it('a real keychain: enable, lock, unlock with the keychain, disable', async () => {
    const h = await core({ safeStorage: port('gnome_libsecret'), platform: 'linux' });
    expect(await h.call('keychain:enable')).toMatchObject({
      ok: true,
      value: { keychainUnlockAvailable: true, keychainUnlockEnabled: true },
    });
    await h.call('vault:lock');
    expect(await h.call('keychain:unlock')).toMatchObject({ ok: true, value: { locked: false } });
    expect(await h.call('keychain:disable')).toMatchObject({
      ok: true,
      value: { keychainUnlockEnabled: false },
    });
  });

  it('no safeStorage port (plain Node) -> unavailable', async () => {
    const h = await core();
    expect(await h.call('keychain:status')).toMatchObject({
      ok: true,
      value: { available: false, enabled: false },
    });
  });
});
