// The CLI's composition root: the same core services as the app, over the same vault file,
// with `conf` as the store (no Electron). Provider modules load only when a command needs
// them, so `tokenvault headers` for a PAT or SMSFactor token never evaluates the OAuth code.
import { providerEndpoints, type ProviderEndpoints } from '../core/app/provider-endpoints';
import type { ApiKeyService } from '../core/providers/api-key/api-key.service';
import type { OAuth2Service } from '../core/providers/oauth2/oauth2.service';
import type { ConnectEvent, EntryView, ProviderId, Settings } from '../../preload/api';
import type { HeadersService } from '../core/export/headers.service';
import type { Clock, Scheduler } from '../core/ports';
import type { FaxplusClient } from '../core/providers/faxplus/faxplus.client';
import type { FaxplusSession } from '../core/providers/faxplus/faxplus-session.service';
import type { FaxplusService } from '../core/providers/faxplus/faxplus.service';
import { HttpClient, fetchTransport } from '../core/providers/http';
import type { SmsfactorService } from '../core/providers/smsfactor/smsfactor.service';
import { nodeRandom } from '../core/vault/crypto';
import { createVaultService } from '../core/vault/vault.factory';
import type { VaultService } from '../core/vault/vault.service';
import { VaultError } from '../core/vault/vault.types';
import { cliHeaders, findEntryIn } from './cli-read-core';
import { loadSettings } from './cli-settings';

export interface CliCoreOptions {
  dir: string;
  env: Record<string, string | undefined>;
  /** PBKDF2 iterations for a vault created by this process (`init` only; see cli-kdf.ts). */
  kdfIterations?: number;
  /** Human notes for stderr (a recovered vault file). */
  warn: (message: string) => void;
}

export type ProviderUrls = ProviderEndpoints;
/** Same resolution as the app: the real hosts unless TOKENVAULT_*_URL points elsewhere. */
export const providerUrls = providerEndpoints;

/**
 * Real time. Timers keep the process alive (the connect flow waits on them); the entry point
 * calls process.exit once the command is done, so none of them can hold the CLI open after.
 */
export const systemClock: Clock & Scheduler = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const t = setTimeout(callback, delayMs);
    return { cancel: () => clearTimeout(t) };
  },
};

export interface FaxplusServiceOptions {
  /** False for --no-browser (and for commands that never open one). */
  openBrowser: boolean;
  openUrl?: (url: string) => Promise<void>;
  loopbackPort?: number;
  /** How long a connect flow (and its loopback listener) waits. */
  flowLifetimeMs?: number;
  onConnect?: (event: ConnectEvent) => void;
}

export class CliCore {
  readonly vault: VaultService;
  readonly clock = systemClock;
  readonly urls: ProviderUrls;
  readonly http: HttpClient;
  private session: Promise<FaxplusSession> | undefined;
  private faxplusClient: Promise<FaxplusClient> | undefined;
  private sms: Promise<SmsfactorService> | undefined;
  private keys: Promise<ApiKeyService> | undefined;
  private oauth2Value: Promise<OAuth2Service> | undefined;
  private settingsValue: Promise<Settings> | undefined;

  constructor(private readonly options: CliCoreOptions) {
    this.urls = providerUrls(options.env);
    this.http = new HttpClient({ transport: fetchTransport });
    this.vault = createVaultService({
      dir: options.dir,
      clock: systemClock,
      scheduler: systemClock,
      random: nodeRandom(),
      kdfIterations: options.kdfIterations,
      // A command lives for seconds; the app's idle lock does not apply.
      idleLockMinutes: () => 0,
    });
  }

  start(): void {
    const report = this.vault.start();
    if (report.notice) this.options.warn(report.notice);
  }

  /** Throws VaultError('vault-missing') (exit 3) when there is no vault in the folder. */
  requireVault(): void {
    if (!this.vault.status().exists) {
      throw new VaultError(
        'vault-missing',
        `No vault in ${this.options.dir}. Run \`tokenvault init\`, or pass --vault DIR / set TOKENVAULT_HOME.`,
      );
    }
  }

  /** The entry with this label; `provider` picks one when several providers use it. */
  findEntry(label: string, provider?: ProviderId): EntryView {
    return findEntryIn(this.vault, label, provider);
  }

  headers(): HeadersService {
    return cliHeaders(this.vault, (id, minValidMs) => this.accessToken(id, minValidMs));
  }

  /** A live access token of a refreshed kind (Fax.Plus OAuth, OAuth 2.0), refreshed if due. */
  async accessToken(id: string, minValidMs?: number): Promise<string> {
    const sessions: Partial<Record<ProviderId, () => Promise<string>>> = {
      faxplus: async () => (await this.faxplusSession()).getAccessToken(id, minValidMs),
      oauth2: async () => (await this.oauth2Service()).getAccessToken(id, minValidMs),
    };
    const entry = this.vault.get(id);
    const session = sessions[entry.provider];
    if (!session) throw new VaultError('invalid-input', `"${entry.label}" is not refreshed.`);
    return session();
  }

  /**
   * What `remove` does at the provider first, by provider: an OAuth 2.0 grant is revoked
   * (RFC 7009) unless --keep-grant. Resolves with whether something was revoked.
   */
  async revokeOnRemove(entry: EntryView): Promise<boolean> {
    const revokers: Partial<Record<ProviderId, () => Promise<boolean>>> = {
      oauth2: async () => (await this.oauth2Service()).revoke(entry.id),
    };
    return (await revokers[entry.provider]?.()) ?? false;
  }

