import { describe, expect, it } from 'vitest';
import {
  maskSecret,
  requireClientId,
  requireSecret,
} from '../../../../../main/core/providers/faxplus/faxplus.validation';

describe('Fax.Plus input rules', () => {
  it.each([
    ['alohi_pat_0123456789abcdef3f9c', 'alohi_pat_…3f9c'],
    ['short-but-12', '…t-12'],
    ['tiny', '…'],
  ])('masks %s as %s', (secret, masked) => {
    expect(maskSecret(secret)).toBe(masked);
  });

  it.each([
    ['APIKabc123', true],
    ['  APIKabc123  ', true],
    ['apikabc', false],
    ['APIK', false],
    ['XAPIKabc', false],
    ['APIK abc', false],
    ['APIK<script>', false],
  ])('client id %j valid: %s', (id, ok) => {
    if (ok) expect(requireClientId(id)).toBe(id.trim());
    else expect(() => requireClientId(id)).toThrow(/starts with APIK/);
  });

  it('requires a secret without spaces', () => {
    expect(() => requireSecret('', 'pat', 'token')).toThrow(/required/);
    expect(() => requireSecret('a b', 'pat', 'token')).toThrow(/spaces/);
    expect(requireSecret(' ab ', 'pat', 'token')).toBe('ab');
  });
});
