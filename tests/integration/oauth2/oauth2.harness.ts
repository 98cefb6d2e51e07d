// Test wiring for generic OAuth 2.0: the strict sandbox on 127.0.0.1 and a real vault in a
// temp folder on one FakeClock, the real OAuth2Service over the loopback-only transport, a
// recording browser, and every connect event captured.
import { rmSync } from 'node:fs';
import type { ConnectEvent, EntryView } from '../../../preload/api';
import { createLoopbackListener } from '../../../main/core/oauth/loopback.listener';
import { PendingFlows } from '../../../main/core/oauth/pending-flows.store';
import { HttpClient } from '../../../main/core/providers/http';
import type { OAuth2FlowData } from '../../../main/core/providers/oauth2/oauth2-connect.flow';
import {
  OAuth2Service,
  type OAuth2ConnectRequest,
} from '../../../main/core/providers/oauth2/oauth2.service';
import { nodeRandom } from '../../../main/core/vault/crypto';
import { LoopbackOnlyTransport } from '../../fakes/loopback-only-transport';
import { RecordingBrowser } from '../../fakes/recording-browser';
import { PASSWORD, makeVault, tempDir } from '../../unit/core/vault/vault-helpers';
import {
  DEMO_OAUTH2_CLIENT,
  startOAuth2Sandbox,
  type OAuth2SandboxOptions,
} from '../../sandbox/oauth2/oauth2.sandbox';

export async function startOAuth2Harness(options: OAuth2SandboxOptions = {}) {
  const dir = tempDir();
  const { vault, clock, path } = makeVault(dir, () => 0);
  const sandbox = await startOAuth2Sandbox({ clock: () => clock.now(), ...options });
  await vault.create(PASSWORD);
  const transport = new LoopbackOnlyTransport();
  const browser = new RecordingBrowser();
  const events: ConnectEvent[] = [];
  const alerts: { entry: EntryView; message: string }[] = [];
  const logs: string[] = [];
  const waiting: ((e: ConnectEvent) => void)[] = [];
  const service = new OAuth2Service({
    vault,
    http: new HttpClient({ transport }),
    flows: new PendingFlows<OAuth2FlowData>({ clock, scheduler: clock, random: nodeRandom() }),
    browser,
    clock,
    scheduler: clock,
    loopback: createLoopbackListener,
    loopbackPort: () => 43119,
    emit: (event, payload) => {
      if (event !== 'event:connect') return;
      const e = payload as ConnectEvent;
      events.push(e);
      waiting.shift()?.(e);
    },
    onAlert: (entry, message) => alerts.push({ entry, message }),
    log: (line) => logs.push(line),
  });

  /** A connect request for the demo client, by discovery of the sandbox's issuer. */
  const request = (
    label: string,
    extra: Partial<OAuth2ConnectRequest> = {},
  ): OAuth2ConnectRequest => ({
    label,
    issuer: sandbox.issuer,
    clientId: DEMO_OAUTH2_CLIENT.clientId,
    clientSecret: DEMO_OAUTH2_CLIENT.clientSecret,
    scopes: ['read'],
    redirectMode: 'scheme',
    ...extra,
  });

  /** connect -> the sandbox approves -> the redirect is delivered; the event it ended with. */
  const connect = async (label: string, extra: Partial<OAuth2ConnectRequest> = {}) => {
    const pending = await service.connect(request(label, extra));
    const redirect = await sandbox.control.authorize(pending.authorizeUrl);
    await service.handleRedirect(redirect);
    const event = events.at(-1);
    return { pending, redirect, event, entry: event?.entry };
  };

  return {
    dir,
    path,
    vault,
    clock,
    sandbox,
    transport,
    browser,
    events,
    alerts,
    logs,
    service,
    request,
    connect,
    nextEvent: () => new Promise<ConnectEvent>((resolve) => waiting.push(resolve)),
    tokenRequests: () => sandbox.control.requests.filter((r) => r.path.endsWith('/token')),
    async close() {
      service.stop();
      vault.lock();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type OAuth2Harness = Awaited<ReturnType<typeof startOAuth2Harness>>;
