// What an import does with each entry of a backup, decided before anything is written, so the
// summary is known up front and a bad file changes nothing. An entry "already exists" when the
// vault has the same id, or the same provider and label (labels compare without case).
import type { EntryView } from '../../../preload/api';

export type ConflictRule = 'skip' | 'replace' | 'keep-both';
export const CONFLICT_RULES: readonly ConflictRule[] = ['skip', 'replace', 'keep-both'];

export interface ImportSummary {
  added: number;
  replaced: number;
  skipped: number;
  renamed: number;
}

export type PlannedStep =
  | { action: 'add'; index: number; label: string }
  | { action: 'replace'; index: number; targetId: string }
  | { action: 'skip'; index: number }
  | { action: 'rename'; index: number; label: string };

type Meta = Pick<EntryView, 'id' | 'provider' | 'label'>;

const MAX_LABEL = 100;
const key = (provider: string, label: string) => `${provider}\u0000${label.toLowerCase()}`;

/** `label (imported)`, `label (imported 2)`, … the first that is free, within 100 characters. */
export function freeLabel(label: string, provider: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ' (imported)' : ` (imported ${n})`;
    const candidate = `${label.slice(0, MAX_LABEL - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(key(provider, candidate))) return candidate;
  }
}

export function planImport(
  existing: readonly Meta[],
  incoming: readonly Meta[],
  rule: ConflictRule,
): { steps: PlannedStep[]; summary: ImportSummary } {
  const ids = new Map(existing.map((e) => [e.id, e]));
  const labels = new Map(existing.map((e) => [key(e.provider, e.label), e]));
  const taken = new Set(labels.keys());
  const summary: ImportSummary = { added: 0, replaced: 0, skipped: 0, renamed: 0 };
  const steps: PlannedStep[] = [];
  const replacedIds = new Set<string>();

  incoming.forEach((entry, index) => {
    const byId = ids.get(entry.id);
    const byLabel = labels.get(key(entry.provider, entry.label));
    const clash = byId ?? byLabel;
    const labelFree = !taken.has(key(entry.provider, entry.label));
    if (!clash) {
      // Two entries of one backup cannot share a label (the vault forbids it), but a doctored
      // file could try: the second is renamed rather than failing half-way through.
      const label = labelFree ? entry.label : freeLabel(entry.label, entry.provider, taken);
      taken.add(key(entry.provider, label));
      steps.push(
        label === entry.label
          ? { action: 'add', index, label }
          : { action: 'rename', index, label },
      );
      summary[label === entry.label ? 'added' : 'renamed'] += 1;
      return;
    }
    if (rule === 'skip' || (rule === 'replace' && replacedIds.has(clash.id))) {
      steps.push({ action: 'skip', index });
      summary.skipped += 1;
      return;
    }
    if (rule === 'replace') {
      // The replaced entry takes the incoming label; another entry holding that label (an
      // id match whose label moved) would clash, so that case keeps both instead.
      const other = byLabel && byLabel.id !== clash.id;
      if (!other) {
        replacedIds.add(clash.id);
        taken.delete(key(clash.provider, clash.label));
        taken.add(key(entry.provider, entry.label));
        steps.push({ action: 'replace', index, targetId: clash.id });
        summary.replaced += 1;
        return;
      }
    }
    const label = labelFree ? entry.label : freeLabel(entry.label, entry.provider, taken);
    taken.add(key(entry.provider, label));
    steps.push(
      label === entry.label ? { action: 'add', index, label } : { action: 'rename', index, label },
    );
    summary[label === entry.label ? 'added' : 'renamed'] += 1;
  });
  return { steps, summary };
}
