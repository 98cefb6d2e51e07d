import type { ConnectEvent, OAuth2ClientAuth } from '../../../preload/api';
import type { CommandRun } from '../cli-context';
import { CliError, EXIT, UsageError } from '../cli-errors';
import { seconds } from '../cli-parse';

const DEFAULT_TIMEOUT_S = 300;
const AUTH: Record<string, OAuth2ClientAuth> = { basic: 'basic', post: 'post', none: 'none' };

function loopbackPort(value: string): number | undefined {
  const m = /^loopback(?::(\d{1,5}))?$/.exec(value);
  if (!m) {
    throw new UsageError(
      "--redirect must be loopback or loopback:PORT (the app's own scheme redirect reaches the app only).",
    );
  }
  if (m[1] === undefined) return undefined;
  const port = Number(m[1]);
  if (port < 1024 || port > 65535) throw new UsageError('The loopback port must be 1024-65535.');
  return port;
}

/**
 * Any OAuth 2.0 server from a terminal, like `connect faxplus`: the loopback listener opens on
 * 127.0.0.1, the authorize URL goes to stdout on a line of its own (and to the browser unless
 * --no-browser), and the command waits for the redirect or the timeout. The client secret,
 * when the method needs one, is read from standard input.
 */
export const run: CommandRun = async (ctx) => {
  const label = ctx.required('label');
  const clientId = ctx.required('client-id');
  const profile = ctx.str('profile');
  const issuer = ctx.str('issuer');
  const authorizeUrl = ctx.str('authorize-url');
  const tokenUrl = ctx.str('token-url');
  const sources = [profile, issuer, authorizeUrl ?? tokenUrl].filter((s) => s !== undefined);
  if (sources.length !== 1) {
    throw new UsageError(
      'Name the server once: --profile github|google|microsoft|slack, --issuer URL, or --authorize-url URL --token-url URL.',
    );
  }
  if ((authorizeUrl === undefined) !== (tokenUrl === undefined)) {
    throw new UsageError('--authorize-url and --token-url go together.');
  }
  const auth = ctx.str('auth');
  const clientAuth = auth === undefined ? undefined : AUTH[auth];
  if (auth !== undefined && clientAuth === undefined) {
    throw new UsageError('--auth must be basic, post or none.');
  }
  const days = ctx.str('refresh-days');
  if (days !== undefined && !/^\d{1,4}$/.test(days)) {
    throw new UsageError('--refresh-days must be a whole number of days.');
  }
  const port = loopbackPort(ctx.str('redirect') ?? 'loopback');
  const timeoutS = seconds(ctx.str('timeout') ?? String(DEFAULT_TIMEOUT_S), 'timeout');
  const scopes = ctx
    .list('scope')
    .flatMap((s) => s.split(/\s+/))
    .filter(Boolean);
  const revocationUrl = ctx.str('revocation-url');
  const verifyUrl = ctx.str('verify-url');
  const core = await ctx.unlocked();
  const clientSecret = clientAuth === 'none' ? '' : await ctx.readSecret('client secret');

  let settle: (event: ConnectEvent) => void = () => undefined;
  const outcome = new Promise<ConnectEvent>((resolve) => (settle = resolve));
  const oauth2 = await core.oauth2Service({
    openBrowser: !ctx.flag('no-browser'),
    openUrl: (url) => ctx.io.openBrowser(url),
    flowLifetimeMs: timeoutS * 1000,
    onConnect: (event) => settle(event),
    ...(port !== undefined ? { loopbackPort: port } : {}),
  });
  const pending = await oauth2.connect({
    label,
    clientId,
    ...(profile !== undefined ? { profile } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(authorizeUrl !== undefined && tokenUrl !== undefined ? { authorizeUrl, tokenUrl } : {}),
    ...(revocationUrl !== undefined ? { revocationUrl } : {}),
    ...(clientSecret ? { clientSecret } : {}),
    ...(clientAuth !== undefined ? { clientAuth } : {}),
    ...(scopes.length > 0 ? { scopes } : {}),
    ...(days !== undefined ? { refreshDays: Number(days) } : {}),
    ...(verifyUrl !== undefined ? { verifyUrl } : {}),
    redirectMode: 'loopback',
    ...(port !== undefined ? { loopbackPort: port } : {}),
  });
  ctx.io.stdout(`${pending.authorizeUrl}\n`);
  ctx.io.stderr(
    `Open the URL above in a browser${ctx.flag('no-browser') ? '' : ' if none opened'}, sign in ` +
      `and approve. Waiting up to ${timeoutS} s for the redirect to ${pending.redirectUri} ...\n`,
  );
  const event = await outcome;
  switch (event.outcome) {
    case 'connected': {
      const entry = event.entry;
      const until =
        entry?.kind === 'oauth2' && entry.refreshExpiresAt !== null
          ? `; authorization ends ${new Date(entry.refreshExpiresAt).toISOString().slice(0, 10)}`
          : '';
      ctx.io.stdout(`Connected OAuth 2.0 app "${entry?.label ?? label}"${until}\n`);
      return;
    }
    case 'expired':
      throw new CliError(EXIT.failure, `No answer from the server within ${timeoutS} s.`);
    case 'cancelled':
      throw new CliError(EXIT.failure, 'The connection was cancelled.');
    case 'failed':
      throw new CliError(EXIT.failure, event.error?.message ?? 'Connecting failed.');
  }
};
