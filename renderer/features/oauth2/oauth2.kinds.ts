// The generic OAuth 2.0 kind as the shared screens show it (provider-ui.ts KindUi): the
// authorization's end is the deadline (reconnect), the access token renews itself.
import type { OAuth2Entry } from '../../../preload/api';
import type { KindUi } from '../provider-ui';

export const oauth2Ui: KindUi<OAuth2Entry> = {
  kind: 'oauth2',
  provider: 'oauth2',
  nameKey: 'kind.oauth2',
  providerNameKey: 'provider.oauth2',
  reauthorizable: true,
  expiryKeys: {
    none: 'expiry.refreshNever',
    noneTone: 'ok',
    future: 'expiry.reauthorizeBy',
    past: 'expiry.refreshExpired',
  },
  deadlineAt: (e) => e.refreshExpiresAt,
  revokedAt: () => undefined,
  remoteId: () => undefined,
  deadlines: (e) => [
    {
      key: 'oauth2.expiry.access',
      at: e.accessExpiresAt,
      ...(e.hasRefreshToken ? { fallback: 'detail.expiry.renews' as const } : {}),
    },
    { key: 'oauth2.expiry.refresh', at: e.refreshExpiresAt },
  ],
  canRevoke: (e) => e.revocationUrl !== undefined,
  canVerify: (e) => e.verifyUrl !== undefined || e.hasRefreshToken,
  issuer: (e) => new URL(e.issuer ?? e.authorizeUrl).host,
};
