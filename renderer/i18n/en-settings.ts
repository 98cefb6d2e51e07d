// English strings of the settings extras (language, system keychain, encrypted backup) and of
// the few gate and client sentences that were still inline. en.ts spreads them in.
export const enSettings = {
  'settings.language.label': 'Language',
  'settings.language.system': 'Follow the system',
  'settings.language.hint': 'Dates and numbers follow the language too.',

  'create.hint':
    'At least {min} characters; no single repeated character, no simple run such as “abcdef” or “123456”, and no well-known password.',
  'client.noAnswer': 'The app did not answer.',

  'keychain.title': 'System keychain',
  'keychain.toggle': 'Unlock with the system keychain',
  'keychain.hint':
    'The vault key is kept by your operating system’s keychain; turning this off erases it.',
  'keychain.unlock': 'Unlock with the system keychain',

  'backup.export.title': 'Export an encrypted backup',
  'backup.passphrase': 'Backup passphrase',
  'backup.passphrase.hint':
    'Separate from your master password. Without it the backup cannot be read.',
  'backup.passphrase.repeat': 'Repeat the backup passphrase',
  'backup.export.submit': 'Export…',
  'backup.export.done': 'Saved {count} entries to {path}.',
  'backup.error.short': 'Use at least {min} characters for the backup passphrase.',
  'backup.error.mismatch': 'The two passphrases differ.',
  'backup.import.title': 'Import a backup',
  'backup.import.conflict': 'Entries the vault already has',
  'backup.conflict.skip': 'Skip entries the vault already has',
  'backup.conflict.replace': 'Replace them with the backup’s copy',
  'backup.conflict.keep-both': 'Keep both (the copy gets “(imported)”)',
  'backup.import.submit': 'Choose file and import…',
  'backup.import.done':
    'Import finished: {added} added, {replaced} replaced, {skipped} skipped, {renamed} added under a new name.',
} as const;
