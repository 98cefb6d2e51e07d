// TOKENVAULT_TEST_KDF_ITERATIONS: lets test suites create vaults quickly (600,000 PBKDF2
// iterations cost ~0.5 s per unlock, paid by every spawned command).
//
// Why this cannot weaken a user's vault:
// - it is read only by `tokenvault init`, i.e. when a NEW vault is created; the iteration
//   count is then stored in the vault file, and every unlock uses the stored count, so the
//   variable has no effect at all on an existing vault (the CLI has no password change,
//   the only other operation that derives a new key);
// - the desktop app never reads it;
// - `init` prints a warning on stderr whenever it was honoured, naming the count.
// Someone able to set environment variables for the user's shell could already replace the
// `tokenvault` program itself, so the variable adds no new way in.
import { DEFAULT_KDF_ITERATIONS } from '../core/vault/crypto';
import { UsageError } from './cli-errors';

export const TEST_KDF_ENV = 'TOKENVAULT_TEST_KDF_ITERATIONS';

/** The iteration count for a vault being created, or undefined for the default. */
export function testKdfIterations(env: Record<string, string | undefined>): number | undefined {
  const raw = env[TEST_KDF_ENV];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > DEFAULT_KDF_ITERATIONS) {
    throw new UsageError(
      `${TEST_KDF_ENV} must be a whole number from 1 to ${DEFAULT_KDF_ITERATIONS}.`,
    );
  }
  return n;
}
