// What opening a format-2 file found wrong, and the sentence the user reads about it. A
// changed file never stops the vault from opening: the intact entries are shown, the parts
// that fail are kept unread in the file, and the last copy Token Vault saved is pointed to.

export interface IntegrityReport {
  /** Whether the document MAC matched (entry set, audit trail and header fields). */
  macOk: boolean;
  intactEntries: number;
  /** Entries whose sealed data failed its check (edited, or moved to another entry's id). */
  damagedEntries: number;
  /** Extra copies of an entry id (the first that opens is used). */
  duplicateEntries: number;
  /** History records that failed their check (left out of the history). */
  damagedAudit: number;
  /** An intact earlier copy, saved by Token Vault, the user can go back to. */
  lastGoodCopy?: string;
}

export const CHANGED_OUTSIDE = 'The vault file was changed outside Token Vault';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function integrityNotice(report: IntegrityReport): string {
  const found: string[] = [];
  if (report.damagedEntries > 0) {
    found.push(
      `${count(report.damagedEntries, 'entry', 'entries')} could not be opened (edited, or moved between entries) and ${report.damagedEntries === 1 ? 'is' : 'are'} left out`,
    );
  }
  if (report.duplicateEntries > 0) {
    found.push(
      `${count(report.duplicateEntries, 'entry appears', 'entries appear')} twice (the copy is ignored)`,
    );
  }
  if (report.damagedAudit > 0) {
    found.push(
      `${count(report.damagedAudit, 'history record', 'history records')} could not be opened`,
    );
  }
  if (found.length === 0) {
    found.push(
      'its entries, history or settings are not the ones Token Vault saved last (an entry removed or replaced by an older copy, a history record removed, or a setting edited)',
    );
  }
  const intact = `${count(report.intactEntries, 'entry is', 'entries are')} intact and shown`;
  const copy = report.lastGoodCopy
    ? `The last copy Token Vault saved is kept at ${report.lastGoodCopy}: to go back to it, quit Token Vault and put it in place of vault.json.`
    : 'No intact earlier copy was found.';
  return `${CHANGED_OUTSIDE}: ${found.join('; ')}. ${capital(intact)}. ${copy}`;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
