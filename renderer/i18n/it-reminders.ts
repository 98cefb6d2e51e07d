// Italian strings of the reminders; same keys as en-reminders.ts (a missing one is a type
// error).
import type { enReminders } from './en-reminders';

export const itReminders: Record<keyof typeof enReminders, string> = {
  'reminders.badge.ok': 'OK',
  'reminders.badge.soon': 'In scadenza',
  'reminders.badge.expired': 'Scaduto',
  'reminders.badge.needsReauth': 'Da autorizzare',
  'reminders.badge.revoked': 'Revocato',
  'reminders.badge.muted': 'Promemoria disattivati',
  'reminders.badge.snoozed': 'Posticipato',

  'reminders.attention.title': 'Richiede attenzione',
  'reminders.attention.count': '{count} richiedono attenzione',
  'reminders.attention.open': 'Apri {label}',
  'reminders.attention.showAll': 'Mostra tutti ({count})',
  'reminders.attention.noDeadline': 'Intervento necessario ora',

  'reminders.entry.title': 'Promemoria',
  'reminders.entry.remind': 'Avvisami prima della scadenza',
  'reminders.entry.mutedHint':
    'Nessuna notifica per questa voce; resta fuori da “Richiede attenzione”.',
  'reminders.entry.snoozedUntil': 'Posticipato fino a {date}.',
  'reminders.entry.snoozeLabel': 'Posticipa',
  'reminders.entry.resume': 'Riattiva i promemoria',
  'reminders.entry.saved': 'Promemoria aggiornati per “{label}”.',
  'reminders.snooze.day': '1 giorno',
  'reminders.snooze.threeDays': '3 giorni',
  'reminders.snooze.week': '1 settimana',

  'reminders.settings.title': 'Promemoria',
  'reminders.settings.leads': 'Avvisami prima di una scadenza',
  'reminders.settings.leadsHint':
    'Una notifica a ciascuno di questi intervalli prima che un token o un’autorizzazione scada. Le modifiche qui vengono salvate subito.',
  'reminders.settings.remove': 'Rimuovi {lead}',
  'reminders.settings.addLabel': 'Aggiungi un intervallo prima della scadenza',
  'reminders.settings.addHint': 'Ad esempio 2d, 12h, 30m o 2w (fino a 90 giorni).',
  'reminders.settings.add': 'Aggiungi',
  'reminders.settings.reset': 'Ripristina predefiniti',
  'reminders.settings.none': 'Nessun promemoria prima delle scadenze; solo quando qualcosa scade.',
  'reminders.settings.closeToTray':
    'Resta attivo nell’area di notifica quando la finestra viene chiusa',
  'reminders.settings.closeToTrayHint':
    'I promemoria arrivano solo mentre Token Vault è in esecuzione. Per uscire, usa il menu dell’area di notifica.',
  'reminders.settings.locked':
    'Con la cassaforte bloccata, promemoria e area di notifica dicono ancora cosa scade e quando, ma non quale voce: i nomi sono cifrati con la password principale. Sblocca per vederli.',
  'reminders.settings.saved': 'Salvato',
  'reminders.lead.invalid': 'Inserisci una durata come 2d, 12h o 30m, da 1 minuto a 90 giorni.',
  'reminders.lead.duplicate': 'Questo intervallo è già nell’elenco.',
  'reminders.lead.tooMany': 'Al massimo 10 intervalli; rimuovine prima uno.',
};
