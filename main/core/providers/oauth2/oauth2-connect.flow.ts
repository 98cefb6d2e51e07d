// Connecting any OAuth 2.0 server (issue 21 part 1; RFC 6749, 7636, 8252, 9207, 9700): a
// pending flow with a random single-use state and a PKCE verifier held in memory only, the
// authorize URL opened in the system browser, the callback from the app's scheme or the
// loopback listener. The state decides first; then oauth4webapi checks `iss` and the error
// answer before the code is exchanged; nothing is stored unless the exchange succeeds.
import type {
  ApiError,
  ConnectEvent,
  EventMap,
  EventName,
  OAuth2ClientAuth,
  OAuth2Entry,
  PendingConnect,
  RedirectMode,
} from '../../../../preload/api';
import type { LoopbackFactory, LoopbackHandle } from '../../oauth/loopback.listener';
import type { PendingFlow, PendingFlows } from '../../oauth/pending-flows.store';
import {
  loopbackRedirectUri,
  OAUTH2_CALLBACK_PATH,
  parseRedirectUrl,
  schemeRedirectUri,
} from '../../oauth/redirect.parser';
import type { Browser, Clock, Scheduler } from '../../ports';
import { VaultError, type VaultApi } from '../../vault/vault.types';
import { ProviderError, redactSecrets } from '../http';
import { authorizeUrl, challengeOf, newVerifier, type OAuth2Client } from './oauth2.client';
import type { ResolvedServer } from './oauth2.server';
import { deadlinesFrom } from './oauth2-session';

export interface OAuth2FlowData {
  label: string;
  profile?: string;
  server: ResolvedServer;
  clientId: string;
  clientAuth: OAuth2ClientAuth;
  /** In memory only while the flow waits; sealed into the vault on success. */
  clientSecret?: string;
  scopes: string[];
  scopeSeparator: ' ' | ',';
  authorizeParams: Record<string, string>;
  refreshDays?: number;
  verifyUrl?: string;
  redirectMode: RedirectMode;
  redirectUri: string;
  loopbackPort?: number;
  /** PKCE: never stored, never logged, gone with the flow. */
  verifier: string;
  reauthId?: string;
  loopback?: LoopbackHandle;
}

export type OAuth2FlowStart = Omit<OAuth2FlowData, 'redirectUri' | 'loopback' | 'verifier'>;

export type RedirectReport =
  | { handled: false; reason: string }
  | { handled: true; flowId: string; outcome: ConnectEvent['outcome'] };

export interface OAuth2ConnectDeps {
  vault: VaultApi;
  client: OAuth2Client;
  flows: PendingFlows<OAuth2FlowData>;
  browser: Browser;
  clock: Clock;
  scheduler: Scheduler;
  loopback: LoopbackFactory;
  loopbackPort: () => number;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
  log?: (line: string) => void;
}

export class OAuth2ConnectFlow {
  constructor(private readonly deps: OAuth2ConnectDeps) {}

  redirectUri(mode: RedirectMode, port = this.deps.loopbackPort()): string {
    return mode === 'scheme'
      ? schemeRedirectUri(OAUTH2_CALLBACK_PATH)
      : loopbackRedirectUri(port, OAUTH2_CALLBACK_PATH);
  }

  pendingLabels(): string[] {
    return this.deps.flows.list().map((f) => f.data.label);
  }

  async begin(start: OAuth2FlowStart): Promise<PendingConnect> {
    const { flows, clock } = this.deps;
    const port = start.loopbackPort ?? this.deps.loopbackPort();
    const data: OAuth2FlowData = {
      ...start,
      redirectUri: this.redirectUri(start.redirectMode, port),
      verifier: newVerifier(),
    };
    if (start.redirectMode === 'loopback') data.loopbackPort = port;
    const flow = flows.create(data, {
      allowMissingState: false,
      onExpire: (f) => this.finish(f, { flowId: f.flowId, outcome: 'expired' }),
    });
    try {
      if (start.redirectMode === 'loopback') {
        const handle = this.deps.loopback({
          port,
          path: OAUTH2_CALLBACK_PATH,
          scheduler: this.deps.scheduler,
          timeoutMs: flow.expiresAt - clock.now(),
          onCallback: (url) => void this.handleRedirect(url),
        });
        flow.data.loopback = handle;
        await handle.start();
      }
      const url = authorizeUrl(start.server.as, {
        clientId: start.clientId,
        redirectUri: data.redirectUri,
        state: flow.state,
        codeChallenge: await challengeOf(data.verifier),
        scopes: start.scopes,
        scopeSeparator: start.scopeSeparator,
        params: start.authorizeParams,
      });
      // The system browser, never a window of ours (RFC 8252 8.12, security.md 11).
      // Its origin is the authorize endpoint the user configured (checked https or loopback).
      await this.deps.browser.openExternal(url, [new URL(url).origin]);
      return {
        flowId: flow.flowId,
        authorizeUrl: url,
        redirectUri: data.redirectUri,
        expiresAt: flow.expiresAt,
      };
    } catch (err) {
      flows.cancel(flow.flowId);
      await flow.data.loopback?.close();
      if (err instanceof ProviderError || err instanceof VaultError) throw err;
      const why = err instanceof Error ? err.message : 'unknown reason';
      throw new ProviderError('network-error', `Could not start the sign-in: ${why}`);
    }
  }

