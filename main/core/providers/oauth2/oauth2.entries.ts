// Any OAuth 2.0 connection under the provider contract: a refreshed access token sent as
// `Authorization: Bearer`, and the refresh token's end (sent by the server, documented by
// the profile, or typed by the user) as the deadline the reminders track.
import type { OAuth2Entry } from '../../../../preload/api';
import { bearerHeader, validFor, type EntryKindModule } from '../contract';

export const oauth2: EntryKindModule<OAuth2Entry> = {
  kind: 'oauth2',
  provider: 'oauth2',
  providerName: 'OAuth 2.0',
  trayName: 'OAuth 2.0',
  reminderNoun: 'OAuth 2.0 app',
  secretFields: ['clientSecret', 'accessToken', 'refreshToken'],
  bearerField: 'accessToken',
  refreshedAccess: true,
  // A token whose lifetime the server did not say is used until a call is refused (401).
  accessFresh: (e, now, minValidMs) =>
    e.accessExpiresAt === undefined || validFor(e.accessExpiresAt, now, minValidMs),
  reauthorizable: true,
  deadlineKind: 'refresh-expiry',
  deadlineAt: (e) => e.refreshExpiresAt,
  tokenExpiresAt: (e) => e.accessExpiresAt ?? null,
  authHeader: (_e, secret) => bearerHeader(secret),
  extraHeaders: () => [],
  fields: (e) => ({ client_id: e.clientId }),
  defaultEnv: { OAUTH2_ACCESS_TOKEN: 'token' },
};
