// `tokenvault connect faxplus` driven against the Fax.Plus sandbox: the suites that need an
// OAuth entry (connect itself, exec/token/inject) share this instead of each replaying it.
import { expect } from 'vitest';
import { DEMO_CLIENT, type FaxplusSandbox } from '../../sandbox/faxplus/faxplus.sandbox';
import { freePort, runCli, type CliResult } from './cli-harness';

/**
 * Starts `connect faxplus`, waits for the authorize URL line on stdout, lets `browser` play
 * the user's part with it, and returns the finished process's result.
 */
export async function connectFaxplus(
  sandbox: FaxplusSandbox,
  env: Record<string, string>,
  args: string[],
  browser: (authorizeUrl: string) => Promise<void>,
  clientSecret = DEMO_CLIENT.clientSecret,
): Promise<{ result: CliResult; authorizeUrl: string }> {
  let authorizeUrl = '';
  let buffer = '';
  let browsing: Promise<void> | undefined;
  const result = await runCli(['connect', 'faxplus', ...args], {
    env,
    input: `${clientSecret}\n`,
    onStdout: (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith(`${sandbox.accountsUrl}/login?`));
      if (line && !browsing) {
        authorizeUrl = line;
        browsing = browser(line);
      }
    },
  });
  await browsing;
  return { result, authorizeUrl };
}

/** The user approves on the sandbox page; the browser follows the redirect to the CLI. */
export function approver(sandbox: FaxplusSandbox): (url: string) => Promise<void> {
  return async (url) => {
    const location = await sandbox.control.authorize(url, 'approve');
    const res = await fetch(location);
    expect(res.status).toBe(200);
  };
}

/** Connects an OAuth entry `label` through the loopback redirect, approved. */
export async function connectedEntry(
  sandbox: FaxplusSandbox,
  env: Record<string, string>,
  label: string,
): Promise<void> {
  const port = await freePort();
  const { result } = await connectFaxplus(
    sandbox,
    env,
    [
      '--label',
      label,
      '--client-id',
      DEMO_CLIENT.clientId,
      '--redirect',
      `loopback:${port}`,
      '--no-browser',
    ],
    approver(sandbox),
  );
  expect(result.code, result.stderr).toBe(0);
}
