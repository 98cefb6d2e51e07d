import { describe, expect, it } from 'vitest';
import { checkPassword, passwordRules } from '../../../../main/core/vault/password-rules';

describe('master password rule', () => {
  it('explains itself to the UI', () => {
    expect(passwordRules()).toMatchObject({ minLength: 12 });
    expect(passwordRules().description).toMatch(/12 characters/);
  });

  it.each([
    ['short1', /at least 12/],
    ['aaaaaaaaaaaaaaa', /repeat/],
    ['abcabcabcabcabc', /repeat/],
    ['abcdefghijklmnop', /simple run/],
    ['9876543210987', /repeat|simple run/],
    ['Password1234', /well-known/],
  ])('refuses %j', (password, message) => {
    expect(checkPassword(password)).toMatch(message);
  });

  it.each(['correct horse battery', 'tr0ub4dor&3-xyz', 'pässwörd-密码-🔑-long'])(
    'accepts %j',
    (password) => {
      expect(checkPassword(password)).toBeUndefined();
    },
  );
});
