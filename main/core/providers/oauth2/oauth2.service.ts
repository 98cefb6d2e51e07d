// Generic OAuth 2.0 connections (issue 21): what the IPC handlers and the CLI call. The
// request names a built-in profile, an issuer (discovered) or explicit endpoints; the rest is
// checked here, because main never trusts a form.
import type {
  EntryView,
  OAuth2ClientAuth,
  PendingConnect,
  RedirectMode,
  Req,
} from '../../../../preload/api';
import type { EmitEvent } from '../../ipc/emit-event';
import type { LoopbackFactory } from '../../oauth/loopback.listener';
import type { PendingFlows } from '../../oauth/pending-flows.store';
import type { Browser, Clock, Scheduler } from '../../ports';
import { VaultError, type VaultApi } from '../../vault/vault.types';
import { ProviderError, type HttpClient } from '../http';
import { OAuth2Client } from './oauth2.client';
import { OAuth2ConnectFlow, type OAuth2FlowData, type RedirectReport } from './oauth2-connect.flow';
import { findProfile, type OAuth2Profile } from './oauth2.profiles';
import {
  discover,
  explicitServer,
  requireSafeUrl,
  serverOf,
  type ResolvedServer,
} from './oauth2.server';
import { OAuth2Session, oauth2Entry } from './oauth2-session';

/** An invalid-input error that names the form field (the dialog shows it there). */
export class OAuth2InputError extends VaultError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid-input', message);
    this.name = 'OAuth2InputError';
  }
}

/** What `oauth2:connect` carries, plus the loopback port the CLI's --redirect may name. */
export type OAuth2ConnectRequest = Req<'oauth2:connect'> & { loopbackPort?: number };

export interface OAuth2ServiceDeps {
  vault: VaultApi;
  http: Pick<HttpClient, 'request'>;
  flows: PendingFlows<OAuth2FlowData>;
  browser: Browser;
  clock: Clock;
  scheduler: Scheduler;
  loopback: LoopbackFactory;
  loopbackPort: () => number;
  emit: EmitEvent;
  onAlert?: (entry: EntryView, message: string) => void;
  log?: (line: string) => void;
}

/** Without a secret: a public client; with one, what discovery offers first, else Basic. */
function defaultAuth(server: ResolvedServer, secret: string | undefined): OAuth2ClientAuth {
  if (!secret) return 'none';
  return server.suggestedAuth && server.suggestedAuth !== 'none' ? server.suggestedAuth : 'basic';
}

const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]{1,200}$/;

export class OAuth2Service {
  private readonly client: OAuth2Client;
  private readonly flow: OAuth2ConnectFlow;
  readonly session: OAuth2Session;

  constructor(private readonly deps: OAuth2ServiceDeps) {
    this.client = new OAuth2Client(deps.http);
    this.flow = new OAuth2ConnectFlow({ ...deps, client: this.client });
    this.session = new OAuth2Session({ ...deps, client: this.client });
  }

  redirectUri(mode: RedirectMode): string {
    return this.flow.redirectUri(mode);
  }

  /** Checks the request, finds the server, opens the browser; the event says how it ended. */
  async connect(req: OAuth2ConnectRequest): Promise<PendingConnect> {
    const label = this.requireLabel(req.label);
    const profile = req.profile === undefined ? undefined : findProfile(req.profile);
    if (req.profile !== undefined && !profile) {
      throw new OAuth2InputError('profile', `There is no built-in profile "${req.profile}".`);
    }
    const clientId = req.clientId.trim();
    if (!/^[\x21-\x7e]{1,500}$/.test(clientId)) {
      throw new OAuth2InputError('clientId', 'Paste the client id (no spaces).');
    }
    const secret = req.clientSecret?.trim() || undefined;
    const scopes = (req.scopes ?? profile?.defaultScopes ?? [])
      .map((s) => s.trim())
      .filter(Boolean);
    const badScope = scopes.find((s) => !SCOPE.test(s));
    if (badScope !== undefined) {
      throw new OAuth2InputError('scopes', `"${badScope.slice(0, 60)}" is not a scope.`);
    }
    if (
      req.refreshDays !== undefined &&
      (!Number.isInteger(req.refreshDays) || req.refreshDays < 1 || req.refreshDays > 3650)
    ) {
      throw new OAuth2InputError('refreshDays', 'Type a whole number of days from 1 to 3650.');
    }
    const verifyUrl = req.verifyUrl?.trim() || profile?.verifyUrl;
    if (verifyUrl) this.field('verifyUrl', () => requireSafeUrl(verifyUrl, 'verification URL'));
    const server = await this.server(req, profile);
    const clientAuth = req.clientAuth ?? profile?.clientAuth ?? defaultAuth(server, secret);
    if (clientAuth !== 'none' && !secret) {
      throw new OAuth2InputError(
        'clientSecret',
        'This client authenticates with its secret: paste it.',
      );
    }
    const refreshDays = req.refreshDays ?? profile?.refreshDays ?? undefined;
    return this.flow.begin({
      label,
      ...(profile ? { profile: profile.id } : {}),
      server,
      clientId,
      clientAuth,
      ...(clientAuth !== 'none' && secret ? { clientSecret: secret } : {}),
      scopes,
      scopeSeparator: profile?.scopeSeparator ?? ' ',
      authorizeParams: { ...(profile?.authorizeParams ?? {}) },
      ...(refreshDays !== undefined && refreshDays !== null ? { refreshDays } : {}),
      ...(verifyUrl ? { verifyUrl } : {}),
      redirectMode: req.redirectMode,
      ...(req.loopbackPort !== undefined ? { loopbackPort: req.loopbackPort } : {}),
    });
  }

