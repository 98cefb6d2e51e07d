// The command line's node:crypto opener must read exactly what node-forge sealed.
import { describe, expect, it } from 'vitest';
import { VaultCrypto, nodeRandom, secretAad } from '../../../../main/core/vault/crypto';
import { NativeOpener } from '../../../../main/core/vault/native-opener';
import { SealError } from '../../../../main/core/vault/seal-format';
import { newVault, unwrapDek } from '../../../../main/core/vault/vault-keys';

const forge = new VaultCrypto({ random: nodeRandom(), iterations: 1000 });
const native = new NativeOpener();

describe('NativeOpener', () => {
  it('derives the same key as node-forge, also for a non-ASCII password', async () => {
    const salt = forge.newSalt();
    for (const password of ['correct horse battery staple', 'pässwörd ✓ 密码 🔑 long enough']) {
      expect(await native.deriveKek(password, salt, 1000)).toEqual(
        await forge.deriveKek(password, salt, 1000),
      );
    }
  });

  it('opens values node-forge sealed, text and bytes', () => {
    const key = forge.newKey();
    const aad = secretAad('e1', 'token', 1);
    expect(native.openText(key, forge.seal(key, 'sf_tøken ✓', aad), aad)).toBe('sf_tøken ✓');
    const bytes = forge.newKey();
    expect(native.open(key, forge.seal(key, bytes, aad), aad)).toEqual(bytes);
    expect(native.openText(key, forge.seal(key, '', aad), aad)).toBe('');
  });

  it('refuses a wrong key, a changed AAD, a flipped bit and a short value', () => {
    const key = forge.newKey();
    const aad = secretAad('e1', 'token', 1);
    const sealed = forge.seal(key, 'secret value', aad);
    expect(() => native.open(forge.newKey(), sealed, aad)).toThrow(SealError);
    expect(() => native.open(key, sealed, secretAad('e2', 'token', 1))).toThrow(SealError);
    const raw = Buffer.from(sealed, 'base64');
    raw[14] = (raw[14] ?? 0) ^ 1;
    expect(() => native.open(key, raw.toString('base64'), aad)).toThrow(SealError);
    expect(() => native.openText(key, raw.toString('base64'), aad)).toThrow(SealError);
    expect(() => native.openText(key, sealed, secretAad('e2', 'token', 1))).toThrow(SealError);
    expect(native.openText(key, sealed, aad)).toBe('secret value');
    expect(() => native.open(key, 'AAAA', aad)).toThrow(SealError);
  });

  it('unwraps the data key of a vault made with node-forge; a wrong password is refused', async () => {
    const { doc, dek } = await newVault(forge, 'a fine long passphrase');
    expect(await unwrapDek(native, doc, 'a fine long passphrase')).toEqual(dek);
    await expect(unwrapDek(native, doc, 'another long passphrase')).rejects.toMatchObject({
      code: 'wrong-password',
    });
  });
});
