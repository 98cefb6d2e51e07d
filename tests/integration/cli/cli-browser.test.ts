// `connect faxplus` without --no-browser, in-process with a fake browser: the authorize URL
// goes to the system browser only when the app's allow-list accepts it (security.md 5).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeCliIo } from '../../fakes/fake-cli-io';
import { main } from '../../../main/cli/index';
import {
  DEMO_CLIENT,
  startFaxplusSandbox,
  type FaxplusSandbox,
} from '../../sandbox/faxplus/faxplus.sandbox';
import { freePort, TEST_PASSWORD } from './cli-harness';

let sandbox: FaxplusSandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startFaxplusSandbox();
  dir = mkdtempSync(join(tmpdir(), 'tokenvault-browser-'));
});

afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

function io(env: Record<string, string>, onOpen: (url: string) => Promise<void>) {
  return fakeCliIo({
    dir,
    lines: [DEMO_CLIENT.clientSecret],
    env: {
      TOKENVAULT_HOME: dir,
      TOKENVAULT_PASSWORD: TEST_PASSWORD,
      TOKENVAULT_TEST_KDF_ITERATIONS: '1000',
      TOKENVAULT_FAXPLUS_API_URL: sandbox.apiUrl,
      ...env,
    },
    openBrowser: onOpen,
  });
}

describe('connect faxplus opens the system browser', () => {
  beforeAll(async () => {
    const { io: initIo } = io({}, async () => undefined);
    expect(await main(['init'], initIo)).toBe(0);
  });

  it('with the authorize URL of the configured accounts host; the flow completes', async () => {
    const port = await freePort();
    const { io: cliIo, out } = io(
      { TOKENVAULT_FAXPLUS_ACCOUNTS_URL: sandbox.accountsUrl },
      async (url) => {
        // The "browser": approve, then follow the redirect to the loopback listener, later.
        void sandbox.control.authorize(url).then((location) => fetch(location));
      },
    );
    const args = ['connect', 'faxplus', '--label', 'web', '--client-id', DEMO_CLIENT.clientId];
    const code = await main([...args, '--redirect', `loopback:${port}`], cliIo);
    expect(out.stderr).not.toContain('tokenvault:');
    expect(code).toBe(0);
    expect(out.opened).toHaveLength(1);
    expect(out.opened[0]).toMatch(new RegExp(`^${sandbox.accountsUrl}/login\\?`));
    expect(out.stdout.split('\n')[0]).toBe(out.opened[0]);
  });

  it('never for a host outside the allow-list (plain http off loopback)', async () => {
    const port = await freePort();
    const { io: cliIo, out } = io(
      { TOKENVAULT_FAXPLUS_ACCOUNTS_URL: 'http://accounts.example.test' },
      async () => undefined,
    );
    const args = ['connect', 'faxplus', '--label', 'evil', '--client-id', DEMO_CLIENT.clientId];
    const code = await main([...args, '--redirect', `loopback:${port}`, '--timeout', '1'], cliIo);
    expect(code).toBe(1);
    expect(out.opened).toEqual([]);
    expect(out.stdout).toMatch(/^http:\/\/accounts\.example\.test\/login\?/);
  });
});
