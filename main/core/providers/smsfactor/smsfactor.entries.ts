// SMSFactor's token under the provider contract (providers.md): `Authorization: Bearer`
// plus an `Accept` matching the entry's wire format, because the API answers XML unless
// asked otherwise; a TTL gives it an expiry.
import type { SmsfactorTokenEntry } from '../../../../preload/api';
import { bearerHeader, type EntryKindModule } from '../contract';

export const smsfactorToken: EntryKindModule<SmsfactorTokenEntry> = {
  kind: 'smsfactor-token',
  provider: 'smsfactor',
  providerName: 'SMSFactor',
  trayName: 'SMSFactor',
  reminderNoun: 'SMSFactor token',
  secretFields: ['token'],
  bearerField: 'token',
  refreshedAccess: false,
  reauthorizable: false,
  deadlineKind: 'token-expiry',
  deadlineAt: (e) => e.expiresAt,
  tokenExpiresAt: (e) => e.expiresAt,
  authHeader: (_e, secret) => bearerHeader(secret),
  extraHeaders: (e) => [
    { name: 'Accept', value: e.format === 'xml' ? 'application/xml' : 'application/json' },
  ],
  fields: (e): Record<string, string> => (e.tokenId === undefined ? {} : { token_id: e.tokenId }),
  defaultEnv: { SMSFACTOR_TOKEN: 'token' },
};
