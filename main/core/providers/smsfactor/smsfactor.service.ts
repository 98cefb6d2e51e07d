// SMSFactor features: add a platform-made token, mint tokens for the account or a sub-account,
// list the remote tokens, revoke, and pick the wire format per entry (issue 4).
// Entry shapes are built in smsfactor-entry.builder.ts, the once-only save of a minted token is
// smsfactor-mint.saver.ts and revocation signing is smsfactor-revoke.policy.ts.
import type {
  AccountInfo,
  EntryView,
  MintedToken,
  RemoteSmsfactorToken,
  SmsfactorTokenEntry,
  SubAccount,
  WireFormat,
} from '../../../../preload/api';
import type { Clock } from '../../ports';
import type { VaultApi } from '../../vault/vault.types';
import { VaultError } from '../../vault/vault.types';
import { ProviderError } from '../http';
import type { MintAnswer, SmsfactorClient } from './smsfactor.client';
import type { RevokeSigner } from './smsfactor-revoke.policy';
import { revokeRemote } from './smsfactor-revoke.policy';
import { maskToken, mintedTokenEntry, pastedTokenEntry } from './smsfactor-entry.builder';
import { saveMintedToken } from './smsfactor-mint.saver';
import { mintOutcomeUnknown, SmsfactorValidationError } from './smsfactor.errors';
import { validateMintInput, validateName } from './smsfactor.validation';

/** EntryPatch only names fields common to all kinds; the vault applies any metadata key. */
type SmsfactorPatch = Partial<Omit<SmsfactorTokenEntry, 'id' | 'kind' | 'provider' | 'createdAt'>>;

export interface SmsfactorServiceDeps {
  vault: VaultApi;
  /** One client per wire format, sharing the HttpClient and the base URL. */
  clientFor(format: WireFormat): SmsfactorClient;
  clock: Clock;
  /** Tells the renderer that entries changed (event:entries-changed). */
  emit?(reason: string): void;
}

export interface AddTokenRequest {
  label: string;
  token: string;
  format: WireFormat;
}

export interface MintTokenRequest {
  parentId: string;
  name: string;
  label?: string;
  ttlSeconds: number | null;
  allowedIps: string[];
  subAccountId?: string;
}

// maskToken moved to smsfactor-entry.builder.ts; still exported here for existing importers.
export { maskToken };

export class SmsfactorService {
  constructor(private readonly deps: SmsfactorServiceDeps) {}

  /** Adds a token made on the platform (Developer menu), verified with /account and /credits. */
  async addToken(req: AddTokenRequest): Promise<SmsfactorTokenEntry> {
    const label = validateName(req.label, 'label');
    const token = typeof req.token === 'string' ? req.token.trim() : '';
    if (token.length < 8 || /\s/.test(token)) {
      throw new SmsfactorValidationError('token', 'Paste the whole SMSFactor token (no spaces).');
    }
    this.requireUnlocked();
    this.requireFreeLabel(label);
    const account = await this.fetchAccount(token, req.format);
    const draft = pastedTokenEntry(label, token, account, req.format, this.deps.clock.now());
    const entry = this.deps.vault.add(draft, { token });
    this.deps.emit?.('smsfactor:added');
    return asSmsfactor(entry);
  }

  /** Re-checks a stored token; a refused token marks the entry 'error' with the reason. */
  async verify(id: string): Promise<SmsfactorTokenEntry> {
    const entry = this.entry(id);
    const token = this.secretOf(entry);
    try {
      const account = await this.fetchAccount(token, entry.format);
      const updated = this.deps.vault.update(
        id,
        {
          account,
          lastVerifiedAt: this.deps.clock.now(),
          lastError: undefined,
          status: entry.status === 'revoked' ? 'revoked' : 'active',
        },
        undefined,
        { action: 'verified' },
      );
      return asSmsfactor(updated);
    } catch (err) {
      if (err instanceof ProviderError && err.code === 'auth-error' && entry.status !== 'revoked') {
        this.deps.vault.update(id, { status: 'error', lastError: err.message });
        this.deps.emit?.('smsfactor:verify-failed');
      }
      throw err;
    }
  }

  /**
   * Mints a token with a stored parent token. Everything that can be checked is checked
   * before the POST (form, unlocked vault, free label, usable parent), because after it the
   * token exists at SMSFactor and is shown by SMSFactor only once. The answer is sealed into
   * the vault first; if that fails, MintedTokenNotSavedError carries the value to the user.
   */
  async mint(req: MintTokenRequest): Promise<MintedToken> {
    const input = validateMintInput(req);
    const label =
      req.label === undefined || req.label.trim() === ''
        ? input.name
        : validateName(req.label, 'label');
    this.requireUnlocked();
    this.requireFreeLabel(label);
    const parent = this.entry(req.parentId, 'parentId');
    if (parent.status === 'revoked') {
      throw new SmsfactorValidationError(
        'parentId',
        `"${parent.label}" is revoked and cannot mint tokens.`,
      );
    }
    const parentToken = this.secretOf(parent);
    const client = this.deps.clientFor(parent.format);

    let answer: MintAnswer;
    try {
      answer = input.subAccountId
        ? await client.createSubAccountToken(parentToken, input.subAccountId, input)
        : await client.createToken(parentToken, input);
    } catch (err) {
      throw mintOutcomeUnknown(err, parent.label);
    }
    const mintedAt = this.deps.clock.now();

    // Nothing may happen between the answer and this save: no audit, no event, no await.
    const draft = mintedTokenEntry(label, input, parent, answer, mintedAt);
    const entry = saveMintedToken(this.deps.vault, draft, answer, mintedAt, parent.label);
    this.deps.emit?.('smsfactor:minted');
    return { entry: asSmsfactor(entry), token: answer.token };
  }

