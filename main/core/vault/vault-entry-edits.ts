// The document transforms behind add, update and remove. They run inside VaultState.mutate,
// i.e. against the document freshly re-read under the cross-process lock, so label clashes
// and missing entries are judged on what is on disk now, not on a stale copy.
import type { Clock } from '../ports';
import { auditRecord, updateAuditRecord } from './vault-audit';
import { applyPatch, assertLabelFree, assertSecretFields } from './vault-entries';
import { appendAudit, type StoredEntry, type VaultDocument } from './vault-file';
import { VaultError, type AuditAction, type EntryPatch, type NewEntry } from './vault.types';
import type { Secrets } from './vault-secrets';

export const notFound = (): VaultError =>
  new VaultError('not-found', 'That entry no longer exists.');

/** A new entry's stored form: identity and timestamps added, secrets already sealed. */
export function newStoredEntry(
  entry: NewEntry,
  label: string,
  id: string,
  now: number,
  secrets: Record<string, string>,
): StoredEntry {
  return { ...entry, label, id, createdAt: now, updatedAt: now, secrets } as StoredEntry;
}

/** Appends an already-sealed entry and its 'created' record. */
export function withEntryAdded(
  doc: VaultDocument,
  stored: StoredEntry,
  now: number,
): VaultDocument {
  assertLabelFree(doc.entries, stored.provider, stored.label);
  return {
    ...doc,
    entries: [...doc.entries, stored],
    audit: appendAudit(doc.audit, auditRecord(now, stored.id, stored.label, 'created')),
  };
}

export interface EntryUpdate {
  id: string;
  patch: EntryPatch;
  /** The normalised new label, or undefined to keep the current one. */
  label: string | undefined;
  /** New secret values, sealed by `seal` into the entry's existing ones. */
  secrets?: Secrets;
  seal?: (secrets: Secrets, existing: Record<string, string>) => Record<string, string>;
  audit?: { action: AuditAction; detail?: string };
  clock: Clock;
}

/** Patches one entry (metadata, optionally secrets) and audits it when worth recording. */
export function withEntryUpdated(
  doc: VaultDocument,
  edit: EntryUpdate,
): { doc: VaultDocument; entry: StoredEntry } {
  const { id, patch, label, secrets, seal, audit } = edit;
  const index = doc.entries.findIndex((e) => e.id === id);
  const current = doc.entries[index];
  if (!current) throw notFound();
  if (label !== undefined) assertLabelFree(doc.entries, current.provider, label, id);
  const now = edit.clock.now();
  let next = applyPatch(current, label === undefined ? patch : { ...patch, label }, now);
  if (secrets && seal) {
    assertSecretFields(current.kind, secrets);
    next = { ...next, secrets: seal(secrets, current.secrets) };
  }
  const entries = doc.entries.slice();
  entries[index] = next;
  const record = updateAuditRecord(now, id, current.label, next.label, label, audit);
  return {
    doc: { ...doc, entries, audit: record ? appendAudit(doc.audit, record) : doc.audit },
    entry: next,
  };
}

/** Drops one entry and records its deletion under the label it had. */
export function withEntryRemoved(doc: VaultDocument, id: string, clock: Clock): VaultDocument {
  const current = doc.entries.find((e) => e.id === id);
  if (!current) throw notFound();
  const at = clock.now();
  return {
    ...doc,
    entries: doc.entries.filter((e) => e.id !== id),
    audit: appendAudit(doc.audit, auditRecord(at, id, current.label, 'deleted')),
  };
}
