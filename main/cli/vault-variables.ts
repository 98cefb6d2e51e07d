// The environment variables that open the vault or its backups. No program the command line
// starts gets them: not `exec`'s command, not the browser `connect` opens.

export const VAULT_VARIABLES: readonly string[] = [
  'TOKENVAULT_PASSWORD',
  'TOKENVAULT_SESSION',
  'TOKENVAULT_BACKUP_PASSPHRASE',
];

/** `env` without the vault's variables (and without unset ones). */
export function withoutVaultVariables(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !VAULT_VARIABLES.includes(name)) out[name] = value;
  }
  return out;
}
