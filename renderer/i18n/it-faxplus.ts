// Italian strings of the Fax.Plus feature; same keys as en-faxplus.ts (a missing one is a
// type error).
import type { enFaxplus } from './en-faxplus';

export const itFaxplus: Record<keyof typeof enFaxplus, string> = {
  'faxplus.connect.title': 'Collega Fax.Plus (OAuth)',
  'faxplus.connect.lead':
    'Token Vault apre la pagina di accesso di Fax.Plus nel browser; approva lì per completare.',
  'faxplus.field.label': 'Etichetta',
  'faxplus.field.label.hint': 'Un nome a scelta, univoco tra le voci Fax.Plus.',
  'faxplus.field.clientId': 'Client ID',
  'faxplus.field.clientId.hint': 'Dalla pagina dell’app API di Fax.Plus; inizia con APIK.',
  'faxplus.field.clientSecret': 'Client secret',
  'faxplus.field.redirectMode': 'Reindirizzamento',
  'faxplus.redirect.scheme': 'Link dell’app (consigliato)',
  'faxplus.redirect.loopback': 'Indirizzo di loopback su questo computer',
  'faxplus.redirect.uri': 'URI di reindirizzamento da registrare nell’app API di Fax.Plus',
  'faxplus.redirect.uriHint':
    'Fax.Plus reindirizza solo agli URI registrati per l’app, in modo esatto.',
  'faxplus.copy': 'Copia',
  'faxplus.copied': 'Copiato',
  'faxplus.copyFailed': 'Copia non riuscita. Seleziona il testo e copialo manualmente.',
  'faxplus.field.advanced': 'Sicurezza avanzata (il refresh token scade dopo 30 giorni)',
  'faxplus.field.advanced.hint':
    'Per gli account con controlli di sicurezza avanzati: riceverai un promemoria prima della fine dei 30 giorni.',
  'faxplus.field.dropsState': 'Il provider omette state',
  'faxplus.field.dropsState.hint':
    'Solo se Fax.Plus ritorna senza il parametro state e il collegamento non riesce.',
  'faxplus.field.dropsState.warning':
    'Senza state, Token Vault non può distinguere il tuo accesso da uno contraffatto. Attiva questa opzione solo se altrimenti il collegamento non riesce, e disattivala quando funziona.',
  'faxplus.connect.submit': 'Collega',
  'faxplus.error.label': 'Assegna un’etichetta alla voce.',
  'faxplus.error.clientId': 'Un client ID di Fax.Plus inizia con APIK.',
  'faxplus.error.clientSecret': 'Il client secret è obbligatorio.',
  'faxplus.error.pat': 'Incolla il token di accesso personale.',
  'faxplus.error.patRejected':
    'Fax.Plus non ha accettato questo token. Verifica di averlo incollato per intero e che non sia scaduto o eliminato.',
  'faxplus.error.spaces': 'Rimuovi gli spazi: i token non ne contengono mai.',
  'faxplus.error.pastDate': 'Questa data è già passata.',

  'faxplus.wait.title': 'In attesa dell’approvazione nel browser…',
  'faxplus.wait.body':
    'Accedi a Fax.Plus e approva Token Vault nella finestra del browser appena aperta.',
  'faxplus.wait.url': 'Il browser non si è aperto? Apri tu questo indirizzo:',
  'faxplus.wait.countdown': 'Questa richiesta scade tra {time}.',
  'faxplus.wait.cancel': 'Annulla',
  'faxplus.result.connected': '“{label}” collegato.',
  'faxplus.result.reauthorized': '“{label}” autorizzato di nuovo.',
  'faxplus.result.failed': 'Collegamento non riuscito',
  'faxplus.result.expired': 'La richiesta di accesso è scaduta dopo 10 minuti. Riprova.',
  'faxplus.result.cancelled': 'Annullato.',
  'faxplus.result.tryAgain': 'Riprova',
  'faxplus.done': 'Fine',

  'faxplus.pat.title': 'Aggiungi token Fax.Plus (token di accesso personale)',
  'faxplus.pat.lead':
    'Genera un token in Fax.Plus da Profilo → Integrazioni → Personal Access Token. Viene mostrato una sola volta.',
  'faxplus.field.pat': 'Token di accesso personale',
  'faxplus.field.expiry': 'Data di scadenza (facoltativa)',
  'faxplus.field.expiry.hint': 'Lascia vuoto per leggerla da Fax.Plus.',
  'faxplus.field.scopes': 'Ambiti (facoltativi)',
  'faxplus.field.scopes.hint': 'Lascia tutto deselezionato per leggerli da Fax.Plus.',
  'faxplus.scope.read': 'lettura',
  'faxplus.scope.edit': 'modifica',
  'faxplus.pat.submit': 'Aggiungi token',
  'faxplus.pat.verifying': 'Verifica del token con Fax.Plus…',
  'faxplus.pat.added':
    '“{label}” aggiunto. Per la visualizzazione viene conservata solo questa anteprima mascherata:',

  'faxplus.detail.accountType': 'Tipo di account',
  'faxplus.detail.email': 'Email dell’account',
  'faxplus.detail.name': 'Nome dell’account',
  'faxplus.detail.access': 'Token di accesso',
  'faxplus.detail.access.renews': 'Rinnovato automaticamente alla scadenza (1 ora).',
  'faxplus.detail.access.stopped': 'Non viene rinnovato finché non autorizzi di nuovo.',
  'faxplus.detail.clientId': 'Client ID',
  'faxplus.detail.redirect': 'Reindirizzamento',
  'faxplus.detail.advanced': 'Sicurezza avanzata',
  'faxplus.detail.advanced.on': 'Attiva: nuova autorizzazione ogni 30 giorni',
  'faxplus.detail.advanced.off': 'Disattiva: l’autorizzazione non scade',
  'faxplus.detail.state': 'Controllo di state',
  'faxplus.detail.state.on': 'Obbligatorio',
  'faxplus.detail.state.off': 'Disattivato (il provider omette state)',
  'faxplus.detail.scopes': 'Ambiti',
  'faxplus.detail.scopes.none': 'Sconosciuti',
  'faxplus.detail.patId': 'ID del token',
  'faxplus.detail.needsReauth':
    'Fax.Plus non accetta più questa autorizzazione. Autorizza di nuovo per ottenere nuovi token; client ID e secret salvati vengono riutilizzati.',
  'faxplus.detail.reauthorize': 'Autorizza di nuovo…',
  'faxplus.detail.reauthTitle': 'Autorizza di nuovo “{label}”',
};