  /** GET /token with the parent token, marking the tokens this vault holds. */
  async listRemote(parentId: string): Promise<RemoteSmsfactorToken[]> {
    const parent = this.entry(parentId, 'parentId');
    const remote = await this.deps.clientFor(parent.format).listTokens(this.secretOf(parent));
    const held = new Map<string, string>();
    for (const e of this.deps.vault.list()) {
      if (e.kind !== 'smsfactor-token' || !e.tokenId) continue;
      const sameAccount =
        e.parentId === parent.id || (!!parent.account?.id && e.account?.id === parent.account.id);
      if (sameAccount) held.set(e.tokenId, e.id);
    }
    return remote.map((t) => ({ ...t, entryId: held.get(t.tokenId) }));
  }

  async subAccounts(parentId: string): Promise<SubAccount[]> {
    const parent = this.entry(parentId, 'parentId');
    const subs = await this.deps.clientFor(parent.format).subAccounts(this.secretOf(parent));
    return subs
      .map((s) => ({ id: s.id ?? '', email: s.email, name: s.company ?? s.name }))
      .filter((s) => s.id !== '');
  }

  /** DELETE /token/:id (see smsfactor-revoke.ts for who signs and what counts as revoked). */
  async revoke(id: string): Promise<SmsfactorTokenEntry> {
    const entry = this.entry(id);
    if (entry.status === 'revoked') return entry;
    if (!entry.tokenId) {
      throw new SmsfactorValidationError(
        'id',
        `"${entry.label}" has no SMSFactor token id; revoke it on the SMSFactor platform.`,
      );
    }
    const found = entry.parentId
      ? this.deps.vault.list().find((e) => e.id === entry.parentId)
      : undefined;
    const parent =
      found && found.kind === 'smsfactor-token' && found.status !== 'revoked' ? found : undefined;
    const detail = await revokeRemote(
      entry.tokenId,
      this.signer(entry),
      parent ? this.signer(parent) : undefined,
      this.deps.clock.now(),
    );
    const now = this.deps.clock.now();
    const patch: SmsfactorPatch = { status: 'revoked', revokedAt: now };
    const updated = this.deps.vault.update(id, patch, undefined, {
      action: 'revoked',
      detail,
    });
    this.deps.emit?.('smsfactor:revoked');
    return asSmsfactor(updated);
  }

  setFormat(id: string, format: WireFormat): SmsfactorTokenEntry {
    this.entry(id);
    const patch: SmsfactorPatch = { format };
    const updated = this.deps.vault.update(id, patch);
    this.deps.emit?.('smsfactor:format');
    return asSmsfactor(updated);
  }

  private async fetchAccount(token: string, format: WireFormat): Promise<AccountInfo> {
    const client = this.deps.clientFor(format);
    const account = await client.account(token);
    const credits = await client.credits(token);
    return {
      id: account.id,
      email: account.email,
      company: account.company,
      name: account.name,
      credits: credits.credits,
    };
  }

  private entry(id: string, field = 'id'): SmsfactorTokenEntry {
    let e: EntryView;
    try {
      e = this.deps.vault.get(id);
    } catch (err) {
      if (err instanceof VaultError && err.code === 'not-found') {
        throw new SmsfactorValidationError(field, `No vault entry with id "${id}".`);
      }
      throw err;
    }
    if (e.kind !== 'smsfactor-token') {
      throw new SmsfactorValidationError(field, `"${e.label}" is not an SMSFactor token.`);
    }
    return e;
  }

  private signer(entry: SmsfactorTokenEntry): RevokeSigner {
    return { entry, token: this.secretOf(entry), client: this.deps.clientFor(entry.format) };
  }

  private secretOf(e: SmsfactorTokenEntry): string {
    const token = this.deps.vault.readSecret(e.id, 'token');
    if (!token) throw new VaultError('not-found', `"${e.label}" holds no token.`);
    return token;
  }

  private requireUnlocked(): void {
    if (!this.deps.vault.isUnlocked()) throw new VaultError('locked', 'Unlock the vault first.');
  }

  private requireFreeLabel(label: string): void {
    if (this.deps.vault.findByLabel('smsfactor', label)) {
      throw new SmsfactorValidationError(
        'label',
        `An SMSFactor entry is already labelled "${label}".`,
      );
    }
  }
}

function asSmsfactor(e: EntryView): SmsfactorTokenEntry {
  if (e.kind !== 'smsfactor-token') throw new VaultError('not-found', 'Not an SMSFactor entry.');
  return e;
}
