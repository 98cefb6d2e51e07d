// Pure rules of the Backup settings section: passphrase checks before anything is sent, and
// the summary sentence after an import. Sentences come from the catalog (en-settings.ts), so
// they are built at call time in the active language.
import type { BackupConflictRule, BackupImportSummary } from '../../../preload/api';
import { formatNumber, t } from '../../i18n/i18n';

export const MIN_BACKUP_PASSPHRASE = 12;

const CONFLICT_RULES: readonly BackupConflictRule[] = ['skip', 'replace', 'keep-both'];

/** The choices of the "Entries the vault already has" select, labelled in the active language. */
export function conflictOptions(): Array<{ value: BackupConflictRule; label: string }> {
  return CONFLICT_RULES.map((value) => ({ value, label: t(`backup.conflict.${value}`) }));
}

/** The error to show under the export passphrase fields, or undefined when they are fine. */
export function exportPassphraseError(passphrase: string, confirm: string): string | undefined {
  if (passphrase.length < MIN_BACKUP_PASSPHRASE) {
    return t('backup.error.short', { min: MIN_BACKUP_PASSPHRASE });
  }
  if (passphrase !== confirm) return t('backup.error.mismatch');
  return undefined;
}

export function importSummaryText(s: BackupImportSummary): string {
  return t('backup.import.done', {
    added: formatNumber(s.added),
    replaced: formatNumber(s.replaced),
    skipped: formatNumber(s.skipped),
    renamed: formatNumber(s.renamed),
  });
}

export function isConflictRule(value: string): value is BackupConflictRule {
  return (CONFLICT_RULES as readonly string[]).includes(value);
}
