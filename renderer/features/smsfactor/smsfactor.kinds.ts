// SMSFactor's token as the shared screens show it (provider-ui.ts KindUi): it has an id at
// SMSFactor, can be revoked there, and a revoked token's expiry no longer matters.
import type { SmsfactorTokenEntry } from '../../../preload/api';
import type { KindUi } from '../provider-ui';

export const smsfactorTokenUi: KindUi<SmsfactorTokenEntry> = {
  kind: 'smsfactor-token',
  provider: 'smsfactor',
  nameKey: 'kind.smsfactor-token',
  providerNameKey: 'provider.smsfactor',
  reauthorizable: false,
  expiryKeys: {
    none: 'expiry.never',
    noneTone: 'ok',
    future: 'expiry.expires',
    past: 'expiry.expired',
  },
  deadlineAt: (e) => e.expiresAt,
  revokedAt: (e) => e.revokedAt,
  remoteId: (e) => e.tokenId,
  deadlines: (e) => [
    { key: 'detail.expiry.token', at: e.expiresAt },
    ...(e.revokedAt !== undefined
      ? [{ key: 'detail.expiry.revoked' as const, at: e.revokedAt }]
      : []),
  ],
  canRevoke: (e) => e.status !== 'revoked' && e.revokedAt === undefined && e.tokenId !== undefined,
  canVerify: () => true,
};
