// The environment `tokenvault exec` gives its child: the parent's, less the vault's own
// passwords, plus the entry's credentials (the per-provider defaults, then --env NAME=FIELD).
import {
  ENV_NAME,
  FIELD_NAME,
  fieldNames,
  type CredentialFields,
} from '../core/export/credential-fields';
import { UsageError } from './cli-errors';
import { VAULT_VARIABLES, withoutVaultVariables } from './vault-variables';

/** Never handed to a child: they open the vault (or its backups), not the provider's API. */
export const WITHHELD_VARIABLES = VAULT_VARIABLES;

export const EXPIRES_VARIABLE = 'TOKENVAULT_TOKEN_EXPIRES_AT';

export interface EnvSpec {
  name: string;
  field: string;
}

/** `--env NAME=FIELD` values, checked for shape (the fields are checked per entry). */
export function parseEnvSpecs(values: readonly string[]): EnvSpec[] {
  return values.map((value) => {
    const cut = value.indexOf('=');
    const name = cut < 0 ? value : value.slice(0, cut);
    const field = cut < 0 ? '' : value.slice(cut + 1).toLowerCase();
    if (!ENV_NAME.test(name) || !FIELD_NAME.test(field)) {
      throw new UsageError(
        `--env takes NAME=FIELD, e.g. --env API_TOKEN=token (got "${value.slice(0, 60)}").`,
      );
    }
    return { name, field };
  });
}

/** Fails (exit 2) when a spec names a field this entry does not have. */
export function assertFieldsExist(specs: readonly EnvSpec[], creds: CredentialFields): void {
  for (const spec of specs) {
    if (!(spec.field in creds.fields)) {
      throw new UsageError(
        `--env ${spec.name}=${spec.field}: no field "${spec.field}" here; ` +
          `this entry has ${fieldNames(creds).join(', ')}.`,
      );
    }
  }
}

export function childEnvironment(
  parent: Readonly<Record<string, string | undefined>>,
  creds: CredentialFields,
  specs: readonly EnvSpec[],
  options: { defaults: boolean },
): Record<string, string> {
  const env = withoutVaultVariables(parent);
  const chosen = [
    ...(options.defaults
      ? Object.entries(creds.defaultEnv).map(([name, field]) => ({ name, field }))
      : []),
    ...specs,
  ];
  assertFieldsExist(chosen, creds);
  for (const { name, field } of chosen) env[name] = creds.fields[field] ?? '';
  if (options.defaults && creds.tokenExpiresAt !== null) {
    env[EXPIRES_VARIABLE] = new Date(creds.tokenExpiresAt).toISOString();
  }
  return env;
}
