// Everything the app does with Fax.Plus, behind one service: OAuth connect / re-authorize /
// cancel / callbacks (faxplus-connect.flow.ts), live access tokens (faxplus-session.service.ts),
// personal access tokens and verification (here).
import type {
  AccountInfo,
  EntryView,
  FaxplusPatEntry,
  PendingConnect,
  Req,
} from '../../../../preload/api';
import { VaultError } from '../../vault/vault.types';
import { ProviderError } from '../http';
import type { FaxplusAuth } from './faxplus.client';
import { faxplusHeaderPairs } from './faxplus.client';
import type { FaxplusConnectDeps, RedirectReport } from './faxplus-connect.flow';
import { FaxplusConnectFlow } from './faxplus-connect.flow';
import { FaxplusSession, oauthEntry } from './faxplus-session.service';
import {
  FaxplusInputError,
  maskSecret,
  requireClientId,
  requireLabel,
  requireSecret,
} from './faxplus.validation';

export interface FaxplusServiceDeps extends FaxplusConnectDeps {
  /** Called once when an OAuth entry turns 'needs-reauth'. */
  onAlert?: (entry: EntryView, message: string) => void;
}

export class FaxplusService {
  private readonly flow: FaxplusConnectFlow;
  private readonly session: FaxplusSession;

  constructor(private readonly deps: FaxplusServiceDeps) {
    this.flow = new FaxplusConnectFlow(deps);
    this.session = new FaxplusSession(deps);
  }

  redirectUri(mode: Req<'faxplus:redirect-uri'>['redirectMode']): string {
    return this.flow.redirectUri(mode);
  }

  async connect(req: Req<'faxplus:connect'>): Promise<PendingConnect> {
    const label = requireLabel(this.deps.vault, req.label, this.flow.pendingLabels());
    const clientId = requireClientId(req.clientId);
    const clientSecret = requireSecret(req.clientSecret, 'clientSecret', 'client secret');
    return this.flow.begin({
      label,
      clientId,
      clientSecret,
      redirectMode: req.redirectMode,
      advancedSecurity: req.advancedSecurity,
      allowMissingState: req.allowMissingState,
    });
  }

  /** Re-runs the flow with the stored client id and secret; success updates the same entry. */
  async reauthorize(id: string): Promise<PendingConnect> {
    const entry = oauthEntry(this.deps.vault, id);
    const clientSecret = this.deps.vault.readSecret(id, 'clientSecret');
    if (!clientSecret) {
      throw new VaultError('invalid-input', `"${entry.label}" has no stored client secret.`);
    }
    for (const pending of this.deps.flows.list()) {
      if (pending.data.reauthId === id) this.flow.cancel(pending.flowId);
    }
    return this.flow.begin({
      label: entry.label,
      clientId: entry.clientId,
      clientSecret,
      redirectMode: entry.redirectMode,
      advancedSecurity: entry.advancedSecurity,
      allowMissingState: entry.allowMissingState,
      reauthId: id,
      ...(entry.loopbackPort !== undefined ? { loopbackPort: entry.loopbackPort } : {}),
    });
  }

  cancel(flowId: string): void {
    this.flow.cancel(flowId);
  }

  /** Ends every pending sign-in (app quit): no loopback listener outlives the app. */
  stop(): void {
    this.flow.cancelAll();
  }

  /** Deep links (second-instance argv, cold-start argv, open-url) arrive here. */
  handleRedirect(url: string): Promise<RedirectReport> {
    return this.flow.handleRedirect(url);
  }

  getAccessToken(id: string): Promise<string> {
    return this.session.getAccessToken(id);
  }

  /** Header pairs for an entry of either kind, refreshing an OAuth token first if needed. */
  async headerPairs(id: string): Promise<[string, string][]> {
    return faxplusHeaderPairs(await this.authFor(id));
  }

