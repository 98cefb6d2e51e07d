// Hands out a live OAuth access token for a Fax.Plus entry (DESIGN.md "Refresh"): refreshes
// when it expires within 60 s, once more when a call answers 401, single-flight per entry so
// five concurrent header requests cause exactly one refresh (security.md 17). `invalid_grant`
// marks the entry "needs re-authorization" and alerts once; nothing loops.
import type { EntryView, FaxplusOAuthEntry } from '../../../../preload/api';
import type { Clock } from '../../ports';
import type { SessionVault, VaultApi } from '../../vault/vault.types';
import { VaultError } from '../../vault/vault.types';
import { ProviderError } from '../http';
import type { FaxplusAuth, FaxplusClient } from './faxplus.client';

/** Refresh when the access token has less than this left. */
export const REFRESH_MARGIN_MS = 60_000;

export interface FaxplusSessionDeps {
  vault: SessionVault;
  client: FaxplusClient;
  clock: Clock;
  /** Called once when an entry turns 'needs-reauth' (the reminder/notification hook). */
  onAlert?: (entry: EntryView, message: string) => void;
}

export function oauthEntry(vault: Pick<VaultApi, 'get'>, id: string): FaxplusOAuthEntry {
  const entry = vault.get(id);
  if (entry.kind !== 'faxplus-oauth') {
    throw new VaultError('invalid-input', `"${entry.label}" is not a Fax.Plus OAuth entry.`);
  }
  return entry;
}

/** Whether the stored access token stays valid another minute (or `minValidMs`, if longer). */
export function accessTokenFresh(
  entry: FaxplusOAuthEntry,
  now: number,
  minValidMs = REFRESH_MARGIN_MS,
): boolean {
  return (
    entry.accessExpiresAt !== undefined &&
    entry.accessExpiresAt - now > Math.max(minValidMs, REFRESH_MARGIN_MS)
  );
}

export class FaxplusSession {
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(private readonly deps: FaxplusSessionDeps) {}

  /**
   * A token valid for at least another minute (or `minValidMs`, when longer), refreshed
   * first when needed. A refreshed token is returned whatever its lifetime: no refresh can
   * promise more than the server grants.
   */
  async getAccessToken(id: string, minValidMs = REFRESH_MARGIN_MS): Promise<string> {
    const entry = oauthEntry(this.deps.vault, id);
    if (entry.status === 'needs-reauth') throw this.reauthError(entry);
    const token = this.deps.vault.readSecret(id, 'accessToken');
    if (token && this.fresh(entry, minValidMs)) return token;
    return this.refreshOnce(id, token);
  }

  /** The Authorization + x-fax-clientid pair source for an entry. */
  async auth(id: string): Promise<FaxplusAuth & { kind: 'oauth' }> {
    const accessToken = await this.getAccessToken(id);
    return { kind: 'oauth', accessToken, clientId: oauthEntry(this.deps.vault, id).clientId };
  }

  /** Runs a provider call; on a 401 refreshes once and tries exactly once more. */
  async withAccess<T>(id: string, call: (auth: FaxplusAuth) => Promise<T>): Promise<T> {
    const first = await this.auth(id);
    try {
      return await call(first);
    } catch (err) {
      if (!(err instanceof ProviderError) || err.code !== 'auth-error' || err.status !== 401) {
        throw err;
      }
      const accessToken = await this.refreshOnce(id, first.accessToken);
      return call({ ...first, accessToken });
    }
  }

  /** Single flight: concurrent callers share the refresh already under way for the entry. */
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

  private fresh(entry: FaxplusOAuthEntry, minValidMs = REFRESH_MARGIN_MS): boolean {
    return accessTokenFresh(entry, this.deps.clock.now(), minValidMs);
  }

  private async refresh(id: string, stale: string | undefined): Promise<string> {
    const { vault, clock } = this.deps;
    const entry = oauthEntry(vault, id);
    if (entry.status === 'needs-reauth') throw this.reauthError(entry);
    const current = vault.readSecret(id, 'accessToken');
    // Someone refreshed between the caller's read and now: use that token.
    if (current && current !== stale && this.fresh(entry)) return current;
    if (entry.refreshExpiresAt !== null && clock.now() >= entry.refreshExpiresAt) {
      throw this.markNeedsReauth(
        entry,
        `The 30-day authorization of Fax.Plus "${entry.label}" has ended. Re-authorize it.`,
      );
    }
    const clientSecret = vault.readSecret(id, 'clientSecret');
    const refreshToken = vault.readSecret(id, 'refreshToken');
    if (!clientSecret || !refreshToken) {
      throw this.markNeedsReauth(
        entry,
        `Fax.Plus "${entry.label}" has no refresh token. Re-authorize it.`,
      );
    }
    let set;
    try {
      set = await this.deps.client.refresh({
        clientId: entry.clientId,
        clientSecret,
        refreshToken,
      });
    } catch (err) {
      if (err instanceof ProviderError && err.code === 'needs-reauth') {
        throw this.markNeedsReauth(entry, err.message);
      }
      if (err instanceof ProviderError) vault.update(id, { lastError: err.message });
      throw err;
    }
    const secrets: { accessToken: string; refreshToken?: string } = {
      accessToken: set.accessToken,
    };
    // Fax.Plus may or may not send a new refresh token (providers.md [?]): keep the old one.
    if (set.refreshToken) secrets.refreshToken = set.refreshToken;
    vault.update(
      id,
      {
        accessExpiresAt: clock.now() + set.expiresInSeconds * 1000,
        status: 'active',
        lastError: undefined,
      },
      secrets,
      { action: 'refreshed' },
    );
    return set.accessToken;
  }

  private reauthError(entry: EntryView): ProviderError {
    return new ProviderError(
      'needs-reauth',
      entry.lastError ?? `Fax.Plus "${entry.label}" needs re-authorization.`,
    );
  }

  /** Marks the entry and alerts, only on the transition, so repeated calls stay quiet. */
  private markNeedsReauth(entry: FaxplusOAuthEntry, message: string): ProviderError {
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
