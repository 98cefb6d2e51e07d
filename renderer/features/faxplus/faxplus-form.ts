// The Fax.Plus dialogs' inline checks and conversions. Main checks everything again (it never
// trusts the renderer); these only let the user see a mistake before pressing the button.
// Pure, so they are tested without a browser.
import type { ApiError } from '../../../preload/api';
import type { MessageKey } from '../../i18n/en';

export type FieldErrors<F extends string> = Partial<Record<F, MessageKey>>;

export type ConnectField = 'label' | 'clientId' | 'clientSecret';
export type PatField = 'label' | 'pat' | 'expiry';

export interface ConnectInput {
  label: string;
  clientId: string;
  clientSecret: string;
}

export interface PatInput {
  label: string;
  pat: string;
  /** `YYYY-MM-DD` from <input type="date">, or ''. */
  expiry: string;
}

/** Mirrors main's rule (faxplus.validation.ts): APIK and then id characters. */
const CLIENT_ID = /^APIK[A-Za-z0-9._-]{1,200}$/;

export function clientIdError(value: string): MessageKey | undefined {
  const clean = value.trim();
  if (!clean) return undefined;
  return CLIENT_ID.test(clean) ? undefined : 'faxplus.error.clientId';
}

function secretError(value: string, missing: MessageKey): MessageKey | undefined {
  const clean = value.trim();
  if (!clean) return missing;
  return /\s/.test(clean) ? 'faxplus.error.spaces' : undefined;
}

export function checkConnect(input: ConnectInput): FieldErrors<ConnectField> {
  const errors: FieldErrors<ConnectField> = {};
  if (!input.label.trim()) errors.label = 'faxplus.error.label';
  if (!input.clientId.trim()) errors.clientId = 'faxplus.error.clientId';
  else {
    const id = clientIdError(input.clientId);
    if (id) errors.clientId = id;
  }
  const secret = secretError(input.clientSecret, 'faxplus.error.clientSecret');
  if (secret) errors.clientSecret = secret;
  return errors;
}

/** End of the chosen day in local time: a token "valid until the 3rd" works all of the 3rd. */
export function expiryFromDate(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return new Date(Number(y), Number(m) - 1, Number(d), 23, 59, 59, 999).getTime();
}

export function checkPat(input: PatInput, now: number): FieldErrors<PatField> {
  const errors: FieldErrors<PatField> = {};
  if (!input.label.trim()) errors.label = 'faxplus.error.label';
  const pat = secretError(input.pat, 'faxplus.error.pat');
  if (pat) errors.pat = pat;
  if (input.expiry) {
    const at = expiryFromDate(input.expiry);
    if (at === undefined || at <= now) errors.expiry = 'faxplus.error.pastDate';
  }
  return errors;
}

export function hasErrors(errors: FieldErrors<string>): boolean {
  return Object.values(errors).some(Boolean);
}

/** Fax.Plus scope families; each comes as a `:read` / `:edit` pair (providers.md). */
export const SCOPE_FAMILIES = [
  'fax:all',
  'fax:fax',
  'fax:user',
  'fax:member',
  'fax:numbers',
  'fax:webhook',
  'fax:shop',
] as const;

export const SCOPE_LEVELS = ['read', 'edit'] as const;

/** Adds or removes one scope, keeping the order of SCOPE_FAMILIES x SCOPE_LEVELS. */
export function toggleScope(scopes: readonly string[], scope: string, on: boolean): string[] {
  const set = new Set(scopes);
  if (on) set.add(scope);
  else set.delete(scope);
  const order = SCOPE_FAMILIES.flatMap((f) => SCOPE_LEVELS.map((l) => `${f}:${l}`));
  return order.filter((s) => set.has(s));
}

/**
 * Which field a main error belongs beside: main names the field for invalid input, and a
 * duplicate label is always about the label. Anything else is shown above the buttons.
 */
export function errorField<F extends string>(error: ApiError, fields: readonly F[]): F | undefined {
  if (error.code === 'duplicate-label') return fields.find((f) => f === 'label');
  return fields.find((f) => f === error.field);
}

/** A token Fax.Plus refuses is a problem with the pasted value: say so beside the field. */
export function isRejectedCredential(error: ApiError): boolean {
  return error.code === 'auth-error';
}

/** "9:58" for a countdown; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
