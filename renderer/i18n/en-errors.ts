// English titles for what main reports (api-errors.ts): one per ErrorCode, one per entry
// status for an entry's last problem, and the notices main writes. Several match main's own
// generic sentence word for word, so English shows no duplicate detail.
export const enErrors = {
  'error.invalid-input': 'Some of what you entered is not valid.',
  'error.invalid-field': 'Check this field.',
  'error.wrong-password': 'Wrong password. Try again.',
  'error.weak-password': 'This password is too weak.',
  'error.vault-missing': 'There is no vault yet; create one first.',
  'error.vault-exists': 'A vault already exists here.',
  'error.locked': 'The vault is locked. Unlock it first.',
  'error.not-found': 'That entry no longer exists.',
  'error.duplicate-label': 'An entry with this name already exists.',
  'error.storage-error': 'Could not save on this computer.',
  'error.network-error': 'Could not reach the provider. Check your connection.',
  'error.timeout': 'The provider took too long to answer. Try again.',
  'error.provider-error': 'The provider reported an error.',
  'error.auth-error': 'The provider refused these credentials.',
  'error.needs-reauth': 'This token needs to be authorized again.',
  'error.cancelled': 'Cancelled.',
  'error.forbidden': 'This request did not come from the Token Vault window.',
  'error.unsupported': 'This is not available in this version.',
  'error.internal': 'Something went wrong inside Token Vault. Please try again.',
  'error.withDetail': '{title} ({detail})',

  'problem.needs-reauth': 'Re-authorize to keep using this token.',
  'problem.error': 'Last check failed.',
  'problem.revoked': 'This token was revoked.',
  'problem.active': 'The last check reported a problem.',

  'notice.changedOutside':
    'The vault file was changed outside Token Vault. The intact entries are shown; the rest is kept in the file unread.',
  'notice.newerFormat':
    'A newer version of Token Vault wrote this vault. Update Token Vault to open it; the file was left as it is.',
  'notice.recovered': 'The vault file was damaged, so the last good backup was restored.',
  'keychain.unavailable': 'Unlock with the system keychain is not available on this computer.',
} as const;
