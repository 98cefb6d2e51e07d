// Pure helpers for entries: views without secrets, label rules, patches, allowed fields.
import type { EntryView } from '../../../preload/api';
import { ENTRY_KINDS, kindModule, providerName } from '../providers/registry';
import type { StoredEntry } from './vault-file';
import { VaultError, type EntryPatch, type SecretField, type SecretFields } from './vault.types';

/** Secret fields per kind, as the provider modules declare them. */
export const SECRET_FIELDS = Object.fromEntries(
  ENTRY_KINDS.map((kind) => [kind, kindModule(kind).secretFields]),
) as unknown as { [K in keyof SecretFields]: readonly SecretFields[K][] };

/** The metadata view of a stored entry (never the sealed secrets). */
export function toView(entry: StoredEntry): EntryView {
  // Rest destructuring, not `delete`: a deleted key turns the object into a slow dictionary,
  // which costs tens of milliseconds over 10,000 entries.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { secrets, ...view } = entry;
  return view as EntryView;
}

export function normaliseLabel(label: unknown): string {
  if (typeof label !== 'string' || label.trim() === '') {
    throw new VaultError('invalid-input', 'label: give the entry a name.');
  }
  if (label.trim().length > 100) {
    throw new VaultError('invalid-input', 'label: use at most 100 characters.');
  }
  return label.trim();
}

/** Labels are unique per provider, compared without regard to case. */
export function assertLabelFree(
  entries: readonly StoredEntry[],
  provider: EntryView['provider'],
  label: string,
  exceptId?: string,
): void {
  const wanted = label.toLowerCase();
  const clash = entries.some(
    (e) => e.provider === provider && e.id !== exceptId && e.label.toLowerCase() === wanted,
  );
  if (clash) {
    throw new VaultError(
      'duplicate-label',
      `label: another ${providerName(provider)} entry is already called "${label}".`,
    );
  }
}

export function assertSecretFields(
  kind: EntryView['kind'],
  secrets: Partial<Record<SecretField, string>>,
): void {
  const allowed: readonly string[] = SECRET_FIELDS[kind];
  for (const [field, value] of Object.entries(secrets)) {
    if (!allowed.includes(field)) {
      throw new VaultError('invalid-input', `${field}: not a secret of a ${kind} entry.`);
    }
    if (value !== undefined && typeof value !== 'string') {
      throw new VaultError('invalid-input', `${field}: must be text.`);
    }
  }
}

const FIXED_KEYS = new Set(['id', 'kind', 'provider', 'createdAt', 'secrets']);

/** Applies a metadata patch; identity, kind and secrets cannot be changed this way. */
export function applyPatch(entry: StoredEntry, patch: EntryPatch, now: number): StoredEntry {
  const patched = Object.entries(patch).filter(([key]) => !FIXED_KEYS.has(key));
  const cleared = new Set(patched.filter(([, value]) => value === undefined).map(([key]) => key));
  const next = Object.fromEntries([
    ...Object.entries(entry).filter(([key]) => !cleared.has(key)),
    ...patched.filter(([, value]) => value !== undefined),
    ['updatedAt', now],
  ]);
  return next as unknown as StoredEntry;
}

/** The entry of `provider` with this label, compared trimmed and without regard to case. */
export function findEntryByLabel(
  entries: readonly StoredEntry[],
  provider: EntryView['provider'],
  label: string,
): StoredEntry | undefined {
  const wanted = label.trim().toLowerCase();
  // The label is checked as text: the CLI's read path looks up entries it has not checked yet.
  return entries.find(
    (e) =>
      e.provider === provider && typeof e.label === 'string' && e.label.toLowerCase() === wanted,
  );
}
