import { VaultError } from '../../core/vault/vault.types';
import type { CommandRun } from '../cli-context';
import { TEST_KDF_ENV } from '../cli-kdf';

export const run: CommandRun = async (ctx) => {
  const core = await ctx.core({ create: true });
  // Checked before the password prompt, which would otherwise be asked for nothing.
  if (core.vault.status().exists) {
    throw new VaultError('vault-exists', `A vault already exists in ${ctx.vaultDir}.`);
  }
  await core.vault.create(await ctx.password('create'));
  const iterations = ctx.io.env[TEST_KDF_ENV];
  if (iterations) {
    ctx.io.stderr(
      `tokenvault: WARNING: this vault was created with ${iterations} PBKDF2 iterations ` +
        `(${TEST_KDF_ENV}). For tests only: its password is much easier to guess.\n`,
    );
  }
  ctx.io.stdout(`Created a vault in ${ctx.vaultDir}\n`);
};
