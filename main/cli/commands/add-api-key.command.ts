import {
  checkApiKeyInput,
  defaultTemplate,
  DEFAULT_HEADER,
  parseHeaderLine,
} from '../../core/providers/api-key/api-key.rules';
import type { CommandRun } from '../cli-context';
import { dateEnd } from '../cli-parse';

/**
 * Stores any service's API key, read from standard input. Everything on the command line is
 * checked before the vault is unlocked; with --verify-url the key must pass that GET first.
 */
export const run: CommandRun = async (ctx) => {
  const label = ctx.required('label');
  const basicUser = ctx.str('basic-user');
  const headerName = ctx.str('header') ?? DEFAULT_HEADER;
  const expires = ctx.str('expires');
  const verifyUrl = ctx.str('verify-url');
  const input = {
    headerName,
    template: ctx.str('template') ?? defaultTemplate(headerName, basicUser),
    extraHeaders: ctx.list('extra-header').map(parseHeaderLine),
    expiresAt: expires === undefined ? null : dateEnd(expires, 'expires'),
    ...(basicUser === undefined ? {} : { basicUser }),
    ...(verifyUrl === undefined ? {} : { verifyUrl }),
  };
  checkApiKeyInput(input, Date.now());
  const core = await ctx.unlocked();
  const secret = await ctx.readSecret('API key');
  const apiKeys = await core.apiKeys();
  const entry = await apiKeys.add({ label, secret, ...input });
  const facts = [
    `${entry.headerName}: ${entry.template}`,
    ...entry.extraHeaders.map((h) => `${h.name}: ${h.value}`),
    entry.expiresAt === null
      ? 'no expiry'
      : `expires ${new Date(entry.expiresAt).toISOString().slice(0, 10)}`,
    entry.verifyUrl === undefined ? 'not verified: no --verify-url' : 'verified',
  ];
  ctx.io.stdout(`Added API key "${entry.label}" (${facts.join('; ')})\n`);
};
