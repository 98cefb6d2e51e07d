// Sentences that come from main (ApiError.message, entry.lastError, the keychain reason, the
// vault's recovery notice) are written in English. Shown as they are, they would be the only
// English on a Chinese or Italian screen. Each one gets a translated title chosen by its code
// (or the entry's status); main's own sentence stays visible as the detail, because it often
// says what the title cannot: the label concerned, or a provider's answer in its own words
// ("Token invalide"). In English main's sentence already is the right one, so it is the title.
import type { ApiError, EntryStatus, ErrorCode } from '../../preload/api';
import { en, type MessageKey } from './en';
import { currentLanguage, t } from './i18n';

export interface ErrorDescription {
  title: string;
  /** Main's own sentence, when it says more than the title. */
  detail?: string;
}

const titleKeys: Record<ErrorCode, MessageKey> = {
  'invalid-input': 'error.invalid-input',
  'wrong-password': 'error.wrong-password',
  'weak-password': 'error.weak-password',
  'vault-missing': 'error.vault-missing',
  'vault-exists': 'error.vault-exists',
  locked: 'error.locked',
  'not-found': 'error.not-found',
  'duplicate-label': 'error.duplicate-label',
  'storage-error': 'error.storage-error',
  'network-error': 'error.network-error',
  timeout: 'error.timeout',
  'provider-error': 'error.provider-error',
  'auth-error': 'error.auth-error',
  'needs-reauth': 'error.needs-reauth',
  cancelled: 'error.cancelled',
  forbidden: 'error.forbidden',
  unsupported: 'error.unsupported',
  internal: 'error.internal',
};

/** Every code main may send, for tests and exhaustive checks. */
export const errorCodes = Object.keys(titleKeys) as ErrorCode[];

/** Sentences main sends that say no more than a title (besides the titles themselves). */
const genericSentences = ['Unlock the vault first.', 'Invalid input.'];

const normalize = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[.!\s]+$/, '');

/**
 * True when main's sentence adds nothing to the English title: the same words, or the start
 * of them ("Wrong password." against "Wrong password. Try again.").
 */
function isGeneric(message: string, englishTitle: string): boolean {
  const said = normalize(message);
  if (said === '') return true;
  if (normalize(englishTitle).startsWith(said)) return true;
  return genericSentences.some((sentence) => normalize(sentence) === said);
}

/** Pairs a translated title with main's English sentence, per the rules at the top. */
function describe(key: MessageKey, message: string | undefined): ErrorDescription {
  const text = message?.trim() ?? '';
  const generic = isGeneric(text, en[key]);
  if (currentLanguage() === 'en') return { title: generic ? t(key) : text };
  return generic ? { title: t(key) } : { title: t(key), detail: text };
}

/** Title and optional detail for an error main returned. */
export function describeError(
  error: Pick<ApiError, 'code' | 'message' | 'field'>,
): ErrorDescription {
  // A field error's own sentence names the field's problem; the title only points at it.
  const key =
    error.code === 'invalid-input' && error.field ? 'error.invalid-field' : titleKeys[error.code];
  return describe(key ?? 'error.internal', error.message);
}

/** The same as one line, for places that show a single sentence (toasts, field errors). */
export function errorText(error: Pick<ApiError, 'code' | 'message' | 'field'>): string {
  return joined(describeError(error));
}

/** Joins a description into one line: "Title (detail)". */
export function joined(description: ErrorDescription): string {
  return description.detail === undefined
    ? description.title
    : t('error.withDetail', { title: description.title, detail: description.detail });
}

const problemKeys: Record<EntryStatus, MessageKey> = {
  'needs-reauth': 'problem.needs-reauth',
  error: 'problem.error',
  revoked: 'problem.revoked',
  active: 'problem.active',
};

/** An entry's lastError: a sentence drawn from its status, main's words as the detail. */
export function describeProblem(status: EntryStatus, lastError: string): ErrorDescription {
  return describe(problemKeys[status], lastError);
}

/** The vault's recovery notice (a backup was restored at start). */
export function describeRecoveryNotice(notice: string): ErrorDescription {
  return describe('notice.recovered', notice);
}

/** The vault file was changed outside Token Vault (VaultStatus.integrityNotice). */
export function describeIntegrityNotice(notice: string): ErrorDescription {
  // The banner's title already says the file was changed outside: the body is what follows.
  const found = notice.replace(/^The vault file was changed outside Token Vault: /, '');
  return describe('notice.changedOutside', found.charAt(0).toUpperCase() + found.slice(1));
}

/** A newer Token Vault wrote the vault file (VaultStatus.newerFormat). */
export function describeNewerFormat(notice: string): ErrorDescription {
  return describe('notice.newerFormat', notice);
}

/** Why keychain unlock cannot be used on this computer. */
export function describeKeychainReason(reason: string): ErrorDescription {
  return describe('keychain.unavailable', reason);
}

/** Why a freshly minted token could not be stored (MintedToken.unsavedReason). */
export function describeUnsavedReason(reason: string): ErrorDescription {
  return describe('error.storage-error', reason);
}
