// Italian catalog: every key of en.ts (typed Catalog, so a missing key is a type error).
// Formal-neutral software tone; product names, header names and APIK stay as they are.
import type { Catalog } from './i18n';
import { itApiKey } from './it-api-key';
import { itErrors } from './it-errors';
import { itFaxplus } from './it-faxplus';
import { itOAuth2 } from './it-oauth2';
import { itReminders } from './it-reminders';
import { itSettings } from './it-settings';
import { itSmsfactor } from './it-smsfactor';
import { itTokens } from './it-tokens';
import { itTeam } from './it-team';

export const it: Catalog = {
  ...itTeam,
  ...itOAuth2,
  ...itApiKey,
  ...itErrors,
  ...itFaxplus,
  ...itReminders,
  ...itSettings,
  ...itSmsfactor,
  ...itTokens,
  'app.name': 'Token Vault',
  'app.loading': 'Apertura di Token Vault…',
  'app.noBridge':
    'Da questa pagina Token Vault non raggiunge la sua cassaforte. Aprila dall’app Token Vault.',

  'common.close': 'Chiudi',
  'common.dismiss': 'Ignora',

  'create.title': 'Crea la cassaforte',
  'create.lead':
    'Scegli una password principale. Cifra ogni token conservato qui e non viene mai salvata.',
  'create.password': 'Password principale',
  'create.confirm': 'Conferma la password principale',
  'create.mismatch': 'Le due password non coincidono.',
  'create.rules': 'Requisiti della password',
  'create.rule.length': 'Almeno {min} caratteri',
  'create.rule.match': 'I due campi coincidono',
  'create.rule.met': '(soddisfatto)',
  'create.rule.unmet': '(non ancora)',
  'create.submit': 'Crea cassaforte',
  'create.warning':
    'Una password principale dimenticata non si può recuperare: conservala in un luogo sicuro.',

  'unlock.title': 'Sblocca Token Vault',
  'unlock.lead': 'Inserisci la password principale per aprire la cassaforte.',
  'unlock.password': 'Password principale',
  'unlock.submit': 'Sblocca',
  'unlock.deriving': 'Derivazione della chiave…',
  'unlock.wrongPassword': 'Password errata. Riprova.',
  'frame.changedOutsideTitle': 'Il file della cassaforte è stato modificato fuori da Token Vault',
  'frame.changedOutsideDismiss': 'Chiudi',
  'unlock.newerTitle': 'Aggiorna Token Vault per aprire questa cassaforte',
  'unlock.recoveryTitle': 'La cassaforte è stata ripristinata da un backup',

  'frame.nav': 'Principale',
  'frame.settings': 'Impostazioni',
  'frame.backToTokens': 'Torna ai token',
  'frame.lock': 'Blocca',
  'frame.lockHint': 'Blocca la cassaforte ({shortcut})',

  'tokens.title': 'Token',
  'tokens.loading': 'Caricamento dei token…',
  'tokens.count': '{count} nella cassaforte',
  'tokens.search.label': 'Cerca token',
  'tokens.search.placeholder': 'Cerca per etichetta, provider, account o ID del token',
  'tokens.noMatch': 'Nessun token corrisponde a “{query}”.',
  'tokens.empty.title': 'Ancora nessun token',
  'tokens.empty.body':
    'Aggiungi la prima credenziale: collega un’app Fax.Plus con OAuth, incolla un token di accesso personale Fax.Plus, aggiungi un token API SMSFactor o conserva la chiave API di qualsiasi servizio.',
  'tokens.empty.hint':
    'I token sono cifrati con la password principale e non lasciano mai questo computer.',
  'tokens.add.unavailable': 'Questo modulo non è ancora disponibile in questa versione.',
  'tokens.added': '“{label}” aggiunto.',

  'add.faxplusConnect': 'Collega Fax.Plus',
  'add.faxplusPat': 'Aggiungi token Fax.Plus',
  'add.smsfactorToken': 'Aggiungi token SMSFactor',

  'provider.faxplus': 'Fax.Plus',
  'provider.smsfactor': 'SMSFactor',

  'kind.faxplus-oauth': 'App OAuth',
  'kind.faxplus-pat': 'Token di accesso personale',
  'kind.smsfactor-token': 'Token API',

  'status.active': 'Attivo',
  'status.needs-reauth': 'Richiede nuova autorizzazione',
  'status.revoked': 'Revocato',
  'status.error': 'Problema',

  'expiry.expires': 'Scade {when}',
  'expiry.expired': 'Scaduto {when}',
  'expiry.never': 'Non scade',
  'expiry.unknown': 'Scadenza sconosciuta',
  'expiry.revoked': 'Revocato {when}',
  'expiry.reauthorizeBy': 'Autorizza di nuovo {when}',
  'expiry.refreshExpired': 'Autorizzazione scaduta {when}',
  'expiry.refreshNever': 'L’autorizzazione non scade',

  'settings.title': 'Impostazioni',
  'settings.loading': 'Caricamento delle impostazioni…',
  'settings.security': 'Sicurezza',
  'settings.appearance': 'Aspetto',
  'settings.idleLock.label': 'Blocca dopo un periodo di inattività (minuti)',
  'settings.idleLock.hint':
    'Da {min} a {max}. Con 0 la cassaforte resta sbloccata finché non la blocchi.',
  'settings.clipboard.label': 'Cancella le intestazioni copiate dopo (secondi)',
  'settings.clipboard.hint':
    'Da {min} a {max}. Con 0 restano negli appunti. Vengono cancellate solo se gli appunti le contengono ancora.',
  'settings.defaultFormat.label': 'Formato predefinito delle intestazioni',
  'settings.defaultFormat.hint':
    "Usato da Invio e Ctrl/Cmd+C nell'elenco dei token e dall'icona di sistema.",
  'settings.theme.label': 'Tema',
  'settings.theme.system': 'Segui il sistema',
  'settings.theme.light': 'Chiaro',
  'settings.theme.dark': 'Scuro',
  'settings.save': 'Salva',
  'settings.saved': 'Salvato',
  'settings.error.required': 'Inserisci un numero.',
  'settings.error.whole': 'Inserisci un numero intero, senza decimali né segni.',
  'settings.error.range': 'Inserisci un numero da {min} a {max}.',
};
