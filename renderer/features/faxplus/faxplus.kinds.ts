// Fax.Plus's entry kinds as the shared screens show them (provider-ui.ts KindUi).
import type { FaxplusOAuthEntry, FaxplusPatEntry } from '../../../preload/api';
import type { KindUi } from '../provider-ui';

export const faxplusOauthUi: KindUi<FaxplusOAuthEntry> = {
  kind: 'faxplus-oauth',
  provider: 'faxplus',
  nameKey: 'kind.faxplus-oauth',
  providerNameKey: 'provider.faxplus',
  reauthorizable: true,
  // The access token renews itself; the refresh token is what the user must act on.
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
    { key: 'detail.expiry.access', at: e.accessExpiresAt, fallback: 'detail.expiry.renews' },
    { key: 'detail.expiry.refresh', at: e.refreshExpiresAt },
  ],
  canRevoke: () => false,
  canVerify: () => true,
};

export const faxplusPatUi: KindUi<FaxplusPatEntry> = {
  kind: 'faxplus-pat',
  provider: 'faxplus',
  nameKey: 'kind.faxplus-pat',
  providerNameKey: 'provider.faxplus',
  reauthorizable: false,
  expiryKeys: {
    none: 'expiry.unknown',
    noneTone: 'muted',
    future: 'expiry.expires',
    past: 'expiry.expired',
  },
  deadlineAt: (e) => e.expiresAt,
  revokedAt: () => undefined,
  remoteId: () => undefined,
  deadlines: (e) => [
    { key: 'detail.expiry.token', at: e.expiresAt, fallback: 'detail.expiry.unknown' },
  ],
  canRevoke: () => false,
  canVerify: () => true,
};
