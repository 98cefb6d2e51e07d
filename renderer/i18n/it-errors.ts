// Italian titles for what main reports (see en-errors.ts).
import type { enErrors } from './en-errors';

export const itErrors: Record<keyof typeof enErrors, string> = {
  'error.invalid-input': 'Alcuni dati inseriti non sono validi.',
  'error.invalid-field': 'Controlla questo campo.',
  'error.wrong-password': 'Password errata. Riprova.',
  'error.weak-password': 'Questa password è troppo debole.',
  'error.vault-missing': 'Non esiste ancora una cassaforte: creane una.',
  'error.vault-exists': 'Qui esiste già una cassaforte.',
  'error.locked': 'La cassaforte è bloccata. Sbloccala prima di continuare.',
  'error.not-found': 'Questa voce non esiste più.',
  'error.duplicate-label': 'Esiste già una voce con questo nome.',
  'error.storage-error': 'Impossibile salvare su questo computer.',
  'error.network-error': 'Impossibile raggiungere il servizio. Controlla la connessione.',
  'error.timeout': 'Il servizio ha impiegato troppo tempo a rispondere. Riprova.',
  'error.provider-error': 'Il servizio ha segnalato un errore.',
  'error.auth-error': 'Il servizio ha rifiutato queste credenziali.',
  'error.needs-reauth': 'Questo token deve essere autorizzato di nuovo.',
  'error.cancelled': 'Annullato.',
  'error.forbidden': 'Questa richiesta non proviene dalla finestra di Token Vault.',
  'error.unsupported': 'Funzione non disponibile in questa versione.',
  'error.internal': 'Si è verificato un problema interno in Token Vault. Riprova.',
  'error.withDetail': '{title} ({detail})',

  'problem.needs-reauth': 'Autorizza di nuovo per continuare a usare questo token.',
  'problem.error': 'L’ultima verifica non è riuscita.',
  'problem.revoked': 'Questo token è stato revocato.',
  'problem.active': 'L’ultima verifica ha segnalato un problema.',

  'notice.changedOutside':
    'Il file della cassaforte è stato modificato fuori da Token Vault. Sono mostrate le voci intatte; il resto resta nel file, non letto.',
  'notice.newerFormat':
    'Questa cassaforte è stata scritta da una versione più recente di Token Vault. Aggiorna Token Vault per aprirla; il file è rimasto com’era.',
  'notice.recovered':
    'Il file della cassaforte era danneggiato: è stato ripristinato l’ultimo backup valido.',
  'keychain.unavailable':
    'Lo sblocco con il portachiavi di sistema non è disponibile su questo computer.',
};
