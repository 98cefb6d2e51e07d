import { describe, expect, it } from 'vitest';
import {
  exportPassphraseError,
  importSummaryText,
  isConflictRule,
} from '../../../../../renderer/features/backup/backup-form';

describe('backup form', () => {
  it.each([
    ['short', 'short', /at least 12/],
    ['long enough pass', 'long enough pasS', /differ/],
    ['long enough pass', 'long enough pass', undefined],
  ])('export passphrase %j / %j', (passphrase, confirm, expected) => {
    const error = exportPassphraseError(passphrase, confirm);
    if (expected) expect(error).toMatch(expected);
    else expect(error).toBeUndefined();
  });

  it('says what an import did', () => {
    expect(importSummaryText({ added: 2, replaced: 1, skipped: 0, renamed: 3 })).toBe(
      'Import finished: 2 added, 1 replaced, 0 skipped, 3 added under a new name.',
    );
  });

  it('knows the three conflict rules only', () => {
    expect(['skip', 'replace', 'keep-both', 'merge'].map(isConflictRule)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
