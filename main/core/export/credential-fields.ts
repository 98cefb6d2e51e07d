// What a script can take from one entry: named fields (for `tokenvault inject` references and
// `tokenvault exec --env NAME=FIELD`) and the environment variables `exec` sets by default.
// Pure: the caller passes the entry and its live bearer value (refreshed first when needed).
import type { EntryView } from '../../../preload/api';
import { moduleOf } from '../providers/registry';
import { formatHeaders, headerPairs, type HeaderSet } from './header-formats';

export interface CredentialFields {
  /** Field name -> value. Every value is safe in a header (checked by headerPairs). */
  fields: Record<string, string>;
  /** Environment variable -> field name, what `exec` sets unless told otherwise. */
  defaultEnv: Record<string, string>;
  /** When the bearer value stops working (epoch ms), or null when unknown or never. */
  tokenExpiresAt: number | null;
}

/** `x-fax-clientid` -> `x-fax-clientid`; header names are fields as they are, lower-cased. */
export const headerField = (name: string): string => name.toLowerCase();

/** Field names: letters, digits, `-` and `_` (a reference ends at the first other character). */
export const FIELD_NAME = /^[a-z0-9_-]+$/;

/** Environment variable names a POSIX shell accepts. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function credentialFields(entry: EntryView, set: HeaderSet): CredentialFields {
  const first = set.pairs[0];
  const fields: Record<string, string> = {
    token: set.secret,
    header: first ? `${first.name}: ${first.value}` : '',
    headers: formatHeaders(set.pairs, 'http'),
    label: entry.label,
  };
  for (const pair of set.pairs) fields[headerField(pair.name)] = pair.value;
  const module = moduleOf(entry);
  Object.assign(fields, module.fields(entry));
  return {
    fields,
    defaultEnv: { AUTH_HEADER: 'header', ...module.defaultEnv },
    tokenExpiresAt: module.tokenExpiresAt(entry),
  };
}

/** The fields an entry offers, known from its metadata alone (checked before any unlock). */
export function offeredFields(entry: EntryView): CredentialFields {
  return credentialFields(entry, headerPairs(entry, 'placeholder'));
}

/** The field names an entry of this kind offers, for error messages and help. */
export function fieldNames(set: CredentialFields): string[] {
  return Object.keys(set.fields).sort();
}
