// Building audit records: the optional detail is left out rather than stored empty, and an
// update is audited only when the caller names an action or the label actually changed.
import type { AuditRecord } from '../../../preload/api';
import type { AuditAction } from './vault.types';

export function auditRecord(
  at: number,
  entryId: string,
  label: string,
  action: AuditAction,
  detail?: string,
): AuditRecord {
  return { at, entryId, label, action, ...(detail ? { detail } : {}) };
}

/** The record for an update, or undefined when nothing worth auditing happened. */
export function updateAuditRecord(
  at: number,
  entryId: string,
  previousLabel: string,
  nextLabel: string,
  newLabel: string | undefined,
  audit?: { action: AuditAction; detail?: string },
): AuditRecord | undefined {
  const action =
    audit?.action ?? (newLabel !== undefined && newLabel !== previousLabel ? 'renamed' : undefined);
  return action ? auditRecord(at, entryId, nextLabel, action, audit?.detail) : undefined;
}

/** Copies of the records (all, or one entry's), so callers cannot edit the held document. */
export function auditFor(all: readonly AuditRecord[], entryId?: string): AuditRecord[] {
  return (entryId === undefined ? all : all.filter((r) => r.entryId === entryId)).map((r) => ({
    ...r,
  }));
}
