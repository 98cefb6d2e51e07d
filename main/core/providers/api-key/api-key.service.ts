// Adding and verifying API-key entries. "Verify" is a GET of the entry's verification URL with
// the headers the entry exports: a 2xx means the key works. A key refused when it is added is
// never stored; one refused later is marked so the list and reminders show it.
import { STATUS_CODES } from 'node:http';
import type { ApiKeyEntry, EntryView, Req } from '../../../../preload/api';
import { headerPairs } from '../../export/header-formats';
import type { Clock } from '../../ports';
import { VaultError, type NewEntry, type VaultApi } from '../../vault/vault.types';
import { ProviderError, redactUrl, type HttpClient } from '../http';
import { ApiKeyInputError, checkApiKeyInput, keyPreview, requireKey } from './api-key.rules';

export interface ApiKeyServiceDeps {
  vault: VaultApi;
  http: Pick<HttpClient, 'request'>;
  clock: Clock;
}

/** "HTTP 401 Unauthorized": the status and its standard words. */
export function statusWords(status: number): string {
  const words = STATUS_CODES[status];
  return words ? `HTTP ${status} ${words}` : `HTTP ${status}`;
}

export class ApiKeyService {
  constructor(private readonly deps: ApiKeyServiceDeps) {}

  /** Checks the input (and the key, when there is a verification URL), then stores it. */
  async add(req: Req<'apikey:add'>): Promise<ApiKeyEntry> {
    const { vault, clock } = this.deps;
    const label = req.label.trim();
    if (!label) throw new ApiKeyInputError('label', 'Give the entry a label.');
    if (label.length > 100) {
      throw new ApiKeyInputError('label', 'Keep the label under 100 characters.');
    }
    // Before any network wait: a taken label is the user's to fix at once.
    if (vault.findByLabel('api-key', label)) {
      throw new VaultError('duplicate-label', `An API key named "${label}" already exists.`);
    }
    const secret = requireKey(req.secret);
    const now = clock.now();
    const shape = checkApiKeyInput(req, now);
    const entry: NewEntry & { kind: 'api-key' } = {
      kind: 'api-key',
      provider: 'api-key',
      label,
      status: 'active',
      preview: keyPreview(secret),
      ...shape,
    };
    if (shape.verifyUrl !== undefined) {
      try {
        await this.check(entry, shape.verifyUrl, secret);
      } catch (err) {
        if (err instanceof ProviderError) {
          throw new ProviderError(
            err.code,
            `${err.message} The key was not stored.`,
            err.status,
            err.providerCode,
          );
        }
        throw err;
      }
      entry.lastVerifiedAt = clock.now();
    }
    return vault.add(entry, { secret }) as ApiKeyEntry;
  }

  /** Calls the verification URL with the stored key and records the outcome on the entry. */
  async verify(id: string): Promise<EntryView> {
    const { vault, clock } = this.deps;
    const entry = vault.get(id);
    if (entry.kind !== 'api-key') {
      throw new VaultError('invalid-input', `"${entry.label}" is not an API key.`);
    }
    if (entry.verifyUrl === undefined) {
      throw new VaultError(
        'invalid-input',
        `"${entry.label}" has no verification URL, so it cannot be checked.`,
      );
    }
    const secret = vault.readSecret(id, 'secret');
    if (!secret) throw new VaultError('not-found', `"${entry.label}" has no key stored.`);
    try {
      await this.check(entry, entry.verifyUrl, secret);
    } catch (err) {
      if (err instanceof ProviderError) {
        vault.update(id, {
          lastError: err.message,
          ...(err.code === 'auth-error' ? { status: 'error' as const } : {}),
        });
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

  /** GET `url` with the entry's headers; anything but a 2xx is a ProviderError in words. */
  private async check(
    entry: Omit<ApiKeyEntry, 'id' | 'createdAt' | 'updatedAt'>,
    url: string,
    secret: string,
  ): Promise<void> {
    const view = { ...entry, id: '', createdAt: 0, updatedAt: 0 };
    const { pairs } = headerPairs(view, secret);
    const headers = Object.fromEntries(pairs.map((p) => [p.name, p.value]));
    const res = await this.deps.http.request({ method: 'GET', url, headers });
    if (res.status >= 200 && res.status < 300) return;
    const where = redactUrl(url);
    const said = statusWords(res.status);
    if (res.status === 401 || res.status === 403) {
      throw new ProviderError('auth-error', `${where} refused the key (${said}).`, res.status);
    }
    if (res.status >= 300 && res.status < 400) {
      throw new ProviderError(
        'provider-error',
        `${where} answered with a redirect (${said}); use the address it points to, so the key is not sent on blindly.`,
        res.status,
      );
    }
    throw new ProviderError(
      'provider-error',
      `${where} answered ${said}, not a success; check the verification URL.`,
      res.status,
    );
  }
}
