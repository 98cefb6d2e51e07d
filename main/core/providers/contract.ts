// The provider contract (DESIGN.md "The provider contract"): what is particular to one kind
// of entry, said once, in its provider's folder. Everything shared (sealing, single flight,
// audit, reminders, header formats, the CLI's output) asks the registry (registry.ts) and
// never compares a kind or a provider name itself. Pure data and functions: no I/O.
import type { EntryView, ProviderId, ReminderItem } from '../../../preload/api';
import type { HeaderPair } from '../export/header-formats';
import type { SecretField } from '../vault/vault.types';

/** The dated deadline kinds a reminder can track (status deadlines come from the status). */
export type DatedDeadlineKind = Exclude<ReminderItem['kind'], 'needs-reauth' | 'revoked'>;

/** The credential's header, and the text in its value that previews mask. */
export interface AuthHeader extends HeaderPair {
  /** The part of `value` made from the secret (the secret itself, or its Basic encoding). */
  sensitive: string;
}

/** Refresh a stored access token when it has less than this left. */
export const REFRESH_MARGIN_MS = 60_000;

/** Whether a token expiring at `expiresAt` stays valid `minValidMs` (at least a minute) more. */
export function validFor(
  expiresAt: number | null | undefined,
  now: number,
  minValidMs = REFRESH_MARGIN_MS,
): boolean {
  return typeof expiresAt === 'number' && expiresAt - now > Math.max(minValidMs, REFRESH_MARGIN_MS);
}

/** `Authorization: Bearer <secret>`, what Fax.Plus and SMSFactor expect. */
export const bearerHeader = (secret: string): AuthHeader => ({
  name: 'Authorization',
  value: `Bearer ${secret}`,
  sensitive: secret,
});

// Method syntax on purpose: a module for one kind then stands where any kind is expected.
export interface EntryKindModule<E extends EntryView = EntryView> {
  readonly kind: E['kind'];
  readonly provider: ProviderId;
  /** The provider in messages: "Fax.Plus", "SMSFactor". */
  readonly providerName: string;
  /** The kind in short, for the tray menu: "Fax.Plus", "Fax.Plus PAT". */
  readonly trayName: string;
  /** The kind as reminders say it: "Fax.Plus 'billing'", "SMSFactor token 'acme'". */
  readonly reminderNoun: string;
  /** Sealed one by one, opened lazily. */
  readonly secretFields: readonly SecretField[];
  /** The stored secret the header carries (for a refreshed kind: the access token). */
  readonly bearerField: SecretField;
  /** The bearer is an access token the provider refreshes: ask for a live one, not the stored one. */
  readonly refreshedAccess: boolean;
  /**
   * For a refreshed kind: whether the stored access token stays valid another minute (or
   * `minValidMs`, when longer), so it can be handed out without a refresh.
   */
  accessFresh?(entry: E, now: number, minValidMs?: number): boolean;
  /** 'needs-reauth' means "re-authorize it" (OAuth) rather than "replace it". */
  readonly reauthorizable: boolean;
  /** The deadline reminders track for an active entry of this kind. */
  readonly deadlineKind: DatedDeadlineKind;
  /** Its time (epoch ms), or null when this entry has none (never expires). */
  deadlineAt(entry: E): number | null;
  /** When the bearer value given out stops working (epoch ms), or null when unknown. */
  tokenExpiresAt(entry: E): number | null;
  /** The header that carries the secret (most kinds: `Authorization: Bearer <secret>`). */
  authHeader(entry: E, secret: string): AuthHeader;
  /** The headers sent after it. */
  extraHeaders(entry: E): HeaderPair[];
  /** Fields a script can name besides the shared ones (`tokenvault exec/inject`). */
  fields(entry: E): Record<string, string>;
  /** Environment variable -> field, set by `tokenvault exec` (besides AUTH_HEADER). */
  readonly defaultEnv: Readonly<Record<string, string>>;
}
