// The one place where IPC requests enter main (security.md 7, conventions 3-4). For every
// channel of the contract it registers exactly one handler that: refuses a foreign sender,
// parses the payload with that channel's schema, calls the feature handler, and returns a
// Result union. Nothing else is registered, so an unknown channel has no listener at all.
import type { z } from 'zod';
import type { ApiError, Channel, Req, Res, Result } from '../../../preload/api';
import { secretsOf, toApiError } from './ipc.errors';
import { allChannels, schemas as defaultSchemas, type ChannelSchemas } from './schemas';

/** The part of Electron's ipcMain we use; tests pass a fake. */
export interface IpcMainLike<E = unknown> {
  handle(
    channel: string,
    listener: (event: E, payload: unknown) => Promise<unknown> | unknown,
  ): void;
  removeHandler(channel: string): void;
}

/** One handler per channel; a missing one is a type error. */
export type Handlers = { [C in Channel]: (req: Req<C>) => Promise<Res<C>> | Res<C> };

/** The handlers of one feature, e.g. `HandlersFor<'vault'>` for every `vault:*` channel. */
export type HandlersFor<Domain extends string> = Pick<
  Handlers,
  Extract<Channel, `${Domain}:${string}`>
>;

export interface DispatchOptions<E> {
  /** True only for the app's own top-level page (see core/app/app-origin.policy.ts). */
  isTrustedSender(event: E): boolean;
  /** Called after the sender and payload were accepted (e.g. to reset the idle-lock timer). */
  onAccepted?(channel: Channel): void;
  /**
   * Called with an unexpected error before it is reduced to 'internal'. The shell may log
   * its name; never log its message or the payload, which can hold a secret.
   */
  onInternalError?(channel: Channel, error: unknown): void;
  /** Overridable for tests; defaults to the contract's schema table. */
  schemas?: ChannelSchemas;
}

const FORBIDDEN: ApiError = {
  code: 'forbidden',
  message: 'This request did not come from the Token Vault window.',
};

/** Answers one request; used by registerHandlers and by the e2e harness's binding. */
export async function dispatch<E>(
  handlers: Handlers,
  options: DispatchOptions<E>,
  channel: Channel,
  event: E,
  payload: unknown,
): Promise<Result<unknown>> {
  let trusted = false;
  try {
    trusted = options.isTrustedSender(event) === true;
  } catch {
    trusted = false;
  }
  if (!trusted) return { ok: false, error: { ...FORBIDDEN } };

  const schema: z.ZodType<unknown, unknown> = (options.schemas ?? defaultSchemas)[channel];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };

  const handler = handlers[channel] as (req: unknown) => unknown;
  try {
    options.onAccepted?.(channel);
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    const error = toApiError(err, secretsOf(payload));
    if (error.code === 'internal') options.onInternalError?.(channel, err);
    return { ok: false, error };
  }
}

/**
 * Registers one handler per contract channel on `ipc` and returns a function that removes
 * them all (quit, tests). Registration order follows the contract; nothing else is added.
 */
export function registerHandlers<E>(
  ipc: IpcMainLike<E>,
  handlers: Handlers,
  options: DispatchOptions<E>,
): () => void {
  const registered: Channel[] = [];
  for (const channel of allChannels) {
    ipc.handle(channel, (event: E, payload: unknown) =>
      dispatch(handlers, options, channel, event, payload),
    );
    registered.push(channel);
  }
  return () => {
    for (const channel of registered) ipc.removeHandler(channel);
  };
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** The first schema issue as a user sentence plus the field it concerns. No value is quoted. */
function invalidInput(issues: readonly Issue[]): ApiError {
  const first = issues[0];
  const field = first?.path.map((p) => String(p)).join('.') ?? '';
  const what = first?.message ?? 'Invalid input.';
  const error: ApiError = {
    code: 'invalid-input',
    message: field ? `${field}: ${what}` : what,
  };
  if (field) error.field = field;
  return error;
}
