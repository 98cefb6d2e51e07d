// Fax.Plus's two entry kinds under the provider contract (providers.md): an OAuth app whose
// 1-hour access token is refreshed and whose refresh token may end after 30 days, and a
// personal access token with an optional expiry. Both send `Authorization: Bearer`; only the
// OAuth kind adds `x-fax-clientid` (it would be wrong with a PAT).
import type { FaxplusOAuthEntry, FaxplusPatEntry } from '../../../../preload/api';
import { bearerHeader, validFor, type EntryKindModule } from '../contract';

export const faxplusOauth: EntryKindModule<FaxplusOAuthEntry> = {
  kind: 'faxplus-oauth',
  provider: 'faxplus',
  providerName: 'Fax.Plus',
  trayName: 'Fax.Plus',
  reminderNoun: 'Fax.Plus',
  secretFields: ['clientSecret', 'accessToken', 'refreshToken'],
  bearerField: 'accessToken',
  refreshedAccess: true,
  // No known expiry means refresh: Fax.Plus always says how long a token lives.
  accessFresh: (e, now, minValidMs) => validFor(e.accessExpiresAt, now, minValidMs),
  reauthorizable: true,
  deadlineKind: 'refresh-expiry',
  deadlineAt: (e) => e.refreshExpiresAt,
  tokenExpiresAt: (e) => e.accessExpiresAt ?? null,
  authHeader: (_e, secret) => bearerHeader(secret),
  extraHeaders: (e) => [{ name: 'x-fax-clientid', value: e.clientId }],
  fields: (e) => ({ client_id: e.clientId }),
  defaultEnv: { FAXPLUS_ACCESS_TOKEN: 'token', FAXPLUS_CLIENT_ID: 'client_id' },
};

export const faxplusPat: EntryKindModule<FaxplusPatEntry> = {
  kind: 'faxplus-pat',
  provider: 'faxplus',
  providerName: 'Fax.Plus',
  trayName: 'Fax.Plus PAT',
  reminderNoun: 'Fax.Plus PAT',
  secretFields: ['pat'],
  bearerField: 'pat',
  refreshedAccess: false,
  reauthorizable: false,
  deadlineKind: 'pat-expiry',
  deadlineAt: (e) => e.expiresAt,
  tokenExpiresAt: (e) => e.expiresAt,
  authHeader: (_e, secret) => bearerHeader(secret),
  extraHeaders: () => [],
  fields: () => ({}),
  // A PAT is sent exactly like an access token, so scripts work with either kind.
  defaultEnv: { FAXPLUS_ACCESS_TOKEN: 'token' },
};