  cancel(flowId: string): void {
    const flow = this.deps.flows.cancel(flowId);
    if (flow) this.finish(flow, { flowId, outcome: 'cancelled' });
  }

  cancelAll(): void {
    for (const flow of this.deps.flows.list()) this.cancel(flow.flowId);
  }

  /** Deep links and loopback callbacks land here. Never throws. */
  async handleRedirect(url: string): Promise<RedirectReport> {
    const parsed = parseRedirectUrl(url, OAUTH2_CALLBACK_PATH);
    if (!parsed.ok) return this.ignore(`malformed callback (${parsed.reason})`);
    const taken = this.deps.flows.consume(parsed.params.state);
    if (!taken.ok) return this.ignore(`callback with ${taken.reason} state`);
    const flow = taken.flow;
    void flow.data.loopback?.close();
    const sameChannel =
      parsed.via === 'scheme'
        ? flow.data.redirectMode === 'scheme'
        : flow.data.redirectMode === 'loopback' && parsed.port === flow.data.loopbackPort;
    if (!sameChannel) {
      return this.fail(
        flow,
        'provider-error',
        'The answer came through an unexpected redirect URI.',
      );
    }
    const callback = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    // Explicit endpoints name no issuer: an `iss` then has nothing to be checked against.
    if (flow.data.server.issuer === undefined) callback.delete('iss');
    try {
      const entry = await this.complete(flow, callback);
      this.finish(flow, { flowId: flow.flowId, outcome: 'connected', entry });
      return { handled: true, flowId: flow.flowId, outcome: 'connected' };
    } catch (err) {
      const known = err instanceof ProviderError || err instanceof VaultError;
      const secrets = [flow.data.clientSecret, parsed.params.code, flow.data.verifier];
      const message = known
        ? redactSecrets(err.message, secrets)
        : 'Token Vault could not finish connecting.';
      return this.fail(flow, known ? err.code : 'internal', message);
    }
  }

  private async complete(
    flow: PendingFlow<OAuth2FlowData>,
    callback: URLSearchParams,
  ): Promise<OAuth2Entry> {
    const { vault, client, clock } = this.deps;
    const d = flow.data;
    const info = {
      clientId: d.clientId,
      clientAuth: d.clientAuth,
      ...(d.clientSecret ? { clientSecret: d.clientSecret } : {}),
    };
    const set = await client.exchangeCode(d.server.as, info, callback, {
      state: flow.state,
      redirectUri: d.redirectUri,
      verifier: d.verifier,
    });
    const now = clock.now();
    const meta = {
      status: 'active' as const,
      authorizedAt: now,
      ...deadlinesFrom(set, now, d.refreshDays),
      hasRefreshToken: set.refreshToken !== undefined,
      scopes: set.scope !== undefined ? set.scope.split(/[ ,]+/).filter(Boolean) : d.scopes,
      lastError: undefined,
      lastVerifiedAt: now,
    };
    const secrets: { clientSecret?: string; accessToken: string; refreshToken?: string } = {
      accessToken: set.accessToken,
    };
    if (d.clientSecret) secrets.clientSecret = d.clientSecret;
    if (set.refreshToken) secrets.refreshToken = set.refreshToken;
    const stored = d.reauthId
      ? vault.update(d.reauthId, meta, secrets, { action: 're-authorized' })
      : vault.add(
          {
            kind: 'oauth2',
            provider: 'oauth2',
            label: d.label,
            ...(d.profile ? { profile: d.profile } : {}),
            ...(d.server.issuer ? { issuer: d.server.issuer } : {}),
            authorizeUrl: d.server.authorizeUrl,
            tokenUrl: d.server.tokenUrl,
            ...(d.server.revocationUrl ? { revocationUrl: d.server.revocationUrl } : {}),
            issParameter: d.server.issParameter,
            clientId: d.clientId,
            clientAuth: d.clientAuth,
            scopeSeparator: d.scopeSeparator,
            authorizeParams: d.authorizeParams,
            redirectMode: d.redirectMode,
            ...(d.loopbackPort !== undefined ? { loopbackPort: d.loopbackPort } : {}),
            ...(d.refreshDays !== undefined ? { refreshDays: d.refreshDays } : {}),
            ...(d.verifyUrl ? { verifyUrl: d.verifyUrl } : {}),
            ...meta,
          },
          secrets,
        );
    const entry = vault.get(stored.id);
    if (entry.kind !== 'oauth2') throw new VaultError('not-found', 'The entry vanished.');
    return entry;
  }

  private ignore(reason: string): RedirectReport {
    this.deps.log?.(`OAuth 2.0 callback ignored: ${reason}.`);
    return { handled: false, reason };
  }

  private fail(
    flow: PendingFlow<OAuth2FlowData>,
    code: ApiError['code'],
    message: string,
  ): RedirectReport {
    this.deps.log?.(`OAuth 2.0 connect failed: ${message}`);
    this.finish(flow, { flowId: flow.flowId, outcome: 'failed', error: { code, message } });
    return { handled: true, flowId: flow.flowId, outcome: 'failed' };
  }

  private finish(flow: PendingFlow<OAuth2FlowData>, event: ConnectEvent): void {
    void flow.data.loopback?.close();
    this.deps.emit('event:connect', event);
  }
}
