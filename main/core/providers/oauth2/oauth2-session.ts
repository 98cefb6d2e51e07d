// A live access token for a generic OAuth 2.0 entry (issue 21 part 2): refreshed when it
// expires within a minute, single-flight per entry (and, across processes, after re-reading
// the vault file another process may have refreshed into), and once more when "Verify" is
// answered 401. A rotated refresh token replaces the old one in the same save as the new
// access token. `invalid_grant` marks the entry "needs re-authorization" once; nothing loops.
import type { EntryView, OAuth2Entry } from '../../../../preload/api';
import type { Clock } from '../../ports';
import { VaultError, type SessionVault, type VaultApi } from '../../vault/vault.types';
import { validFor } from '../contract';
import { ProviderError, redactUrl, type HttpClient } from '../http';
import type { OAuth2Client, OAuth2ClientInfo, TokenSet } from './oauth2.client';
import { oauth2 } from './oauth2.entries';
import { serverOf } from './oauth2.server';

const DAY_MS = 24 * 3600 * 1000;

export function oauth2Entry(vault: Pick<VaultApi, 'get'>, id: string): OAuth2Entry {
  const entry = vault.get(id);
  if (entry.kind !== 'oauth2') {
    throw new VaultError('invalid-input', `"${entry.label}" is not an OAuth 2.0 entry.`);
  }
  return entry;
}

/**
 * The deadlines a token answer sets: the access token's end, and the authorization's end
 * (the refresh token's, from the answer, else the days typed or documented; with no refresh
 * token, the access token's own end, since nothing can renew it).
 */
export function deadlinesFrom(
  set: TokenSet,
  now: number,
  refreshDays: number | undefined,
  previous?: number | null,
): { accessExpiresAt?: number; refreshExpiresAt: number | null } {
  const accessExpiresAt = set.expiresIn !== undefined ? now + set.expiresIn * 1000 : undefined;
  let refreshExpiresAt: number | null;
  if (set.refreshExpiresIn !== undefined) refreshExpiresAt = now + set.refreshExpiresIn * 1000;
  else if (set.refreshToken !== undefined && refreshDays !== undefined) {
    refreshExpiresAt = now + refreshDays * DAY_MS;
  } else if (set.refreshToken === undefined && previous === undefined) {
    refreshExpiresAt = accessExpiresAt ?? null;
  } else refreshExpiresAt = previous ?? null;
  return { ...(accessExpiresAt !== undefined ? { accessExpiresAt } : {}), refreshExpiresAt };
}

export interface OAuth2SessionDeps {
  vault: SessionVault;
  client: OAuth2Client;
  http: Pick<HttpClient, 'request'>;
  clock: Clock;
  onAlert?: (entry: EntryView, message: string) => void;
}

export class OAuth2Session {
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(private readonly deps: OAuth2SessionDeps) {}

  async getAccessToken(id: string, minValidMs?: number): Promise<string> {
    const entry = oauth2Entry(this.deps.vault, id);
    if (entry.status === 'needs-reauth') throw this.reauthError(entry);
    const token = this.deps.vault.readSecret(id, 'accessToken');
    if (token && oauth2.accessFresh?.(entry, this.deps.clock.now(), minValidMs)) return token;
    return this.refreshOnce(id, token);
  }

  /** Single flight: concurrent callers share the refresh already under way. */
  refreshOnce(id: string, stale: string | undefined): Promise<string> {
    const running = this.inflight.get(id);
    if (running) return running;
    // Registered before the refresh starts: its first steps may change the vault, and a
    // listener that asks for a token then must join this refresh, not start another one.
    const promise = Promise.resolve()
      .then(() => this.refresh(id, stale))
      .finally(() => this.inflight.delete(id));
    this.inflight.set(id, promise);
    return promise;
  }

  /**
   * "Verify": the entry's verification URL with the token, refreshing once on a 401; without
   * one, a refresh (when there is a refresh token) proves the grant still works.
   */
  async verify(id: string): Promise<EntryView> {
    const { vault, clock } = this.deps;
    const entry = oauth2Entry(vault, id);
    try {
      if (entry.verifyUrl === undefined) {
        if (!entry.hasRefreshToken) {
          throw new VaultError(
            'invalid-input',
            `"${entry.label}" has no verification URL and no refresh token, so it cannot be checked.`,
          );
        }
        await this.refreshOnce(id, vault.readSecret(id, 'accessToken'));
      } else {
        const first = await this.getAccessToken(id);
        const status = await this.call(entry.verifyUrl, first);
        if (status === 401 && entry.hasRefreshToken) {
          const again = await this.call(entry.verifyUrl, await this.refreshOnce(id, first));
          if (again !== 200) throw this.refused(entry.verifyUrl, again);
        } else if (status !== 200) throw this.refused(entry.verifyUrl, status);
      }
    } catch (err) {
      if (err instanceof ProviderError && err.code !== 'needs-reauth') {
        vault.update(id, { lastError: err.message });
      }
      throw err;
    }
    return vault.update(
      id,
      { status: 'active', lastVerifiedAt: clock.now(), lastError: undefined },
      undefined,
      { action: 'verified' },
    );
  }