  async addPat(req: Req<'faxplus:add-pat'>): Promise<EntryView> {
    const { vault, client, clock } = this.deps;
    const label = requireLabel(vault, req.label, this.flow.pendingLabels());
    const pat = requireSecret(req.pat, 'pat', 'personal access token');
    // Main never trusts the form's own date check: a past expiry would store a dead token.
    if (typeof req.expiresAt === 'number' && req.expiresAt <= clock.now()) {
      throw new FaxplusInputError('expiry', 'That expiry date has already passed.');
    }
    const auth: FaxplusAuth = { kind: 'pat', pat };
    const info = await client.tokenInfo(auth);
    if (info.tokenType === 'oauth') {
      throw new FaxplusInputError(
        'pat',
        'This is an OAuth access token, not a personal access token. Use "Connect (OAuth)".',
      );
    }
    const account = await this.accountOrUndefined(auth);
    const now = clock.now();
    const entry: Omit<FaxplusPatEntry, 'id' | 'createdAt' | 'updatedAt'> = {
      kind: 'faxplus-pat',
      provider: 'faxplus',
      label,
      status: 'active',
      expiresAt: req.expiresAt ?? info.expiresAt,
      scopes: req.scopes && req.scopes.length > 0 ? req.scopes : info.scopes,
      preview: maskSecret(pat),
      lastVerifiedAt: now,
    };
    if (info.id) entry.patId = info.id;
    if (account) entry.account = account;
    return vault.add(entry, { pat });
  }

  /** Checks the credential against Fax.Plus and records the outcome on the entry. */
  async verify(id: string): Promise<EntryView> {
    const { vault, client, clock } = this.deps;
    const entry = vault.get(id);
    try {
      if (entry.kind === 'faxplus-oauth') {
        const account = await this.session.withAccess(id, (auth) => client.accountSelf(auth));
        return vault.update(
          id,
          { account, lastVerifiedAt: clock.now(), lastError: undefined },
          undefined,
          {
            action: 'verified',
          },
        );
      }
      if (entry.kind !== 'faxplus-pat') {
        throw new VaultError('invalid-input', `"${entry.label}" is not a Fax.Plus entry.`);
      }
      const auth = await this.authFor(id);
      const info = await client.tokenInfo(auth);
      const account = await this.accountOrUndefined(auth);
      return vault.update(
        id,
        {
          status: 'active',
          lastVerifiedAt: clock.now(),
          lastError: undefined,
          // Fill what the user left empty; never overwrite what they typed.
          expiresAt: entry.expiresAt ?? info.expiresAt,
          scopes: entry.scopes.length > 0 ? entry.scopes : info.scopes,
          ...(account ? { account } : {}),
          ...(info.id && !entry.patId ? { patId: info.id } : {}),
        },
        undefined,
        { action: 'verified' },
      );
    } catch (err) {
      if (err instanceof ProviderError && err.code !== 'needs-reauth') {
        vault.update(id, {
          lastError: err.message,
          ...(entry.kind === 'faxplus-pat' && err.code === 'auth-error'
            ? { status: 'error' as const }
            : {}),
        });
      }
      throw err;
    }
  }

  private async authFor(id: string): Promise<FaxplusAuth> {
    const entry = this.deps.vault.get(id);
    if (entry.kind === 'faxplus-oauth') return this.session.auth(id);
    if (entry.kind !== 'faxplus-pat') {
      throw new VaultError('invalid-input', `"${entry.label}" is not a Fax.Plus entry.`);
    }
    const pat = this.deps.vault.readSecret(id, 'pat');
    if (!pat) throw new VaultError('not-found', `"${entry.label}" has no stored token.`);
    return { kind: 'pat', pat };
  }

  /** Account details need a read scope a PAT may lack; their absence is not an error. */
  private async accountOrUndefined(auth: FaxplusAuth): Promise<AccountInfo | undefined> {
    try {
      return await this.deps.client.accountSelf(auth);
    } catch (err) {
      if (err instanceof ProviderError && (err.status === 403 || err.status === 401))
        return undefined;
      throw err;
    }
  }
}
