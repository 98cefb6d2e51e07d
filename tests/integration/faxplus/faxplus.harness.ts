// Test wiring: the Fax.Plus sandbox on 127.0.0.1, H1's real vault in a temp folder, and the
// real Fax.Plus service, all on one FakeClock so tokens expire without sleeping. Everything a
// user or a log could see (events, alerts, report lines, browser calls) is captured.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectEvent, EntryView, EventMap, EventName } from '../../../preload/api';
import { createLoopbackListener } from '../../../main/core/oauth/loopback.listener';
import type { LoopbackFactory } from '../../../main/core/oauth/loopback.listener';
import { PendingFlows } from '../../../main/core/oauth/pending-flows.store';
import type { HttpTransport, Random } from '../../../main/core/ports';
import { fetchTransport, HttpClient } from '../../../main/core/providers/http';
import { FaxplusClient } from '../../../main/core/providers/faxplus/faxplus.client';
import type { FaxplusFlowData } from '../../../main/core/providers/faxplus/faxplus-connect.flow';
import { FaxplusService } from '../../../main/core/providers/faxplus/faxplus.service';
import { createVaultService } from '../../../main/core/vault/vault.factory';
import type { VaultService } from '../../../main/core/vault/vault.service';
import { FakeClock } from '../../fakes/fake-clock';
import type { FaxplusSandbox, FaxplusSandboxOptions } from '../../sandbox/faxplus/faxplus.sandbox';
import { DEMO_CLIENT, startFaxplusSandbox } from '../../sandbox/faxplus/faxplus.sandbox';

export const PASSWORD = 'fax harness passphrase 9!';

export const cryptoRandom: Random = { bytes: (n) => new Uint8Array(randomBytes(n)) };

export interface HarnessOptions {
  sandbox?: FaxplusSandboxOptions;
  /** HTTP timeout of the client; short for the 'slow' fault. */
  timeoutMs?: number;
  loopbackPort?: number;
  loopback?: LoopbackFactory;
  transport?: HttpTransport;
  random?: Random;
}

export interface Harness {
  clock: FakeClock;
  sandbox: FaxplusSandbox;
  vault: VaultService;
  service: FaxplusService;
  flows: PendingFlows<FaxplusFlowData>;
  opened: string[];
  events: ConnectEvent[];
  alerts: { entry: EntryView; message: string }[];
  logs: string[];
  dir: string;
  /** connect() with the demo client, press Approve on the sandbox, deliver the redirect. */
  /** Resolves with the next 'event:connect' (the loopback path completes asynchronously). */
  nextEvent(): Promise<ConnectEvent>;
  connectDemo(label?: string, extra?: Partial<ConnectRequest>): Promise<EntryView>;
  close(): Promise<void>;
}

type ConnectRequest = Parameters<FaxplusService['connect']>[0];

export function demoConnect(label: string, extra: Partial<ConnectRequest> = {}): ConnectRequest {
  return {
    label,
    clientId: DEMO_CLIENT.clientId,
    clientSecret: DEMO_CLIENT.clientSecret,
    redirectMode: 'scheme',
    advancedSecurity: true,
    allowMissingState: false,
    ...extra,
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new FakeClock();
  const sandbox = await startFaxplusSandbox({ clock: () => clock.now(), ...options.sandbox });
  const dir = mkdtempSync(join(tmpdir(), 'tv-faxplus-'));
  const vault = createVaultService({
    dir,
    clock,
    scheduler: clock,
    random: cryptoRandom,
    kdfIterations: 1000,
    idleLockMinutes: () => 0,
  });
  vault.start();
  await vault.create(PASSWORD);

  const opened: string[] = [];
  const events: ConnectEvent[] = [];
  const alerts: { entry: EntryView; message: string }[] = [];
  const logs: string[] = [];
  let waiters: ((event: ConnectEvent) => void)[] = [];
  const http = new HttpClient({
    transport: options.transport ?? fetchTransport,
    timeoutMs: options.timeoutMs ?? 5_000,
  });
  const client = new FaxplusClient({
    http,
    endpoints: () => ({ accountsUrl: sandbox.accountsUrl, apiUrl: sandbox.apiUrl }),
  });
  const flows = new PendingFlows<FaxplusFlowData>({
    clock,
    scheduler: clock,
    random: options.random ?? cryptoRandom,
  });
  const service = new FaxplusService({
    vault,
    client,
    flows,
    browser: { openExternal: async (url) => void opened.push(url) },
    clock,
    scheduler: clock,
    loopback: options.loopback ?? createLoopbackListener,
    loopbackPort: () => options.loopbackPort ?? 0,
    emit: <E extends EventName>(event: E, payload: EventMap[E]) => {
      if (event !== 'event:connect') return;
      events.push(payload as ConnectEvent);
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve(payload as ConnectEvent);
    },
    onAlert: (entry, message) => alerts.push({ entry, message }),
    log: (line) => logs.push(line),
  });

  return {
    clock,
    sandbox,
    vault,
    service,
    flows,
    opened,
    events,
    alerts,
    logs,
    dir,
    nextEvent: () => new Promise<ConnectEvent>((resolve) => waiters.push(resolve)),
    async connectDemo(label = 'billing', extra = {}) {
      const pending = await service.connect(demoConnect(label, extra));
      const redirect = await sandbox.control.authorize(pending.authorizeUrl);
      const report = await service.handleRedirect(redirect);
      const event = events.at(-1);
      if (!report.handled || event?.outcome !== 'connected' || !event.entry) {
        throw new Error(`connect failed: ${JSON.stringify(report)} ${event?.error?.message ?? ''}`);
      }
      return event.entry;
    },
    async close() {
      await sandbox.close();
      vault.lock();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
