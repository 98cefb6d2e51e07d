// The API-key kind as the shared screens show it (provider-ui.ts KindUi): a deadline only when
// the user typed one, "Verify" only with a verification URL, and the service named by that
// URL's host where other kinds name their provider.
import type { ApiKeyEntry } from '../../../preload/api';
import { t } from '../../i18n/i18n';
import type { KindUi } from '../provider-ui';
import { hostOf } from '../../ui/url-host';

export const apiKeyUi: KindUi<ApiKeyEntry> = {
  kind: 'api-key',
  provider: 'api-key',
  nameKey: 'kind.api-key',
  providerNameKey: 'provider.api-key',
  reauthorizable: false,
  expiryKeys: {
    none: 'expiry.never',
    noneTone: 'muted',
    future: 'expiry.expires',
    past: 'expiry.expired',
  },
  deadlineAt: (e) => e.expiresAt,
  revokedAt: () => undefined,
  remoteId: () => undefined,
  deadlines: (e) => [{ key: 'apikey.expiry.key', at: e.expiresAt }],
  canRevoke: () => false,
  canVerify: (e) => e.verifyUrl !== undefined,
  issuer: (e) => (e.verifyUrl !== undefined ? hostOf(e.verifyUrl) : t('apikey.issuer.unknown')),
};
