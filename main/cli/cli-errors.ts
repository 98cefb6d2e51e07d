// Exit codes (issue 6): 0 success, 1 provider or network error (and any other failure at
// run time), 2 usage error, 3 wrong password or vault missing. The message printed on stderr
// is always a user sentence without a secret or a stack.

export const EXIT = { ok: 0, failure: 1, usage: 2, vault: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
/** Also the shell's 126 (found, not runnable) and 127 (not found), for `exec`'s command. */
export type FailureCode = ExitCode | 126 | 127;

/** The command line was wrong: unknown option, missing argument, unknown label. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A failure with a chosen exit code (e.g. the connect flow timed out; 126/127 when `exec`
 * cannot start its command, as a shell would say).
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

const VAULT_CODES = new Set(['wrong-password', 'vault-missing']);
const USAGE_CODES = new Set([
  'invalid-input',
  'not-found',
  'duplicate-label',
  'vault-exists',
  'weak-password',
  'no-team',
]);

/**
 * Maps any thrown value to an exit code and a message. Works by duck typing on `code` so
 * this module loads without the vault or provider modules (fast start).
 */
export function toExit(err: unknown): { code: FailureCode; message: string } {
  if (err instanceof UsageError) return { code: EXIT.usage, message: err.message };
  if (err instanceof CliError) return { code: err.exitCode, message: err.message };
  const code =
    err && typeof err === 'object' && 'code' in err && typeof err.code === 'string'
      ? err.code
      : undefined;
  const message = err instanceof Error && err.message ? err.message : 'Unexpected failure.';
  if (code && VAULT_CODES.has(code)) return { code: EXIT.vault, message };
  if (code && USAGE_CODES.has(code)) return { code: EXIT.usage, message };
  // Domain errors (VaultError, ProviderError, node's system errors) carry a code and a
  // message written for users. Anything else may come from a library whose text could hold
  // input values, so only its class is named.
  if (code) return { code: EXIT.failure, message };
  const name = err instanceof Error ? err.name : typeof err;
  return { code: EXIT.failure, message: `Unexpected internal failure (${name}).` };
}
