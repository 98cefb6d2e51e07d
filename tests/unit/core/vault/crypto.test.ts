import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SealError, VaultCrypto, nodeRandom, secretAad } from '../../../../main/core/vault/crypto';

const crypto = new VaultCrypto({ random: nodeRandom(), iterations: 1000 });
const key = new Uint8Array(randomBytes(32));

describe('key derivation (security.md 22)', () => {
  it.each([
    ['ascii', 'correct horse battery', 1],
    ['unicode', 'pässwörd-密码-🔑', 1000],
    ['empty', '', 10],
  ])('forge PBKDF2 equals node pbkdf2Sync sha256 (%s)', async (_name, password, iterations) => {
    const salt = new Uint8Array(randomBytes(16));
    const ours = await crypto.deriveKek(password, salt, iterations);
    const native = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
    expect(Buffer.from(ours).equals(native)).toBe(true);
  });
});

describe('sealing', () => {
  it('round-trips text and binary', () => {
    const aad = secretAad('e1', 'pat', 1);
    expect(crypto.openText(key, crypto.seal(key, 'alohi_pat_ü', aad), aad)).toBe('alohi_pat_ü');
    const bytes = new Uint8Array(randomBytes(64));
    expect(Buffer.from(crypto.open(key, crypto.seal(key, bytes, aad), aad)).equals(bytes)).toBe(
      true,
    );
  });

  it('does not contain the plaintext', () => {
    const sealed = crypto.seal(key, 'very-visible-secret', 'a');
    expect(Buffer.from(sealed, 'base64').toString('binary')).not.toContain('very-visible-secret');
  });

  it('detects a flip of any byte (security.md 20)', () => {
    const aad = secretAad('e1', 'token', 1);
    const sealed = Buffer.from(crypto.seal(key, 'token-value-123', aad), 'base64');
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      expect(() => crypto.open(key, tampered.toString('base64'), aad), `byte ${i}`).toThrow(
        SealError,
      );
    }
  });

  it.each([
    ['another entry', secretAad('e2', 'token', 1)],
    ['another field', secretAad('e1', 'pat', 1)],
    ['another format version', secretAad('e1', 'token', 2)],
  ])('refuses a ciphertext opened for %s (AAD)', (_name, otherAad) => {
    const sealed = crypto.seal(key, 'secret', secretAad('e1', 'token', 1));
    expect(() => crypto.open(key, sealed, otherAad)).toThrow(SealError);
  });

  it('refuses the wrong key and a value too short to be sealed', () => {
    const sealed = crypto.seal(key, 'secret', 'a');
    expect(() => crypto.open(new Uint8Array(32), sealed, 'a')).toThrow(SealError);
    expect(() => crypto.open(key, 'AAAA', 'a')).toThrow(SealError);
  });

  it('never repeats an IV over 10,000 seals under one key (security.md 21)', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      ivs.add(
        Buffer.from(crypto.seal(key, 'x', 'a'), 'base64')
          .subarray(0, 12)
          .toString('hex'),
      );
    }
    expect(ivs.size).toBe(10_000);
  });

  it('takes the IV from the Random port', () => {
    const fixed = new VaultCrypto({ random: { bytes: (n) => new Uint8Array(n).fill(7) } });
    const iv = Buffer.from(fixed.seal(key, 'x', 'a'), 'base64').subarray(0, 12);
    expect([...iv]).toEqual(new Array(12).fill(7));
  });
});
