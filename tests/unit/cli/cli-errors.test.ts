import { describe, expect, it } from 'vitest';
import { CliError, toExit, UsageError } from '../../../main/cli/cli-errors';
import { ProviderError } from '../../../main/core/providers/http';
import { VaultError } from '../../../main/core/vault/vault.types';

describe('toExit', () => {
  it.each([
    ['usage', new UsageError('Missing --label.'), 2, 'Missing --label.'],
    ['wrong password', new VaultError('wrong-password', 'Wrong password.'), 3, 'Wrong password.'],
    ['vault missing', new VaultError('vault-missing', 'No vault.'), 3, 'No vault.'],
    ['duplicate label', new VaultError('duplicate-label', 'Taken.'), 2, 'Taken.'],
    ['invalid input', new VaultError('invalid-input', 'Bad.'), 2, 'Bad.'],
    ['provider', new ProviderError('auth-error', 'Token refused.'), 1, 'Token refused.'],
    ['network', new ProviderError('network-error', 'Could not reach x.'), 1, 'Could not reach x.'],
    ['chosen code', new CliError(1, 'Timed out.'), 1, 'Timed out.'],
  ])('%s', (_name, err, code, message) => {
    expect(toExit(err)).toEqual({ code, message });
  });

  it('an unknown error never shows its message (it could quote input)', () => {
    const out = toExit(new TypeError('cannot read sf_secret_value'));
    expect(out.code).toBe(1);
    expect(out.message).not.toContain('sf_secret_value');
    expect(out.message).toContain('TypeError');
  });
});
