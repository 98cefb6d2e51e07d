// Keychain unlock (security.md 28, issue 7 item 5) with a fake safeStorage port and a real
// vault on disk: refused on basic_text/unknown, enable/unlock/disable round trip, and a
// wrapped key that does not fit is refused without unlocking.
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KeychainUnlock,
  keychainAvailability,
  type SafeStoragePort,
} from '../../main/core/vault/keychain-unlock';
import { PASSWORD, makeVault, patEntry, tempDir } from '../unit/core/vault/vault-helpers';

/** A keychain stand-in: "encrypts" by XOR with a per-instance byte, so a foreign one garbles. */
function fakeSafeStorage(backend: string, available = true, xor = 0x5a) {
  const port: SafeStoragePort & { calls: string[] } = {
    calls: [],
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => {
      port.calls.push('encrypt');
      return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ xor));
    },
    decryptString: (data) => {
      port.calls.push('decrypt');
      return Buffer.from(data.map((b) => b ^ xor)).toString('utf8');
    },
  };
  return port;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setup(port: SafeStoragePort, platform = 'linux') {
  const dir = tempDir();
  dirs.push(dir);
  const made = makeVault(dir);
  await made.vault.create(PASSWORD);
  const keychain = new KeychainUnlock({ vault: made.vault, safeStorage: port, platform });
  keychain.start();
  return { ...made, keychain };
}

describe('keychain availability', () => {
  it.each([
    ['linux', 'basic_text', true, false],
    ['linux', 'unknown', true, false],
    ['linux', 'gnome_libsecret', true, true],
    ['linux', 'kwallet5', true, true],
    ['linux', 'gnome_libsecret', false, false],
    ['darwin', 'os', true, true],
    ['win32', 'os', true, true],
    ['darwin', 'os', false, false],
  ])('%s backend %s (encryption %s) -> available %s', (platform, backend, ready, expected) => {
    const state = keychainAvailability(fakeSafeStorage(backend, ready), platform);
    expect(state.available).toBe(expected);
    if (!state.available) expect(state.reason.length).toBeGreaterThan(20);
  });
});

describe('keychain unlock', () => {
  it.each(['basic_text', 'unknown'])(
    'backend %s -> enable refused with a reason, nothing stored',
    async (backend) => {
      const port = fakeSafeStorage(backend);
      const { vault, keychain, path } = await setup(port);
      const before = readFileSync(path);
      expect(vault.status()).toMatchObject({
        keychainUnlockAvailable: false,
        keychainUnlockEnabled: false,
      });
      expect(() => keychain.enable()).toThrow(/keychain/i);
      expect(() => keychain.unlock()).toThrow(/keychain/i);
      expect(port.calls).toEqual([]);
      expect(readFileSync(path).equals(before)).toBe(true);
    },
  );

  // The backend is judged again at unlock time: a key wrapped under a real keychain must not
  // be unwrapped once the session falls back to basic_text (e.g. the secret service is gone).
  it.each(['basic_text', 'unknown'])(
    'key enabled under gnome_libsecret, later backend %s -> unlock refused as "not a keychain", still locked',
    async (backend) => {
      const real = fakeSafeStorage('gnome_libsecret');
      const { vault, keychain, path } = await setup(real);
      keychain.enable();
      vault.lock();
      const before = readFileSync(path);

      const fallback = fakeSafeStorage(backend);
      const other = new KeychainUnlock({ vault, safeStorage: fallback, platform: 'linux' });
      let caught: unknown;
      try {
        other.unlock();
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'unsupported' });
      const message = (caught as Error).message;
      expect(message).toMatch(/no system keychain/i);
      expect(message).not.toMatch(/\boff\b/);
      expect(fallback.calls).not.toContain('decrypt');
      expect(vault.isUnlocked()).toBe(false);
      expect(vault.holdsKeyMaterial()).toBe(false);
      expect(readFileSync(path).equals(before)).toBe(true);
      // The wrapped key is still there: a real keychain coming back opens the vault.
      expect(keychain.unlock()).toMatchObject({ locked: false });
    },
  );

  it('the same port switching to basic_text after enable -> unlock refused, no decrypt', async () => {
    let backend = 'gnome_libsecret';
    const port = fakeSafeStorage('unused');
    port.getSelectedStorageBackend = () => backend;
    const { vault, keychain } = await setup(port);
    keychain.enable();
    vault.lock();
    backend = 'basic_text';
    expect(() => keychain.unlock()).toThrow(expect.objectContaining({ code: 'unsupported' }));
    expect(port.calls).toEqual(['encrypt']);
    expect(vault.isUnlocked()).toBe(false);
  });

  it('enable -> lock -> unlock with the keychain opens the secrets; disable erases the key', async () => {
    const port = fakeSafeStorage('gnome_libsecret');
    const { vault, keychain, path } = await setup(port);
    const entry = vault.add(patEntry('Office'), { pat: 'pat-value-123' });
    expect(keychain.enable()).toMatchObject({
      keychainUnlockAvailable: true,
      keychainUnlockEnabled: true,
    });
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { keychain?: { wrappedKey: string } };
    expect(stored.keychain?.wrappedKey).toMatch(/^[A-Za-z0-9+/]+=*$/);

    vault.lock();
    expect(vault.holdsKeyMaterial()).toBe(false);
    expect(keychain.unlock()).toMatchObject({ locked: false });
    expect(vault.readSecret(entry.id, 'pat')).toBe('pat-value-123');

    // Turning it off rewrites the authenticated file, so it needs the vault unlocked.
    vault.lock();
    expect(() => keychain.disable()).toThrow(/locked/);
    await vault.unlock(PASSWORD);
    expect(keychain.disable()).toMatchObject({ keychainUnlockEnabled: false });
    vault.lock();
    expect(readFileSync(path, 'utf8')).not.toContain('keychain');
    expect(() => keychain.unlock()).toThrow(/off/);
    expect(vault.isUnlocked()).toBe(false);
    await vault.unlock(PASSWORD);
    expect(vault.readSecret(entry.id, 'pat')).toBe('pat-value-123');
  });

  it('survives a password change (the data key is the same)', async () => {
    const { vault, keychain } = await setup(fakeSafeStorage('kwallet5'));
    keychain.enable();
    await vault.changePassword(PASSWORD, 'another long passphrase 42');
    vault.lock();
    expect(keychain.unlock()).toMatchObject({ locked: false });
  });

  it('a keychain that returns a different key -> wrong-password, still locked', async () => {
    const { vault, keychain } = await setup(fakeSafeStorage('gnome_libsecret', true, 0x5a));
    keychain.enable();
    vault.lock();
    const other = new KeychainUnlock({
      vault,
      safeStorage: fakeSafeStorage('gnome_libsecret', true, 0x33),
      platform: 'linux',
    });
    expect(() => other.unlock()).toThrow(expect.objectContaining({ code: 'wrong-password' }));
    expect(vault.isUnlocked()).toBe(false);
  });

  it('enable needs the vault unlocked', async () => {
    const { vault, keychain } = await setup(fakeSafeStorage('gnome_libsecret'));
    vault.lock();
    expect(() => keychain.enable()).toThrow(expect.objectContaining({ code: 'locked' }));
  });
});
