// "Copy headers" and its previews (DESIGN.md, Flows > Headers). Main does the copying; the
// renderer only ever gets `{ clearsAt }` or a masked preview, never the secret.
import type { EntryView, HeaderFormat, HeaderPreview } from '../../../preload/api';
import { moduleOf } from '../providers/registry';
import { VaultError, type VaultApi } from '../vault/vault.types';
import type { ClipboardGuard } from './clipboard-guard';
import { formatHeaders, formatPreview, headerPairs, type HeaderSet } from './header-formats';

export interface HeadersServiceDeps {
  vault: Pick<VaultApi, 'get' | 'readSecret' | 'recordAudit' | 'isUnlocked' | 'onStatus'>;
  guard: Pick<ClipboardGuard, 'write' | 'onLock'>;
  /**
   * A valid Fax.Plus OAuth access token for the entry, refreshed first when it is about to
   * expire (single-flight, saved to the vault). Throws ProviderError('needs-reauth') when the
   * refresh token is dead. `minValidMs`: refresh unless the token stays valid that long.
   */
  getAccessToken: (id: string, minValidMs?: number) => Promise<string>;
  /** settings.defaultHeaderFormat, read at each copy so a settings change applies at once. */
  defaultFormat: () => HeaderFormat;
}

export class HeadersService {
  constructor(private readonly deps: HeadersServiceDeps) {}

  /** Clears our clipboard value when the vault locks. Returns the unsubscribe function. */
  start(): () => void {
    return this.deps.vault.onStatus((status) => {
      if (status.locked) this.deps.guard.onLock();
    });
  }

  /** The real header text (for the clipboard and the CLI's stdout). Refreshes when needed. */
  async render(id: string, format: HeaderFormat): Promise<string> {
    const set = await this.headerSet(id);
    return formatHeaders(set.pairs, format);
  }

  /** Copies the entry's headers, audits 'copied' (format only, never the value). */
  async copy(id: string, format?: HeaderFormat): Promise<{ clearsAt: number | null }> {
    const chosen = format ?? this.deps.defaultFormat();
    const text = await this.render(id, chosen);
    const result = this.deps.guard.write(text);
    this.deps.vault.recordAudit(id, 'copied', chosen);
    return result;
  }

  /**
   * The headers with the secret masked. Never refreshes and never fails for a locked vault:
   * while locked the whole secret is masked; unlocked, its last 4 characters show.
   */
  preview(id: string, format: HeaderFormat): HeaderPreview {
    const entry = this.deps.vault.get(id);
    let stored: string | undefined;
    if (this.deps.vault.isUnlocked()) {
      stored = this.deps.vault.readSecret(id, moduleOf(entry).bearerField);
    }
    // A short placeholder masks to dots only (maskSecret keeps no tail under 16 chars).
    const set = headerPairs(entry, stored || 'unavailable');
    return { format, text: formatPreview(set, format) };
  }

  /**
   * The entry (as it is after any refresh) and its real header pairs. `minValidMs` asks for an
   * access token that stays valid at least that long (`tokenvault exec --min-valid`).
   */
  async credentials(
    id: string,
    options: { minValidMs?: number } = {},
  ): Promise<{ entry: EntryView; set: HeaderSet }> {
    const set = await this.headerSet(id, options.minValidMs);
    return { entry: this.deps.vault.get(id), set };
  }

  private async headerSet(id: string, minValidMs?: number): Promise<HeaderSet> {
    const entry = this.deps.vault.get(id);
    if (entry.status === 'revoked') {
      throw new VaultError(
        'invalid-input',
        `"${entry.label}" was revoked; its token no longer works.`,
      );
    }
    const module = moduleOf(entry);
    const secret = module.refreshedAccess
      ? await this.deps.getAccessToken(id, minValidMs)
      : this.deps.vault.readSecret(id, module.bearerField);
    if (!secret) throw new VaultError('not-found', `"${entry.label}" has no token stored.`);
    return headerPairs(this.deps.vault.get(id), secret);
  }
}
