// Wires the provider services from ports: one shared HTTP client, endpoints that honour
// the TOKENVAULT_*_URL overrides, and the Fax.Plus OAuth flow store and loopback listener.
import { providerEndpoints } from '../app/provider-endpoints';
import type { EmitEvent } from '../ipc/emit-event';
import { createLoopbackListener } from '../oauth/loopback.listener';
import { PendingFlows } from '../oauth/pending-flows.store';
import type { Browser, Clock, HttpTransport, Random, Scheduler } from '../ports';
import type { SettingsService } from '../settings/settings.service';
import type { VaultService } from '../vault/vault.service';
import { ApiKeyService } from './api-key/api-key.service';
import type { OAuth2FlowData } from './oauth2/oauth2-connect.flow';
import { OAuth2Service } from './oauth2/oauth2.service';
import { FaxplusClient } from './faxplus/faxplus.client';
import type { FaxplusFlowData } from './faxplus/faxplus-connect.flow';
import { FaxplusService } from './faxplus/faxplus.service';
import { HttpClient } from './http';
import { SmsfactorClient } from './smsfactor/smsfactor.client';
import { SmsfactorService } from './smsfactor/smsfactor.service';

export interface ProviderServicesDeps {
  vault: VaultService;
  settings: SettingsService;
  clock: Clock;
  scheduler: Scheduler;
  random: Random;
  browser: Browser;
  http: HttpTransport;
  env: Record<string, string | undefined>;
  emit: EmitEvent;
  log?: (line: string) => void;
}

export interface ProviderServices {
  faxplus: FaxplusService;
  smsfactor: SmsfactorService;
  apiKeys: ApiKeyService;
  oauth2: OAuth2Service;
}

export function createProviderServices(deps: ProviderServicesDeps): ProviderServices {
  const { vault, settings } = deps;
  const http = new HttpClient({ transport: deps.http });
  const endpoints = providerEndpoints(deps.env);
  const faxplus = new FaxplusService({
    vault,
    client: new FaxplusClient({ http, endpoints: () => endpoints.faxplus }),
    flows: new PendingFlows<FaxplusFlowData>({
      clock: deps.clock,
      scheduler: deps.scheduler,
      random: deps.random,
    }),
    browser: deps.browser,
    clock: deps.clock,
    scheduler: deps.scheduler,
    loopback: createLoopbackListener,
    loopbackPort: () => settings.get().loopbackPort,
    emit: deps.emit,
    // The user-facing notification for needs-reauth comes from the reminders (a 'needs-reauth'
    // item fires on the vault change); notifying here as well would say it twice.
    onAlert: (entry) => deps.log?.(`Fax.Plus "${entry.label}" needs re-authorization.`),
    log: deps.log,
  });
  const smsfactor = new SmsfactorService({
    vault,
    clock: deps.clock,
    clientFor: (format) =>
      new SmsfactorClient({ http, baseUrl: endpoints.smsfactorApiUrl, format }),
    emit: (reason) => deps.emit('event:entries-changed', { reason }),
  });
  // Any service's address: the verification URL is the entry's own (https, or loopback).
  const apiKeys = new ApiKeyService({ vault, http, clock: deps.clock });
  const oauth2 = new OAuth2Service({
    vault,
    http,
    flows: new PendingFlows<OAuth2FlowData>({
      clock: deps.clock,
      scheduler: deps.scheduler,
      random: deps.random,
    }),
    browser: deps.browser,
    clock: deps.clock,
    scheduler: deps.scheduler,
    loopback: createLoopbackListener,
    loopbackPort: () => settings.get().loopbackPort,
    emit: deps.emit,
    // As for Fax.Plus, the reminders announce needs-reauth; this only logs it.
    onAlert: (entry) => deps.log?.(`OAuth 2.0 "${entry.label}" needs to be reconnected.`),
    log: deps.log,
  });
  return { faxplus, smsfactor, apiKeys, oauth2 };
}