  /** 200 for a 2xx (and not Slack's `"ok": false`), else the status. */
  private async call(url: string, token: string): Promise<number> {
    const res = await this.deps.http.request({
      method: 'GET',
      url,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
    if (res.status < 200 || res.status >= 300) return res.status;
    return /"ok"\s*:\s*false/.test(res.body) ? 401 : 200;
  }

  private refused(url: string, status: number): ProviderError {
    return new ProviderError(
      status === 401 || status === 403 ? 'auth-error' : 'provider-error',
      `${redactUrl(url)} answered HTTP ${status} to the access token.`,
      status,
    );
  }

  private async refresh(id: string, stale: string | undefined): Promise<string> {
    const { vault, clock } = this.deps;
    // Another process (the CLI, the app) may have refreshed already: read its save. Only then:
    // reading back our own file would gain nothing and cost a parse of the whole vault.
    if (vault.hasChangedOnDisk()) vault.reload();
    const entry = oauth2Entry(vault, id);
    if (entry.status === 'needs-reauth') throw this.reauthError(entry);
    const current = vault.readSecret(id, 'accessToken');
    if (current && current !== stale && validFor(entry.accessExpiresAt, clock.now())) {
      return current;
    }
    if (entry.refreshExpiresAt !== null && clock.now() >= entry.refreshExpiresAt) {
      throw this.markNeedsReauth(
        entry,
        `The authorization of OAuth 2.0 app "${entry.label}" has ended. Reconnect it.`,
      );
    }
    const refreshToken = vault.readSecret(id, 'refreshToken');
    if (!refreshToken) {
      throw this.markNeedsReauth(
        entry,
        `"${entry.label}" has no refresh token and its access token has expired. Reconnect it.`,
      );
    }
    let set: TokenSet;
    try {
      set = await this.deps.client.refresh(serverOf(entry), this.clientInfo(entry), refreshToken);
    } catch (err) {
      if (err instanceof ProviderError && err.code === 'needs-reauth') {
        throw this.markNeedsReauth(entry, `${err.message} Reconnect it.`);
      }
      if (err instanceof ProviderError) vault.update(id, { lastError: err.message });
      throw err;
    }
    const now = clock.now();
    const secrets: { accessToken: string; refreshToken?: string } = {
      accessToken: set.accessToken,
    };
    // Rotation: the new refresh token replaces the old one in the same save.
    if (set.refreshToken) secrets.refreshToken = set.refreshToken;
    const deadlines = deadlinesFrom(set, now, entry.refreshDays, entry.refreshExpiresAt);
    vault.update(
      id,
      {
        ...deadlines,
        ...(deadlines.accessExpiresAt === undefined ? { accessExpiresAt: undefined } : {}),
        status: 'active',
        lastError: undefined,
      },
      secrets,
      { action: 'refreshed' },
    );
    return set.accessToken;
  }

  clientInfo(entry: OAuth2Entry): OAuth2ClientInfo {
    const secret = this.deps.vault.readSecret(entry.id, 'clientSecret');
    return {
      clientId: entry.clientId,
      clientAuth: entry.clientAuth,
      ...(secret ? { clientSecret: secret } : {}),
    };
  }

  private reauthError(entry: EntryView): ProviderError {
    return new ProviderError(
      'needs-reauth',
      entry.lastError ?? `OAuth 2.0 app "${entry.label}" needs to be reconnected.`,
    );
  }

  /** Marks the entry and alerts only on the transition, so repeated calls stay quiet. */
  private markNeedsReauth(entry: OAuth2Entry, message: string): ProviderError {
    if (entry.status !== 'needs-reauth') {
      const updated = this.deps.vault.update(
        entry.id,
        { status: 'needs-reauth', lastError: message },
        undefined,
        { action: 'needs-reauth' },
      );
      this.deps.onAlert?.(updated, message);
    }
    return new ProviderError('needs-reauth', message, undefined, 'invalid_grant');
  }
}
