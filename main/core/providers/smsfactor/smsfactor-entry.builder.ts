// The stored shape of SMSFactor entries, for a pasted token and for a minted one. Only a
// masked preview of the token goes into metadata; the token itself is sealed separately.
import type { AccountInfo, SmsfactorTokenEntry, WireFormat } from '../../../../preload/api';
import type { NewEntry } from '../../vault/vault.types';
import type { MintAnswer } from './smsfactor.client';
import type { MintInput } from './smsfactor.validation';

export type NewSmsfactorEntry = Extract<NewEntry, { kind: 'smsfactor-token' }>;

/** `abcd…wxyz` for long tokens, `…yz` for short ones: enough to recognise, not to use. */
export function maskToken(token: string): string {
  return token.length >= 20 ? `${token.slice(0, 4)}…${token.slice(-4)}` : `…${token.slice(-2)}`;
}

/** A token made on the platform: no TTL, no IP list and no token id are known for it. */
export function pastedTokenEntry(
  label: string,
  token: string,
  account: AccountInfo,
  format: WireFormat,
  verifiedAt: number,
): NewSmsfactorEntry {
  return {
    label,
    provider: 'smsfactor',
    kind: 'smsfactor-token',
    status: 'active',
    account,
    lastVerifiedAt: verifiedAt,
    preview: maskToken(token),
    ttlSeconds: null,
    expiresAt: null,
    allowedIps: [],
    format,
  };
}

/** A minted token: inherits the parent's account (or names the sub-account) and wire format. */
export function mintedTokenEntry(
  label: string,
  input: MintInput,
  parent: SmsfactorTokenEntry,
  answer: MintAnswer,
  mintedAt: number,
): NewSmsfactorEntry {
  return {
    label,
    provider: 'smsfactor',
    kind: 'smsfactor-token',
    status: 'active',
    account: input.subAccountId ? { id: input.subAccountId } : parent.account,
    preview: maskToken(answer.token),
    tokenId: answer.tokenId,
    ttlSeconds: input.ttlSeconds,
    expiresAt: input.ttlSeconds === null ? null : mintedAt + input.ttlSeconds * 1000,
    allowedIps: input.allowedIps,
    subAccountId: input.subAccountId,
    parentId: parent.id,
    format: parent.format,
  };
}
