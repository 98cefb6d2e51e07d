import type { ConnectEvent } from '../../../preload/api';
import type { CommandRun } from '../cli-context';
import { CliError, EXIT, UsageError } from '../cli-errors';
import { seconds } from '../cli-parse';

const DEFAULT_TIMEOUT_S = 300;

function parseRedirect(value: string): { port?: number } {
  const m = /^loopback(?::(\d{1,5}))?$/.exec(value);
  if (!m) {
    throw new UsageError(
      "--redirect must be loopback or loopback:PORT (the app's own scheme redirect reaches the app only).",
    );
  }
  if (m[1] === undefined) return {};
  const port = Number(m[1]);
  if (port < 1024 || port > 65535) throw new UsageError('The loopback port must be 1024-65535.');
  return { port };
}

/**
 * OAuth connect from a terminal: the loopback listener opens on 127.0.0.1, the authorize URL
 * goes to stdout on a line of its own (and to the browser unless --no-browser), and the
 * command waits for the redirect or the timeout.
 */
export const run: CommandRun = async (ctx) => {
  const label = ctx.required('label');
  const clientId = ctx.required('client-id');
  const { port } = parseRedirect(ctx.required('redirect'));
  const refreshDays = ctx.str('refresh-days') ?? 'none';
  if (refreshDays !== '30' && refreshDays !== 'none') {
    throw new UsageError('--refresh-days must be 30 (advanced security controls) or none.');
  }
  const timeoutS = seconds(ctx.str('timeout') ?? String(DEFAULT_TIMEOUT_S), 'timeout');
  const core = await ctx.unlocked();
  const clientSecret = await ctx.readSecret('Fax.Plus client secret');

  let settle: (event: ConnectEvent) => void = () => undefined;
  const outcome = new Promise<ConnectEvent>((resolve) => (settle = resolve));
  const faxplus = await core.faxplusService({
    openBrowser: !ctx.flag('no-browser'),
    openUrl: (url) => ctx.io.openBrowser(url),
    flowLifetimeMs: timeoutS * 1000,
    onConnect: (event) => settle(event),
    ...(port !== undefined ? { loopbackPort: port } : {}),
  });
  const pending = await faxplus.connect({
    label,
    clientId,
    clientSecret,
    redirectMode: 'loopback',
    advancedSecurity: refreshDays === '30',
    allowMissingState: false,
  });
  ctx.io.stdout(`${pending.authorizeUrl}\n`);
  ctx.io.stderr(
    `Open the URL above in a browser${ctx.flag('no-browser') ? '' : ' if none opened'}, sign in ` +
      `and approve. Waiting up to ${timeoutS} s for the redirect to ${pending.redirectUri} ...\n`,
  );
  const event = await outcome;
  switch (event.outcome) {
    case 'connected':
      ctx.io.stdout(`Connected Fax.Plus "${event.entry?.label ?? label}"\n`);
      return;
    case 'expired':
      throw new CliError(EXIT.failure, `No answer from Fax.Plus within ${timeoutS} s.`);
    case 'cancelled':
      throw new CliError(EXIT.failure, 'The connection was cancelled.');
    case 'failed':
      throw new CliError(EXIT.failure, event.error?.message ?? 'Connecting Fax.Plus failed.');
  }
};