  /** Reconnect an entry whose grant ended: same server and client, a new authorization. */
  async reauthorize(id: string): Promise<PendingConnect> {
    const entry = oauth2Entry(this.deps.vault, id);
    const info = this.session.clientInfo(entry);
    const server: ResolvedServer = {
      as: serverOf(entry),
      ...(entry.issuer ? { issuer: entry.issuer } : {}),
      authorizeUrl: entry.authorizeUrl,
      tokenUrl: entry.tokenUrl,
      ...(entry.revocationUrl ? { revocationUrl: entry.revocationUrl } : {}),
      issParameter: entry.issParameter,
    };
    return this.flow.begin({
      label: entry.label,
      server,
      clientId: entry.clientId,
      clientAuth: entry.clientAuth,
      ...(info.clientSecret ? { clientSecret: info.clientSecret } : {}),
      scopes: entry.scopes,
      scopeSeparator: entry.scopeSeparator,
      authorizeParams: entry.authorizeParams,
      ...(entry.refreshDays !== undefined ? { refreshDays: entry.refreshDays } : {}),
      ...(entry.verifyUrl ? { verifyUrl: entry.verifyUrl } : {}),
      redirectMode: entry.redirectMode,
      ...(entry.loopbackPort !== undefined ? { loopbackPort: entry.loopbackPort } : {}),
      reauthId: id,
    });
  }

  cancel(flowId: string): void {
    this.flow.cancel(flowId);
  }

  stop(): void {
    this.flow.cancelAll();
  }

  handleRedirect(url: string): Promise<RedirectReport> {
    return this.flow.handleRedirect(url);
  }

  getAccessToken(id: string, minValidMs?: number): Promise<string> {
    return this.session.getAccessToken(id, minValidMs);
  }

  verify(id: string): Promise<EntryView> {
    return this.session.verify(id);
  }

  /**
   * Deletes the entry; first revokes its refresh token (else its access token) at the
   * server's RFC 7009 endpoint, unless `keepGrant`. A failed revocation keeps the entry and
   * says why, so the user can retry or keep the grant on purpose.
   */
  async remove(id: string, options: { keepGrant: boolean }): Promise<{ revoked: boolean }> {
    const revoked = options.keepGrant ? false : await this.revoke(id);
    this.deps.vault.remove(id);
    return { revoked };
  }

  /**
   * RFC 7009: the refresh token (else the access token) is revoked at the server, which ends
   * the grant. False when the server has no revocation endpoint (Microsoft, GitHub).
   */
  async revoke(id: string): Promise<boolean> {
    const { vault } = this.deps;
    const entry = oauth2Entry(vault, id);
    if (!entry.revocationUrl) return false;
    const token = vault.readSecret(id, 'refreshToken') ?? vault.readSecret(id, 'accessToken');
    if (!token) return false;
    await this.client.revoke(serverOf(entry), this.session.clientInfo(entry), token);
    return true;
  }

  private async server(
    req: OAuth2ConnectRequest,
    profile: OAuth2Profile | undefined,
  ): Promise<ResolvedServer> {
    const explicit = req.authorizeUrl !== undefined || req.tokenUrl !== undefined;
    if (explicit) {
      if (!req.authorizeUrl || !req.tokenUrl) {
        throw new OAuth2InputError(
          req.authorizeUrl ? 'tokenUrl' : 'authorizeUrl',
          'Give both the authorize URL and the token URL.',
        );
      }
      const { authorizeUrl, tokenUrl, revocationUrl } = req;
      return this.field('authorizeUrl', () =>
        explicitServer({ authorizeUrl, tokenUrl, ...(revocationUrl ? { revocationUrl } : {}) }),
      );
    }
    const issuer = req.issuer?.trim() || profile?.issuer;
    if (issuer) return discover(this.deps.http, issuer);
    if (profile) {
      return explicitServer({
        authorizeUrl: profile.authorizeUrl,
        tokenUrl: profile.tokenUrl,
        ...(profile.revocationUrl ? { revocationUrl: profile.revocationUrl } : {}),
      });
    }
    throw new OAuth2InputError(
      'issuer',
      'Pick a profile, or give an issuer URL or the authorize and token URLs.',
    );
  }

  private requireLabel(raw: string): string {
    const label = raw.trim();
    if (!label) throw new OAuth2InputError('label', 'Give the entry a label.');
    if (label.length > 100)
      throw new OAuth2InputError('label', 'Keep the label under 100 characters.');
    const taken =
      this.deps.vault.findByLabel('oauth2', label) !== undefined ||
      this.flow.pendingLabels().some((l) => l.toLowerCase() === label.toLowerCase());
    if (taken) {
      throw new VaultError(
        'duplicate-label',
        `An OAuth 2.0 entry named "${label}" already exists.`,
      );
    }
    return label;
  }

  /** Runs a URL check, naming the form field when it fails. */
  private field<T>(field: string, run: () => T): T {
    try {
      return run();
    } catch (err) {
      if (err instanceof ProviderError) throw new OAuth2InputError(field, err.message);
      throw err;
    }
  }
}
