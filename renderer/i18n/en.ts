// English, the reference catalog: every user-facing string of the renderer. Other languages
// copy these keys (type Catalog in i18n.ts); `{name}` marks a value filled in at run time.
import { enApiKey } from './en-api-key';
import { enErrors } from './en-errors';
import { enFaxplus } from './en-faxplus';
import { enOAuth2 } from './en-oauth2';
import { enReminders } from './en-reminders';
import { enSettings } from './en-settings';
import { enSmsfactor } from './en-smsfactor';
import { enTokens } from './en-tokens';
import { enTeam } from './en-team';

export const en = {
  ...enTeam,
  ...enOAuth2,
  ...enApiKey,
  ...enErrors,
  ...enFaxplus,
  ...enReminders,
  ...enSettings,
  ...enSmsfactor,
  ...enTokens,
  'app.name': 'Token Vault',
  'app.loading': 'Opening Token Vault…',
  'app.noBridge':
    'Token Vault cannot reach its vault from this page. Open it from the Token Vault app.',

  'common.close': 'Close',
  'common.dismiss': 'Dismiss',

  'create.title': 'Create your vault',
  'create.lead':
    'Choose a master password. It encrypts every token you keep here and is never stored.',
  'create.password': 'Master password',
  'create.confirm': 'Confirm master password',
  'create.mismatch': 'The two passwords differ.',
  'create.rules': 'Password requirements',
  'create.rule.length': 'At least {min} characters',
  'create.rule.match': 'Both fields match',
  'create.rule.met': '(done)',
  'create.rule.unmet': '(not yet)',
  'create.submit': 'Create vault',
  'create.warning':
    'There is no way to recover a forgotten master password: keep it somewhere safe.',

  'unlock.title': 'Unlock Token Vault',
  'unlock.lead': 'Enter your master password to open the vault.',
  'unlock.password': 'Master password',
  'unlock.submit': 'Unlock',
  'unlock.deriving': 'Deriving key…',
  'unlock.wrongPassword': 'Wrong password. Try again.',
  'frame.changedOutsideTitle': 'The vault file was changed outside Token Vault',
  'frame.changedOutsideDismiss': 'Dismiss',
  'unlock.newerTitle': 'Update Token Vault to open this vault',
  'unlock.recoveryTitle': 'Your vault was restored from a backup',

  'frame.nav': 'Main',
  'frame.settings': 'Settings',
  'frame.backToTokens': 'Back to tokens',
  'frame.lock': 'Lock',
  'frame.lockHint': 'Lock the vault ({shortcut})',

  'tokens.title': 'Tokens',
  'tokens.loading': 'Loading tokens…',
  'tokens.count': '{count} in the vault',
  'tokens.search.label': 'Search tokens',
  'tokens.search.placeholder': 'Search by label, provider, account or token id',
  'tokens.noMatch': 'No token matches “{query}”.',
  'tokens.empty.title': 'No tokens yet',
  'tokens.empty.body':
    'Add your first credential: connect a Fax.Plus app with OAuth, paste a Fax.Plus personal access token, add an SMSFactor API token, or keep any service’s API key.',
  'tokens.empty.hint':
    'Tokens are encrypted with your master password and never leave this computer.',
  'tokens.add.unavailable': 'This form is not available in this version yet.',
  'tokens.added': 'Added “{label}”.',

  'add.faxplusConnect': 'Connect Fax.Plus',
  'add.faxplusPat': 'Add Fax.Plus token',
  'add.smsfactorToken': 'Add SMSFactor token',

  'provider.faxplus': 'Fax.Plus',
  'provider.smsfactor': 'SMSFactor',

  'kind.faxplus-oauth': 'OAuth app',
  'kind.faxplus-pat': 'Personal access token',
  'kind.smsfactor-token': 'API token',

  'status.active': 'Active',
  'status.needs-reauth': 'Needs re-authorization',
  'status.revoked': 'Revoked',
  'status.error': 'Problem',

  'expiry.expires': 'Expires {when}',
  'expiry.expired': 'Expired {when}',
  'expiry.never': 'Does not expire',
  'expiry.unknown': 'Expiry unknown',
  'expiry.revoked': 'Revoked {when}',
  'expiry.reauthorizeBy': 'Re-authorize {when}',
  'expiry.refreshExpired': 'Authorization expired {when}',
  'expiry.refreshNever': 'Authorization does not expire',

  'settings.title': 'Settings',
  'settings.loading': 'Loading settings…',
  'settings.security': 'Security',
  'settings.appearance': 'Appearance',
  'settings.idleLock.label': 'Lock after inactivity (minutes)',
  'settings.idleLock.hint': 'From {min} to {max}. 0 keeps the vault unlocked until you lock it.',
  'settings.clipboard.label': 'Clear copied headers after (seconds)',
  'settings.clipboard.hint':
    'From {min} to {max}. 0 leaves them on the clipboard. Only cleared if the clipboard still holds them.',
  'settings.defaultFormat.label': 'Default header format',
  'settings.defaultFormat.hint': 'Used by Enter and Ctrl/Cmd+C in the token list and by the tray.',
  'settings.theme.label': 'Theme',
  'settings.theme.system': 'Follow the system',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.save': 'Save',
  'settings.saved': 'Saved',
  'settings.error.required': 'Enter a number.',
  'settings.error.whole': 'Enter a whole number, without decimals or signs.',
  'settings.error.range': 'Enter a number from {min} to {max}.',
} as const;

export type MessageKey = keyof typeof en;
