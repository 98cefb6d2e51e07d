// The protocol calls of a generic OAuth 2.0 connection, made by oauth4webapi (issue 21): the
// authorize URL with PKCE S256 and state, the callback checked (state, RFC 9207 `iss`, error
// answers), the code exchange, refreshes and RFC 7009 revocation. Failures become
// ProviderErrors in plain words; `invalid_grant` on a refresh is 'needs-reauth'. No message
// holds a secret or a token URL's query.
import * as oauth from 'oauth4webapi';
import type { OAuth2ClientAuth } from '../../../../preload/api';
import { ProviderError, redactUrl, type HttpClient } from '../http';
import { clientAuthOf } from './oauth2.server';
import { wireOptions } from './oauth2.wire';

export interface OAuth2ClientInfo {
  clientId: string;
  clientAuth: OAuth2ClientAuth;
  clientSecret?: string;
}

export interface TokenSet {
  accessToken: string;
  /** Seconds, when the server said. */
  expiresIn?: number;
  refreshToken?: string;
  /** Seconds, when the server said (GitHub, this sandbox). */
  refreshExpiresIn?: number;
  scope?: string;
}

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: readonly string[];
  scopeSeparator: ' ' | ',';
  params: Readonly<Record<string, string>>;
}

/** The authorization request URL (RFC 6749 4.1.1 with PKCE S256, RFC 7636). */
export function authorizeUrl(as: oauth.AuthorizationServer, req: AuthorizeRequest): string {
  const url = new URL(as.authorization_endpoint ?? '');
  // The profile's own parameters first, so they can never replace the protocol's.
  for (const [key, value] of Object.entries(req.params)) url.searchParams.set(key, value);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', req.clientId);
  url.searchParams.set('redirect_uri', req.redirectUri);
  url.searchParams.set('state', req.state);
  url.searchParams.set('code_challenge', req.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (req.scopes.length > 0) url.searchParams.set('scope', req.scopes.join(req.scopeSeparator));
  return url.toString();
}

export const newVerifier = (): string => oauth.generateRandomCodeVerifier();
export const challengeOf = (verifier: string): Promise<string> =>
  oauth.calculatePKCECodeChallenge(verifier);

function tokenSet(res: oauth.TokenEndpointResponse): TokenSet {
  const set: TokenSet = { accessToken: res.access_token };
  if (typeof res.expires_in === 'number') set.expiresIn = res.expires_in;
  if (typeof res.refresh_token === 'string') set.refreshToken = res.refresh_token;
  const refreshIn = res['refresh_token_expires_in'];
  if (typeof refreshIn === 'number' && refreshIn > 0) set.refreshExpiresIn = refreshIn;
  if (typeof res.scope === 'string') set.scope = res.scope;
  return set;
}

/** What the server's error answer said, as a sentence. */
function serverSaid(err: oauth.ResponseBodyError | oauth.AuthorizationResponseError): string {
  return err.error_description ? `${err.error}: ${err.error_description}` : err.error;
}

/** Any oauth4webapi failure as a ProviderError in words. */
export function explain(err: unknown, where: string, step: string): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof oauth.ResponseBodyError) {
    const code =
      err.error === 'invalid_grant'
        ? 'needs-reauth'
        : err.error === 'invalid_client' || err.status === 401
          ? 'auth-error'
          : 'provider-error';
    return new ProviderError(
      code,
      `${where} refused the ${step} (${serverSaid(err)}).`,
      err.status,
      err.error,
    );
  }
  if (err instanceof oauth.AuthorizationResponseError) {
    return new ProviderError(
      'auth-error',
      err.error === 'access_denied'
        ? `Access was denied on the sign-in page (${serverSaid(err)}).`
        : `The server did not authorize Token Vault (${serverSaid(err)}).`,
      undefined,
      err.error,
    );
  }
  if (err instanceof oauth.WWWAuthenticateChallengeError) {
    return new ProviderError(
      'auth-error',
      `${where} refused the client's credentials.`,
      err.status,
    );
  }
  if (err instanceof oauth.OperationProcessingError) {
    return new ProviderError(
      'provider-error',
      `The ${step} answer of ${where} was refused: ${err.message}.`,
    );
  }
  return new ProviderError('provider-error', `The ${step} at ${where} failed.`);
}

export class OAuth2Client {
  constructor(private readonly http: Pick<HttpClient, 'request'>) {}

  /**
   * Checks the callback (state, `iss` when the server sends or promises it, an error answer)
   * before any request, then exchanges the code with the PKCE verifier.
   */
  async exchangeCode(
    as: oauth.AuthorizationServer,
    info: OAuth2ClientInfo,
    callback: URLSearchParams,
    expected: { state: string; redirectUri: string; verifier: string },
  ): Promise<TokenSet> {
    const client: oauth.Client = { client_id: info.clientId };
    const where = redactUrl(as.token_endpoint ?? '');
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(as, client, callback, expected.state);
    } catch (err) {
      throw explain(err, redactUrl(as.authorization_endpoint ?? ''), 'authorization');
    }
    try {
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuthOf(info.clientAuth, info.clientSecret),
        params,
        expected.redirectUri,
        expected.verifier,
        wireOptions(this.http, as.token_endpoint ?? ''),
      );
      return tokenSet(await oauth.processAuthorizationCodeResponse(as, client, response));
    } catch (err) {
      throw explain(err, where, 'code exchange');
    }
  }

  async refresh(
    as: oauth.AuthorizationServer,
    info: OAuth2ClientInfo,
    refreshToken: string,
  ): Promise<TokenSet> {
    const client: oauth.Client = { client_id: info.clientId };
    try {
      const response = await oauth.refreshTokenGrantRequest(
        as,
        client,
        clientAuthOf(info.clientAuth, info.clientSecret),
        refreshToken,
        wireOptions(this.http, as.token_endpoint ?? ''),
      );
      return tokenSet(await oauth.processRefreshTokenResponse(as, client, response));
    } catch (err) {
      throw explain(err, redactUrl(as.token_endpoint ?? ''), 'refresh');
    }
  }

  /** RFC 7009: the server forgets the grant. */
  async revoke(
    as: oauth.AuthorizationServer,
    info: OAuth2ClientInfo,
    token: string,
  ): Promise<void> {
    const client: oauth.Client = { client_id: info.clientId };
    try {
      const response = await oauth.revocationRequest(
        as,
        client,
        clientAuthOf(info.clientAuth, info.clientSecret),
        token,
        wireOptions(this.http, as.revocation_endpoint ?? ''),
      );
      await oauth.processRevocationResponse(response);
    } catch (err) {
      throw explain(err, redactUrl(as.revocation_endpoint ?? ''), 'revocation');
    }
  }
}
