// Built-in OAuth 2.0 profiles, as data (issue 21 part 3; facts in ../shared/providers.md, checked
// 2026-12). Where a provider bends a spec, the profile says so and the generic client copes
// (oauth2.wire.ts); no code branches on a profile's name.
import type { OAuth2ClientAuth } from '../../../../preload/api';

export type OAuth2ProfileId = 'github' | 'google' | 'microsoft' | 'slack';

export interface OAuth2Profile {
  id: OAuth2ProfileId;
  name: string;
  /** Discovery issuer; absent = the endpoints below are used as they are, with no discovery. */
  issuer?: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** RFC 7009 revocation endpoint, when the provider has one. */
  revocationUrl?: string;
  defaultScopes: readonly string[];
  /** How scopes are joined in the authorize request (Slack: commas). */
  scopeSeparator: ' ' | ',';
  clientAuth: OAuth2ClientAuth;
  /** Added to the authorize request (Google: offline access and a fresh consent). */
  authorizeParams: Readonly<Record<string, string>>;
  /** The documented refresh-token lifetime when the token answer does not say, in days. */
  refreshDays: number | null;
  /** A GET with the access token that answers 2xx while the grant works ("Verify"). */
  verifyUrl?: string;
  /** A sentence the app and the CLI show beside the profile. */
  note: string;
}

export const OAUTH2_PROFILES: readonly OAuth2Profile[] = [
  {
    // docs.github.com, "Authorizing OAuth apps" and "Refreshing user access tokens":
    // no discovery; form-encoded answers unless Accept: application/json; errors with HTTP 200;
    // expiring user tokens live 8 h, their refresh tokens about six months (sent as
    // refresh_token_expires_in), each refresh token works once.
    id: 'github',
    name: 'GitHub',
    authorizeUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
    defaultScopes: ['read:user'],
    scopeSeparator: ' ',
    clientAuth: 'post',
    authorizeParams: {},
    refreshDays: null,
    verifyUrl: 'https://api.github.com/user',
    note: 'Classic OAuth app tokens without expiration have no refresh token and no deadline.',
  },
  {
    // developers.google.com/identity/protocols/oauth2, "Refresh token expiration": discovery
    // at accounts.google.com; a refresh token only with access_type=offline (and prompt=consent
    // on a repeat consent); it lapses after six months unused, or 7 days for an app in
    // "Testing" with external users (type --refresh-days 7 then).
    id: 'google',
    name: 'Google',
    issuer: 'https://accounts.google.com',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revocationUrl: 'https://oauth2.googleapis.com/revoke',
    defaultScopes: ['openid', 'email'],
    scopeSeparator: ' ',
    clientAuth: 'basic',
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
    refreshDays: 183,
    verifyUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
    note: 'An app whose consent screen is in "Testing" gets 7-day refresh tokens: set 7 days.',
  },
  {
    // learn.microsoft.com, "Refresh tokens in the Microsoft identity platform": v2.0
    // endpoints of the `common` tenant (its discovery document carries a literal {tenantid}
    // issuer, so explicit endpoints are used); offline_access for a refresh token; 90 days;
    // no RFC 7009 revocation.
    id: 'microsoft',
    name: 'Microsoft',
    authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    defaultScopes: ['offline_access', 'User.Read'],
    scopeSeparator: ' ',
    clientAuth: 'post',
    authorizeParams: {},
    refreshDays: 90,
    verifyUrl: 'https://graph.microsoft.com/v1.0/me',
    note: 'A redirect URI registered as a single-page app gets 24-hour refresh tokens.',
  },
  {
    // docs.slack.dev, "oauth.v2.access" and "Using token rotation": comma-separated scopes,
    // HTTP Basic client authentication, PKCE accepted; failures can be HTTP 200 with
    // {"ok": false}; rotation is opt-in (12-hour tokens), without it tokens never expire;
    // revocation is auth.revoke, not RFC 7009.
    id: 'slack',
    name: 'Slack',
    authorizeUrl: 'https://slack.com/oauth/v2/authorize',
    tokenUrl: 'https://slack.com/api/oauth.v2.access',
    defaultScopes: ['chat:write'],
    scopeSeparator: ',',
    clientAuth: 'basic',
    authorizeParams: {},
    refreshDays: null,
    verifyUrl: 'https://slack.com/api/auth.test',
    note: 'Without token rotation turned on for the app, tokens never expire.',
  },
];

export function findProfile(id: string): OAuth2Profile | undefined {
  return OAUTH2_PROFILES.find((p) => p.id === id);
}
