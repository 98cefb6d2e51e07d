// Italian strings of the API-key feature; same keys as en-api-key.ts (a missing one is a
// type error).
import type { enApiKey } from './en-api-key';

export const itApiKey: Record<keyof typeof enApiKey, string> = {
  'add.apiKey': 'Aggiungi chiave API',
  'provider.api-key': 'Chiave API',
  'kind.api-key': 'Chiave statica',

  'apikey.title': 'Aggiungi una chiave API',
  'apikey.lead':
    'La credenziale statica di qualsiasi servizio: una chiave API, un token bearer, un nome utente con segreto. Token Vault la conserva cifrata, ne costruisce gli header e avvisa prima della scadenza.',
  'apikey.field.label': 'Etichetta',
  'apikey.field.label.hint':
    'Un nome a scelta, univoco tra le chiavi API (ad esempio “Stripe produzione”).',
  'apikey.field.secret': 'Chiave',
  'apikey.field.style': 'Inviata come',
  'apikey.style.bearer': 'Authorization: Bearer <chiave>',
  'apikey.style.token': 'Authorization: token <chiave> (GitHub classico)',
  'apikey.style.x-api-key': 'X-Api-Key: <chiave>',
  'apikey.style.basic': 'Authorization: Basic (nome utente + chiave)',
  'apikey.style.custom': 'Un altro header…',
  'apikey.field.headerName': 'Nome dell’header',
  'apikey.field.template': 'Valore dell’header',
  'apikey.field.template.hint': 'Scrivi {token} dove va la chiave, ad esempio “Token {token}”.',
  'apikey.field.basicUser': 'Nome utente',
  'apikey.field.basicUser.hint': 'Inviato con la chiave come credenziali HTTP Basic.',
  'apikey.field.extra': 'Header aggiuntivi (facoltativi)',
  'apikey.field.extra.hint':
    'Uno per riga, “Nome: valore”, inviati con la chiave (ad esempio Stripe-Version: 2024-06-20). Non sono trattati come segreti.',
  'apikey.field.expiry': 'Data di scadenza (facoltativa)',
  'apikey.field.expiry.hint': 'La data indicata dal servizio; i promemoria arrivano prima.',
  'apikey.field.verifyUrl': 'URL di verifica (facoltativo)',
  'apikey.field.verifyUrl.hint':
    'Una GET con questi header deve rispondere 2xx, ad esempio https://api.stripe.com/v1/balance. Senza URL, “Verifica” è disattivata per questa chiave.',
  'apikey.preview': 'Header che invierà',
  'apikey.submit': 'Aggiungi chiave',
  'apikey.submitVerify': 'Verifica e aggiungi',
  'apikey.verifying': 'Verifica della chiave su {host}…',
  'apikey.cancel': 'Annulla',
  'apikey.done': 'Fatto',
  'apikey.added':
    'Aggiunta “{label}”. Per la visualizzazione resta solo questa anteprima mascherata:',
  'apikey.addedVerified': '{host} ha accettato la chiave.',
  'apikey.addedUnverified': 'Non verificata: manca l’URL di verifica.',

  'apikey.error.label': 'Dai un’etichetta alla voce.',
  'apikey.error.secret': 'Incolla la chiave.',
  'apikey.error.spaces': 'Togli gli spazi: le chiavi non ne contengono mai.',
  'apikey.error.headerName': 'Usa solo lettere, cifre e “-” (niente spazi né due punti).',
  'apikey.error.template': 'Scrivi {token} dove va la chiave.',
  'apikey.error.basicUser': 'Scrivi il nome utente (senza due punti).',
  'apikey.error.extra': 'La riga {line} non è “Nome: valore”.',
  'apikey.error.pastDate': 'Scegli una data futura.',
  'apikey.error.url': 'Scrivi un indirizzo https:// completo.',
  'apikey.error.refused': 'Il servizio ha rifiutato questa chiave; non è stato salvato nulla.',

  'apikey.detail.header': 'Header',
  'apikey.detail.basicUser': 'Utente Basic',
  'apikey.detail.extra': 'Header aggiuntivi',
  'apikey.detail.extra.none': 'Nessuno',
  'apikey.detail.verifyUrl': 'URL di verifica',
  'apikey.detail.verifyUrl.none': 'Nessuno: “Verifica” è disattivata per questa chiave.',
  'apikey.issuer.unknown': 'il servizio che l’ha emessa',
  'apikey.expiry.key': 'Chiave',
};
