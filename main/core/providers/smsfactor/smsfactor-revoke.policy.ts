// Deciding that a token is revoked. Marking a live token "revoked" would be worse than failing
// (the user would stop worrying about it), so only a successful DELETE or proof that SMSFactor
// no longer accepts the token counts.
import type { SmsfactorTokenEntry } from '../../../../preload/api';
import { ProviderError } from '../http';
import type { SmsfactorClient } from './smsfactor.client';

export interface RevokeSigner {
  entry: SmsfactorTokenEntry;
  token: string;
  client: SmsfactorClient;
}

/**
 * DELETE /token/:id, first with the parent (the token that minted it), then with the token
 * itself: whether a parent may delete its sub-accounts' tokens is not documented, and the
 * parent may itself be refused. Returns the audit detail.
 */
export async function revokeRemote(
  tokenId: string,
  self: RevokeSigner,
  parent: RevokeSigner | undefined,
  now: number,
): Promise<string> {
  const detail = `token id ${tokenId}`;
  if (parent) {
    try {
      await parent.client.deleteToken(parent.token, tokenId);
      return `${detail} with "${parent.entry.label}"`;
    } catch (err) {
      // -5: the parent cannot see it (gone, or not its own); -1: the parent is refused.
      const tryAgain =
        err instanceof ProviderError && (err.providerCode === '-5' || err.code === 'auth-error');
      if (!tryAgain) throw err;
    }
  }
  try {
    await self.client.deleteToken(self.token, tokenId);
    return `${detail} with itself`;
  } catch (err) {
    if (!(err instanceof ProviderError && err.code === 'auth-error')) throw err;
    // Refused: deleted or expired already, unless an IP restriction explains the refusal.
    const expired = self.entry.expiresAt !== null && self.entry.expiresAt <= now;
    if (self.entry.allowedIps.length === 0 || expired) {
      return `${detail} (SMSFactor no longer accepts it)`;
    }
    throw new ProviderError(
      'provider-error',
      `SMSFactor refused to revoke token id ${tokenId}, and its IP restriction may hide whether it is still active. Revoke it on the SMSFactor platform.`,
      err.status,
      err.providerCode,
    );
  }
}
