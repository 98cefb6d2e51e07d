// Italian strings of the settings extras (language, keychain, backup) and the gate and client
// sentences; same keys as en-settings.ts (a missing one is a type error).
import type { enSettings } from './en-settings';

export const itSettings: Record<keyof typeof enSettings, string> = {
  'settings.language.label': 'Lingua',
  'settings.language.system': 'Segui il sistema',
  'settings.language.hint': 'Anche date e numeri seguono la lingua.',

  'create.hint':
    'Almeno {min} caratteri; niente carattere singolo ripetuto, niente sequenze semplici come “abcdef” o “123456” e nessuna password nota.',
  'client.noAnswer': 'L’app non ha risposto.',

  'keychain.title': 'Portachiavi di sistema',
  'keychain.toggle': 'Sblocca con il portachiavi di sistema',
  'keychain.hint':
    'La chiave della cassaforte è custodita dal portachiavi del sistema operativo; disattivando l’opzione viene cancellata.',
  'keychain.unlock': 'Sblocca con il portachiavi di sistema',

  'backup.export.title': 'Esporta un backup cifrato',
  'backup.passphrase': 'Passphrase del backup',
  'backup.passphrase.hint':
    'Distinta dalla password principale. Senza di essa il backup non può essere letto.',
  'backup.passphrase.repeat': 'Ripeti la passphrase del backup',
  'backup.export.submit': 'Esporta…',
  'backup.export.done': '{count} voci salvate in {path}.',
  'backup.error.short': 'Usa almeno {min} caratteri per la passphrase del backup.',
  'backup.error.mismatch': 'Le due passphrase non coincidono.',
  'backup.import.title': 'Importa un backup',
  'backup.import.conflict': 'Voci già presenti nella cassaforte',
  'backup.conflict.skip': 'Salta le voci già presenti',
  'backup.conflict.replace': 'Sostituiscile con la copia del backup',
  'backup.conflict.keep-both': 'Mantieni entrambe (la copia riceve “(imported)”)',
  'backup.import.submit': 'Scegli il file e importa…',
  'backup.import.done':
    'Importazione completata: {added} aggiunte, {replaced} sostituite, {skipped} saltate, {renamed} aggiunte con un nuovo nome.',
};
