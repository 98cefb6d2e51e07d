// The real pieces wired as main wires them: sandbox over loopback, HttpClient with the real
// fetch transport, SmsfactorService, the real VaultService on a temp dir (through an fs that
// can be made "full" on demand), and the IPC dispatcher in front of the handlers.
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, Req, Result, SmsfactorTokenEntry, WireFormat } from '../../../preload/api';
import type { Handlers } from '../../../main/core/ipc/dispatch';
import { dispatch } from '../../../main/core/ipc/dispatch';
import { createSmsfactorHandlers } from '../../../main/core/ipc/handlers/smsfactor.handlers';
import { fetchTransport, HttpClient } from '../../../main/core/providers/http';
import { SmsfactorClient } from '../../../main/core/providers/smsfactor/smsfactor.client';
import { SmsfactorService } from '../../../main/core/providers/smsfactor/smsfactor.service';
import type { FsLike } from '../../../main/core/vault/fs-like';
import { SafeStore } from '../../../main/core/vault/safe-store';
import { fsBackend } from '../../../main/core/vault/store-backend';
import { VaultService } from '../../../main/core/vault/vault.service';
import { FakeClock } from '../../fakes/fake-clock';
import type { SmsfactorSandbox } from '../../sandbox/smsfactor';
import { startSmsfactorSandbox } from '../../sandbox/smsfactor';

export const PASSWORD = 'correct horse battery staple 42';

export interface Harness {
  sandbox: SmsfactorSandbox;
  clock: FakeClock;
  vault: VaultService;
  service: SmsfactorService;
  /** The vault's directory (vault.json, its .bak, lock and temp files). */
  dir: string;
  /** Set `full = true` to make every vault write fail with ENOSPC. */
  disk: { full: boolean };
  /**
   * The client's timeout, read at each request. `slowPath` gets a short real timeout (300 ms)
   * for the sandbox's 'slow' fault; every other call keeps 10 s, so a busy machine never
   * turns a normal call into a timeout.
   */
  net: { slowPath?: string };
  emitted: string[];
  /** A call through the IPC dispatcher, as the renderer would make it. */
  call<C extends Extract<Channel, `smsfactor:${string}`>>(
    channel: C,
    payload: Req<C>,
  ): Promise<Result<unknown>>;
  /** Stores the sandbox's platform-made token as a parent entry. */
  addParent(format: WireFormat, label?: string): Promise<SmsfactorTokenEntry>;
  close(): Promise<void>;
}

function faultyFs(disk: { full: boolean }): FsLike {
  const enospc = (): never => {
    const err = new Error('ENOSPC: no space left on device, write') as NodeJS.ErrnoException;
    err.code = 'ENOSPC';
    throw err;
  };
  return {
    ...nodeFs,
    writeSync: ((...args: Parameters<typeof nodeFs.writeSync>) =>
      disk.full
        ? enospc()
        : (nodeFs.writeSync as (...a: unknown[]) => number)(...args)) as typeof nodeFs.writeSync,
    writeFileSync: ((...args: Parameters<typeof nodeFs.writeFileSync>) =>
      disk.full ? enospc() : nodeFs.writeFileSync(...args)) as typeof nodeFs.writeFileSync,
    copyFileSync: ((...args: Parameters<typeof nodeFs.copyFileSync>) =>
      disk.full ? enospc() : nodeFs.copyFileSync(...args)) as typeof nodeFs.copyFileSync,
  };
}

export async function startHarness(): Promise<Harness> {
  const clock = new FakeClock();
  const sandbox = await startSmsfactorSandbox({ clock });
  const dir = mkdtempSync(join(tmpdir(), 'tv-smsfactor-'));
  const disk = { full: false };
  const fs = faultyFs(disk);
  const store: SafeStore = new SafeStore({
    dir,
    name: 'vault',
    fs,
    backend: fsBackend(fs),
    now: () => clock.now(),
    validate: (text) => vault.validateFile(text),
  });
  const vault: VaultService = new VaultService({
    store,
    clock,
    scheduler: clock,
    random: { bytes: (n) => new Uint8Array(randomBytes(n)) },
    kdfIterations: 1000,
    // Tests move the clock by hours for TTLs; the idle lock is not what they check.
    idleLockMinutes: () => 0,
  });
  vault.start();
  await vault.create(PASSWORD);

  const net: { slowPath?: string } = {};
  const timeoutFor = (url: string): number =>
    net.slowPath !== undefined && new URL(url).pathname === net.slowPath ? 300 : 10_000;
  const http = new HttpClient({
    transport: { send: (req) => fetchTransport.send({ ...req, timeoutMs: timeoutFor(req.url) }) },
  });
  const emitted: string[] = [];
  const service = new SmsfactorService({
    vault,
    clientFor: (format) => new SmsfactorClient({ http, baseUrl: sandbox.apiUrl, format }),
    clock,
    emit: (reason) => emitted.push(reason),
  });
  const handlers = createSmsfactorHandlers({ smsfactor: service }) as unknown as Handlers;

  return {
    sandbox,
    clock,
    vault,
    service,
    dir,
    disk,
    net,
    emitted,
    call: (channel, payload) =>
      dispatch(handlers, { isTrustedSender: () => true }, channel, {}, payload),
    addParent: (format, label = `Parent ${format}`) =>
      service.addToken({ label, token: sandbox.control.seed.parentToken, format }),
    close: async () => {
      vault.lock();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
