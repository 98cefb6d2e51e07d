// issue 6 item 4 from the command line's side: the app (an in-process vault service) and
// three `tokenvault create smsfactor` processes write the same vault at once; nothing is lost.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRandom } from '../../../main/core/vault/crypto';
import { createVaultService } from '../../../main/core/vault/vault.factory';
import { FakeClock } from '../../fakes/fake-clock';
import { startSmsfactorSandbox, type SmsfactorSandbox } from '../../sandbox/smsfactor';
import { baseEnv, prepareCli, runCli, tempVaultDir, TEST_PASSWORD } from './cli-harness';

let sandbox: SmsfactorSandbox;
let vault: ReturnType<typeof tempVaultDir>;
let env: Record<string, string>;

/** Forwards to `target`, holding POST requests until `release()` once `count` are waiting. */
async function gatedProxy(target: string, count: number) {
  let release: () => void = () => undefined;
  const opened = new Promise<void>((r) => (release = r));
  let held = 0;
  let allHeldResolve: () => void = () => undefined;
  const allHeld = new Promise<void>((r) => (allHeldResolve = r));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.method === 'POST') {
        held += 1;
        if (held === count) allHeldResolve();
        await opened;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
      }
      const answer = await fetch(`${target}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
      });
      res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? '' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    allHeld,
    release,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
beforeAll(async () => {
  await prepareCli();
  sandbox = await startSmsfactorSandbox();
  vault = tempVaultDir();
  env = baseEnv(vault.dir, { TOKENVAULT_SMSFACTOR_API_URL: sandbox.apiUrl });
  expect((await runCli(['init'], { env })).code).toBe(0);
  const add = await runCli(['add', 'smsfactor', '--label', 'acme'], {
    env,
    input: `${sandbox.control.seed.parentToken}\n`,
  });
  expect(add.code).toBe(0);
});

afterAll(async () => {
  await sandbox.close();
  vault.cleanup();
});

describe('the app and the command line writing one vault', () => {
  it('lose no update when every CLI save lands after the app wrote', async () => {
    // A gate in front of the sandbox holds the three mint requests, so each CLI process has
    // loaded the vault BEFORE the app writes, and saves AFTER: the worst case for lost updates.
    const gate = await gatedProxy(sandbox.apiUrl, 3);
    const clock = new FakeClock();
    const app = createVaultService({
      dir: vault.dir,
      clock,
      scheduler: clock,
      random: nodeRandom(),
    });
    app.start();
    await app.unlock(TEST_PASSWORD);
    const gatedEnv = { ...env, TOKENVAULT_SMSFACTOR_API_URL: gate.url };
    const cli = ['w1', 'w2', 'w3'].map((name) =>
      runCli(['create', 'smsfactor', '--parent', 'acme', '--name', name], { env: gatedEnv }),
    );
    await gate.allHeld;
    for (let i = 0; i < 15; i++) {
      app.add(
        {
          label: `app ${i}`,
          provider: 'faxplus',
          kind: 'faxplus-pat',
          status: 'active',
          expiresAt: null,
          scopes: [],
        },
        { pat: `alohi_pat_app_${i}` },
      );
    }
    gate.release();
    expect((await Promise.all(cli)).map((r) => r.code)).toEqual([0, 0, 0]);
    await gate.close();
    app.lock();
    const list = JSON.parse((await runCli(['list', '--json'], { env })).stdout);
    const labels = list.entries.map((e: { label: string }) => e.label);
    for (const l of ['w1', 'w2', 'w3', ...Array.from({ length: 15 }, (_, i) => `app ${i}`)]) {
      expect(labels).toContain(l);
    }
  });
});