  /** The generic OAuth 2.0 service (connect with the loopback listener, refresh, revoke). */
  oauth2Service(options: FaxplusServiceOptions = { openBrowser: false }): Promise<OAuth2Service> {
    const make = async () => {
      const [settings, svc, flows, loopback, policy] = await Promise.all([
        this.settings(),
        import('../core/providers/oauth2/oauth2.service'),
        import('../core/oauth/pending-flows.store'),
        import('../core/oauth/loopback.listener'),
        import('../core/app/external-url.policy'),
      ]);
      return new svc.OAuth2Service({
        vault: this.vault,
        http: this.http,
        flows: new flows.PendingFlows({
          clock: this.clock,
          scheduler: this.clock,
          random: nodeRandom(),
          ...(options.flowLifetimeMs ? { lifetimeMs: options.flowLifetimeMs } : {}),
        }),
        browser: {
          // Only https pages (and the loopback sandbox) open in the browser (security.md 5).
          openExternal: async (url, allowOrigins = []) => {
            if (
              options.openBrowser &&
              options.openUrl &&
              policy.isAllowedExternalUrl(url, allowOrigins)
            ) {
              await options.openUrl(url);
            }
          },
        },
        clock: this.clock,
        scheduler: this.clock,
        loopback: loopback.createLoopbackListener,
        loopbackPort: () => options.loopbackPort ?? settings.loopbackPort,
        emit: (event, payload) => {
          if (event === 'event:connect') options.onConnect?.(payload as ConnectEvent);
        },
      });
    };
    // A connect needs its own options; every other use shares one service.
    if (options.onConnect) return make();
    this.oauth2Value ??= make();
    return this.oauth2Value;
  }

  faxplus(): Promise<FaxplusClient> {
    this.faxplusClient ??= import('../core/providers/faxplus/faxplus.client').then(
      (m) => new m.FaxplusClient({ http: this.http, endpoints: () => this.urls.faxplus }),
    );
    return this.faxplusClient;
  }

  faxplusSession(): Promise<FaxplusSession> {
    this.session ??= Promise.all([
      this.faxplus(),
      import('../core/providers/faxplus/faxplus-session.service'),
    ]).then(
      ([client, m]) => new m.FaxplusSession({ vault: this.vault, client, clock: this.clock }),
    );
    return this.session;
  }

  /** The app's settings (settings.json beside the vault; defaults when absent). */
  settings(): Promise<Settings> {
    this.settingsValue ??= loadSettings(this.options.dir);
    return this.settingsValue;
  }

  /** The full Fax.Plus service (PATs, OAuth connect with the loopback listener). */
  async faxplusService(options: FaxplusServiceOptions): Promise<FaxplusService> {
    const [settings, client, svc, flows, loopback, policy] = await Promise.all([
      this.settings(),
      this.faxplus(),
      import('../core/providers/faxplus/faxplus.service'),
      import('../core/oauth/pending-flows.store'),
      import('../core/oauth/loopback.listener'),
      import('../core/app/external-url.policy'),
    ]);
    const extraOrigins = [new URL(this.urls.faxplus.accountsUrl).origin];
    return new svc.FaxplusService({
      vault: this.vault,
      client,
      flows: new flows.PendingFlows({
        clock: this.clock,
        scheduler: this.clock,
        random: nodeRandom(),
        ...(options.flowLifetimeMs ? { lifetimeMs: options.flowLifetimeMs } : {}),
      }),
      browser: {
        // Same allow-list as the app (security.md 5); the sandbox origin is allowed only
        // because TOKENVAULT_FAXPLUS_ACCOUNTS_URL names it.
        openExternal: async (url) => {
          if (
            options.openBrowser &&
            options.openUrl &&
            policy.isAllowedExternalUrl(url, extraOrigins)
          ) {
            await options.openUrl(url);
          }
        },
      },
      clock: this.clock,
      scheduler: this.clock,
      loopback: loopback.createLoopbackListener,
      // Same default port as the app, so one redirect URI registered at Fax.Plus serves both.
      loopbackPort: () => options.loopbackPort ?? settings.loopbackPort,
      emit: (event, payload) => {
        if (event === 'event:connect') options.onConnect?.(payload as ConnectEvent);
      },
    });
  }

  smsfactor(): Promise<SmsfactorService> {
    this.sms ??= Promise.all([
      import('../core/providers/smsfactor/smsfactor.client'),
      import('../core/providers/smsfactor/smsfactor.service'),
    ]).then(
      ([c, s]) =>
        new s.SmsfactorService({
          vault: this.vault,
          clock: this.clock,
          clientFor: (format) =>
            new c.SmsfactorClient({ http: this.http, baseUrl: this.urls.smsfactorApiUrl, format }),
        }),
    );
    return this.sms;
  }

  apiKeys(): Promise<ApiKeyService> {
    this.keys ??= import('../core/providers/api-key/api-key.service').then(
      (m) => new m.ApiKeyService({ vault: this.vault, http: this.http, clock: this.clock }),
    );
    return this.keys;
  }
}

export function openCliCore(options: CliCoreOptions): CliCore {
  const core = new CliCore(options);
  core.start();
  return core;
}
