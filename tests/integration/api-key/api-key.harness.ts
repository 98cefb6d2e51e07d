// Test wiring for API-key entries: the "any API" sandbox on 127.0.0.1, a real vault in a temp
// folder on a FakeClock, the real ApiKeyService over the loopback-only transport, and the
// real header export (its clipboard a fake).
import { rmSync } from 'node:fs';
import type { Req } from '../../../preload/api';
import { HeadersService } from '../../../main/core/export/headers.service';
import { ApiKeyService } from '../../../main/core/providers/api-key/api-key.service';
import { HttpClient } from '../../../main/core/providers/http';
import { LoopbackOnlyTransport } from '../../fakes/loopback-only-transport';
import { PASSWORD, makeVault, tempDir } from '../../unit/core/vault/vault-helpers';
import { startApiKeySandbox, type ApiKeySandbox } from '../../sandbox/api-key/api-key.sandbox';

export type AddRequest = Req<'apikey:add'>;

export async function startApiKeyHarness() {
  const sandbox: ApiKeySandbox = await startApiKeySandbox();
  const dir = tempDir();
  // No idle lock: tests move the clock by days.
  const { vault, clock, path } = makeVault(dir, () => 0);
  await vault.create(PASSWORD);
  const transport = new LoopbackOnlyTransport();
  const service = new ApiKeyService({ vault, http: new HttpClient({ transport }), clock });
  const copied: string[] = [];
  const headers = new HeadersService({
    vault,
    guard: {
      write: (text) => {
        copied.push(text);
        return { clearsAt: null };
      },
      onLock: () => undefined,
    },
    getAccessToken: () => Promise.reject(new Error('API keys are never refreshed.')),
    defaultFormat: () => 'http',
  });
  /** An add request for one of the sandbox's routes, with the key it accepts. */
  const request = (label: string, extra: Partial<AddRequest> = {}): AddRequest => ({
    label,
    secret: sandbox.keys.stripe,
    headerName: 'Authorization',
    template: 'Bearer {token}',
    extraHeaders: [],
    expiresAt: null,
    verifyUrl: `${sandbox.url}/stripe/v1/balance`,
    ...extra,
  });
  return {
    sandbox,
    dir,
    path,
    vault,
    clock,
    transport,
    service,
    headers,
    copied,
    request,
    async close() {
      vault.lock();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ApiKeyHarness = Awaited<ReturnType<typeof startApiKeyHarness>>;
