// `npm run sandbox`: starts the local provider sandboxes on 127.0.0.1 and prints how to point
// Token Vault (app or CLI) at them. Nothing here talks to a real provider.
//   --access-seconds=N   Fax.Plus access-token lifetime (default 3600), to watch refreshes
//   --no-advanced-security   Fax.Plus refresh tokens never expire
import { startApiKeySandbox } from './api-key/api-key.sandbox';
import { DEMO_CLIENT, startFaxplusSandbox } from './faxplus/faxplus.sandbox';
import {
  DEMO_OAUTH2_CLIENT,
  DEMO_PUBLIC_CLIENT,
  startOAuth2Sandbox,
} from './oauth2/oauth2.sandbox';

interface Closable {
  close(): Promise<void>;
}

function option(name: string): string | undefined {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : '';
}

async function startSmsfactor(lines: string[], env: string[]): Promise<Closable | undefined> {
  try {
    const mod: Record<string, unknown> = await import('./smsfactor/index');
    const start = mod.startSmsfactorSandbox;
    if (typeof start !== 'function') return undefined;
    const sandbox = (await start()) as Closable & {
      apiUrl: string;
      control?: { seed?: { parentToken?: string; accountId?: string; subAccountIds?: string[] } };
    };
    const seed = sandbox.control?.seed;
    env.push(`TOKENVAULT_SMSFACTOR_API_URL=${sandbox.apiUrl}`);
    lines.push(
      '',
      `SMSFactor sandbox   ${sandbox.apiUrl}`,
      ...(seed?.parentToken ? [`  account token      ${seed.parentToken}`] : []),
      ...(seed?.accountId ? [`  account id         ${seed.accountId}`] : []),
      ...(seed?.subAccountIds?.length
        ? [`  sub-accounts       ${seed.subAccountIds.join(', ')}`]
        : []),
    );
    return sandbox;
  } catch (err) {
    lines.push(
      '',
      `SMSFactor sandbox not started (${err instanceof Error ? err.message : 'unavailable'}).`,
    );
    return undefined;
  }
}

async function main(): Promise<void> {
  const accessSeconds = Number(option('access-seconds') ?? 3600);
  const faxplus = await startFaxplusSandbox({
    accessTokenSeconds: Number.isFinite(accessSeconds) && accessSeconds > 0 ? accessSeconds : 3600,
    advancedSecurity: option('no-advanced-security') === undefined,
  });
  const pat = faxplus.control.addPat({
    name: 'sandbox demo',
    scopes: ['fax:all:read', 'fax:fax:edit'],
  });
  const env = [
    `TOKENVAULT_FAXPLUS_ACCOUNTS_URL=${faxplus.accountsUrl}`,
    `TOKENVAULT_FAXPLUS_API_URL=${faxplus.apiUrl}`,
  ];
  const lines = [
    'Token Vault sandbox (127.0.0.1 only; secrets below are fake)',
    '',
    `Fax.Plus accounts   ${faxplus.accountsUrl}   (/login, /token)`,
    `Fax.Plus API        ${faxplus.apiUrl}`,
    `  OAuth client id    ${DEMO_CLIENT.clientId}`,
    `  OAuth secret       ${DEMO_CLIENT.clientSecret}`,
    `  redirect URIs      ${DEMO_CLIENT.redirectUris.join('  ')} (any port)`,
    `  personal token     ${pat.token}`,
  ];
  const closables: Closable[] = [faxplus];
  const sms = await startSmsfactor(lines, env);
  if (sms) closables.push(sms);
  const oauth2 = await startOAuth2Sandbox();
  closables.push(oauth2);
  lines.push(
    '',
    `OAuth 2.0 server   ${oauth2.issuer}   (issuer: discovery, PKCE, rotating refresh tokens)`,
    `  client id          ${DEMO_OAUTH2_CLIENT.clientId}   (Basic)`,
    `  client secret      ${DEMO_OAUTH2_CLIENT.clientSecret ?? ''}`,
    `  public client id   ${DEMO_PUBLIC_CLIENT.clientId}   (no secret)`,
    '  redirect URIs      dev.tokenvault:/oauth/oauth2  http://127.0.0.1/oauth/oauth2 (any port)',
    `  verification URL   ${oauth2.apiUrl}`,
  );
  const apiKeys = await startApiKeySandbox();
  closables.push(apiKeys);
  const { keys, url } = apiKeys;
  lines.push(
    '',
    `"Any API" for API keys   ${url}   (key -> verification URL, "Sent as")`,
    `  ${keys.stripe}   ${url}/stripe/v1/balance   Bearer`,
    `  ${keys.github}   ${url}/github/user   token (GitHub classic)`,
    `  ${keys.xapi}   ${url}/xapi/me   X-Api-Key`,
    `  ${keys.basic.secret}   ${url}/basic/me   Basic, user ${keys.basic.user}`,
  );

  lines.push('', 'Environment for the app or the CLI:', ...env.map((e) => `  export ${e}`), '');
  lines.push('Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = (): void => {
    void Promise.all(closables.map((c) => c.close())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Sandbox failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
