// The Fax.Plus OAuth connect flow (DESIGN.md "Flows", RFC 8252): a pending flow with a random
// state, the authorize URL opened in the system browser (never a window of ours), and the
// callback from the app's scheme or the loopback listener. The state is checked before any
// token request; a callback that matches no pending flow only produces a report.
import type {
  ApiError,
  ConnectEvent,
  EventMap,
  EventName,
  FaxplusOAuthEntry,
  PendingConnect,
  RedirectMode,
} from '../../../../preload/api';
import type { LoopbackFactory, LoopbackHandle } from '../../oauth/loopback.listener';
import type { PendingFlow, PendingFlows } from '../../oauth/pending-flows.store';
import {
  loopbackRedirectUri,
  parseRedirectUrl,
  SCHEME_REDIRECT_URI,
} from '../../oauth/redirect.parser';
import type { Browser, Clock, Scheduler } from '../../ports';
import type { VaultApi } from '../../vault/vault.types';
import { VaultError } from '../../vault/vault.types';
import { ProviderError, redactSecrets } from '../http';
import type { FaxplusClient } from './faxplus.client';

/** Advanced security controls: the authorization must be redone every 30 days. */
export const ADVANCED_SECURITY_MS = 30 * 24 * 3600 * 1000;

export interface FaxplusFlowData {
  label: string;
  clientId: string;
  /** Held in memory only while the flow waits; sealed into the vault on success. */
  clientSecret: string;
  redirectMode: RedirectMode;
  redirectUri: string;
  loopbackPort?: number;
  advancedSecurity: boolean;
  allowMissingState: boolean;
  /** Set when re-authorizing an existing entry. */
  reauthId?: string;
  loopback?: LoopbackHandle;
}

export type RedirectReport =
  | { handled: false; reason: string }
  | { handled: true; flowId: string; outcome: ConnectEvent['outcome'] };

export interface FaxplusConnectDeps {
  vault: VaultApi;
  client: FaxplusClient;
  flows: PendingFlows<FaxplusFlowData>;
  browser: Browser;
  clock: Clock;
  scheduler: Scheduler;
  loopback: LoopbackFactory;
  /** The configured loopback port (settings.loopbackPort). */
  loopbackPort: () => number;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
  /** Reports for ignored callbacks and failures; lines never contain a URL or secret. */
  log?: (line: string) => void;
}

type FlowStart = Omit<FaxplusFlowData, 'redirectUri' | 'loopback'>;

export class FaxplusConnectFlow {
  constructor(private readonly deps: FaxplusConnectDeps) {}

  redirectUri(mode: RedirectMode, port = this.deps.loopbackPort()): string {
    return mode === 'scheme' ? SCHEME_REDIRECT_URI : loopbackRedirectUri(port);
  }

  pendingLabels(): string[] {
    return this.deps.flows.list().map((f) => f.data.label);
  }

  async begin(start: FlowStart): Promise<PendingConnect> {
    const { flows, clock } = this.deps;
    const port = start.loopbackPort ?? this.deps.loopbackPort();
    const data: FaxplusFlowData = {
      ...start,
      redirectUri: this.redirectUri(start.redirectMode, port),
    };
    if (start.redirectMode === 'loopback') data.loopbackPort = port;
    const flow = flows.create(data, {
      allowMissingState: start.allowMissingState,
      onExpire: (f) => this.finish(f, { flowId: f.flowId, outcome: 'expired' }),
    });
    try {
      if (start.redirectMode === 'loopback') {
        const handle = this.deps.loopback({
          port,
          scheduler: this.deps.scheduler,
          timeoutMs: flow.expiresAt - clock.now(),
          onCallback: (url) => void this.handleRedirect(url),
        });
        flow.data.loopback = handle;
        await handle.start();
      }
      const authorizeUrl = this.deps.client.authorizeUrl({
        clientId: start.clientId,
        redirectUri: data.redirectUri,
        state: flow.state,
      });
      // The system browser, never an embedded window (RFC 8252 8.12, security.md 11).
      await this.deps.browser.openExternal(authorizeUrl);
      return {
        flowId: flow.flowId,
        authorizeUrl,
        redirectUri: data.redirectUri,
        expiresAt: flow.expiresAt,
      };
    } catch (err) {
      flows.cancel(flow.flowId);
      await flow.data.loopback?.close();
      if (err instanceof ProviderError || err instanceof VaultError) throw err;
      const why = err instanceof Error ? err.message : 'unknown reason';
      throw new ProviderError('network-error', `Could not start the Fax.Plus sign-in: ${why}`);
    }
  }

  cancel(flowId: string): void {
    const flow = this.deps.flows.cancel(flowId);
    if (flow) this.finish(flow, { flowId, outcome: 'cancelled' });
  }

  /** On quit: every waiting flow ends and its loopback listener closes now, not at timeout. */
  cancelAll(): void {
    for (const flow of this.deps.flows.list()) this.cancel(flow.flowId);
  }

