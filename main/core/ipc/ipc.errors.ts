// Turning whatever a handler throws into the `ApiError` the renderer sees. Electron carries
// only an Error's message across IPC, so errors travel as data; and because the renderer must
// never see a stack or a secret, only a code, a user sentence and a field name leave main.
import type { ApiError, ErrorCode } from '../../../preload/api';
import { ProviderError, redactSecrets } from '../providers/http';
import { TeamConnectionError } from '../team/team-connection';
import { TeamError, type TeamErrorCode } from '../team/team-errors';
import { VaultError } from '../vault/vault.types';

/** Team errors in the codes the renderer knows (main's sentence says the rest). */
const TEAM_CODES: Record<TeamErrorCode, ErrorCode> = {
  'no-team': 'not-found',
  'team-offline': 'network-error',
  'not-admin': 'forbidden',
  'not-found': 'not-found',
  'invalid-input': 'invalid-input',
  'duplicate-label': 'duplicate-label',
  conflict: 'storage-error',
};

/** An error a handler throws on purpose, with the code the UI should act on. */
export class IpcError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

/** Thrown by handlers of features that are not built yet (or not on this platform). */
export function unsupported(what: string): IpcError {
  return new IpcError('unsupported', `${what} is not available in this version.`);
}

export const INTERNAL_MESSAGE = 'Something went wrong inside Token Vault. Please try again.';

/** Payload keys whose values are secrets; their values are masked in any outgoing message. */
const SECRET_KEYS = new Set([
  'password',
  'current',
  'next',
  'clientSecret',
  'pat',
  'token',
  'secret',
  'connectionString',
]);

const MAX_MESSAGE_LENGTH = 500;

/** The secret strings of a request payload, for redaction of messages built from it. */
export function secretsOf(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (SECRET_KEYS.has(key) && typeof value === 'string') out.push(value);
  }
  return out;
}

/**
 * Maps a thrown value to an ApiError. Known domain errors keep their code and message (their
 * messages are written for users and hold no secret; the payload's secrets are masked anyway
 * as a second line of defence). Anything else becomes 'internal' with a fixed sentence: its
 * message may quote a secret or a path, so it is never forwarded.
 */
export function toApiError(err: unknown, secrets: readonly string[] = []): ApiError {
  if (err instanceof VaultError || err instanceof ProviderError || err instanceof IpcError) {
    const error: ApiError = { code: err.code, message: clean(err.message, secrets) };
    // IpcError and the settings service's field errors name the form field at fault.
    const field: unknown = (err as { field?: unknown }).field;
    if (typeof field === 'string' && field !== '') error.field = field;
    return error;
  }
  if (err instanceof TeamError) {
    return { code: TEAM_CODES[err.code], message: clean(err.message, secrets) };
  }
  if (err instanceof TeamConnectionError) {
    return {
      code: 'invalid-input',
      message: clean(err.message, secrets),
      field: 'connectionString',
    };
  }
  return { code: 'internal', message: INTERNAL_MESSAGE };
}

function clean(message: string, secrets: readonly string[]): string {
  const text = redactSecrets(String(message), secrets).trim() || INTERNAL_MESSAGE;
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}