  /** Entry point for deep links and loopback callbacks. Never throws. */
  async handleRedirect(url: string): Promise<RedirectReport> {
    const parsed = parseRedirectUrl(url);
    if (!parsed.ok) return this.ignore(`malformed callback (${parsed.reason})`);
    // The state decides before anything else: no token request for an unknown flow.
    const taken = this.deps.flows.consume(parsed.params.state);
    if (!taken.ok) return this.ignore(`callback with ${taken.reason} state`);
    const flow = taken.flow;
    void flow.data.loopback?.close();
    const { params } = parsed;
    const sameChannel =
      parsed.via === 'scheme'
        ? flow.data.redirectMode === 'scheme'
        : flow.data.redirectMode === 'loopback' && parsed.port === flow.data.loopbackPort;
    if (!sameChannel) {
      return this.fail(
        flow,
        'provider-error',
        'The Fax.Plus answer came through an unexpected redirect URI.',
      );
    }
    if (params.error !== undefined) {
      const detail = params.errorDescription
        ? `${params.error}: ${params.errorDescription}`
        : params.error;
      const message =
        params.error === 'access_denied'
          ? `Access was denied on the Fax.Plus page (${detail}).`
          : `Fax.Plus did not authorize Token Vault (${detail}).`;
      return this.fail(flow, 'auth-error', redactSecrets(message, [flow.data.clientSecret]));
    }
    try {
      const entry = await this.complete(flow, params.code ?? '');
      this.finish(flow, { flowId: flow.flowId, outcome: 'connected', entry });
      return { handled: true, flowId: flow.flowId, outcome: 'connected' };
    } catch (err) {
      const known = err instanceof ProviderError || err instanceof VaultError;
      const message = known
        ? redactSecrets(err.message, [flow.data.clientSecret, params.code])
        : 'Token Vault could not finish connecting Fax.Plus.';
      return this.fail(flow, known ? err.code : 'internal', message);
    }
  }

  private async complete(
    flow: PendingFlow<FaxplusFlowData>,
    code: string,
  ): Promise<FaxplusOAuthEntry> {
    const { vault, client, clock } = this.deps;
    const d = flow.data;
    const tokens = await client.exchangeCode({
      clientId: d.clientId,
      clientSecret: d.clientSecret,
      code,
      redirectUri: d.redirectUri,
    });
    const now = clock.now();
    const meta = {
      status: 'active' as const,
      authorizedAt: now,
      accessExpiresAt: now + tokens.expiresInSeconds * 1000,
      refreshExpiresAt: d.advancedSecurity ? now + ADVANCED_SECURITY_MS : null,
      advancedSecurity: d.advancedSecurity,
      allowMissingState: d.allowMissingState,
      redirectMode: d.redirectMode,
      lastError: undefined,
      ...(d.loopbackPort !== undefined ? { loopbackPort: d.loopbackPort } : {}),
    };
    const secrets: { clientSecret: string; accessToken: string; refreshToken?: string } = {
      clientSecret: d.clientSecret,
      accessToken: tokens.accessToken,
    };
    if (tokens.refreshToken) secrets.refreshToken = tokens.refreshToken;
    const stored = d.reauthId
      ? vault.update(d.reauthId, { ...meta, clientId: d.clientId }, secrets, {
          action: 're-authorized',
        })
      : vault.add(
          {
            kind: 'faxplus-oauth',
            provider: 'faxplus',
            label: d.label,
            clientId: d.clientId,
            ...meta,
          },
          secrets,
        );
    // Verification is a bonus: the tokens are stored first, a failed check is shown on the entry.
    try {
      const account = await client.accountSelf({
        kind: 'oauth',
        accessToken: tokens.accessToken,
        clientId: d.clientId,
      });
      vault.update(stored.id, { account, lastVerifiedAt: clock.now() }, undefined, {
        action: 'verified',
      });
    } catch (err) {
      const message = err instanceof ProviderError ? err.message : 'The account check failed.';
      vault.update(stored.id, { lastError: redactSecrets(message, [tokens.accessToken]) });
    }
    const entry = vault.get(stored.id);
    if (entry.kind !== 'faxplus-oauth') throw new VaultError('not-found', 'The entry vanished.');
    return entry;
  }

  private ignore(reason: string): RedirectReport {
    this.deps.log?.(`Fax.Plus callback ignored: ${reason}.`);
    return { handled: false, reason };
  }

  private fail(
    flow: PendingFlow<FaxplusFlowData>,
    code: ApiError['code'],
    message: string,
  ): RedirectReport {
    this.deps.log?.(`Fax.Plus connect failed: ${message}`);
    this.finish(flow, { flowId: flow.flowId, outcome: 'failed', error: { code, message } });
    return { handled: true, flowId: flow.flowId, outcome: 'failed' };
  }

  private finish(flow: PendingFlow<FaxplusFlowData>, event: ConnectEvent): void {
    void flow.data.loopback?.close();
    this.deps.emit('event:connect', event);
  }
}
