// Which authorization server an entry talks to (issue 21 part 1): from an issuer by RFC 8414
// discovery (`/.well-known/oauth-authorization-server`, the well-known part inserted before
// an issuer's path), then OpenID discovery (`/.well-known/openid-configuration`), refusing
// metadata whose `issuer` is not the one asked for; or from explicit endpoints, with no
// discovery request. oauth4webapi does the protocol rules; this picks and explains.
import * as oauth from 'oauth4webapi';
import type { OAuth2ClientAuth, OAuth2Entry } from '../../../../preload/api';
import { isLoopbackHttp, ProviderError, redactUrl, type HttpClient } from '../http';
import { wireOptions } from './oauth2.wire';

export interface ResolvedServer {
  as: oauth.AuthorizationServer;
  /** The issuer discovery confirmed; undefined for explicit endpoints. */
  issuer?: string;
  authorizeUrl: string;
  tokenUrl: string;
  revocationUrl?: string;
  issParameter: boolean;
  /** From discovery's token_endpoint_auth_methods_supported, when it names one we use. */
  suggestedAuth?: OAuth2ClientAuth;
}

/** https, or plain http to this machine only: the endpoints see secrets. */
export function requireSafeUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProviderError('provider-error', `The ${what} is not a URL.`);
  }
  if (parsed.protocol !== 'https:' && !isLoopbackHttp(url)) {
    throw new ProviderError(
      'provider-error',
      `The ${what} must be https:// (plain http only to this computer).`,
    );
  }
  if (parsed.username || parsed.password || parsed.hash) {
    throw new ProviderError('provider-error', `The ${what} cannot hold a user name or a #part.`);
  }
  return parsed;
}

const AUTH_BY_METHOD: Record<string, OAuth2ClientAuth> = {
  client_secret_basic: 'basic',
  client_secret_post: 'post',
  none: 'none',
};

function fromMetadata(as: oauth.AuthorizationServer, issuer: string): ResolvedServer {
  if (!as.authorization_endpoint || !as.token_endpoint) {
    throw new ProviderError(
      'provider-error',
      `The metadata of ${issuer} names no authorization or token endpoint.`,
    );
  }
  requireSafeUrl(as.authorization_endpoint, 'authorization endpoint');
  requireSafeUrl(as.token_endpoint, 'token endpoint');
  if (
    as.code_challenge_methods_supported &&
    !as.code_challenge_methods_supported.includes('S256')
  ) {
    throw new ProviderError(
      'provider-error',
      `${issuer} does not offer PKCE with S256, which Token Vault always uses.`,
    );
  }
  const methods = as.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const suggested = methods.map((m) => AUTH_BY_METHOD[m]).find((m) => m !== undefined);
  return {
    as,
    issuer: as.issuer,
    authorizeUrl: as.authorization_endpoint,
    tokenUrl: as.token_endpoint,
    ...(as.revocation_endpoint ? { revocationUrl: as.revocation_endpoint } : {}),
    issParameter: as.authorization_response_iss_parameter_supported === true,
    ...(suggested ? { suggestedAuth: suggested } : {}),
  };
}

/** RFC 8414 first, then OpenID discovery; the issuer in the answer must be the one asked. */
export async function discover(
  http: Pick<HttpClient, 'request'>,
  issuerUrl: string,
): Promise<ResolvedServer> {
  const issuer = requireSafeUrl(issuerUrl, 'issuer URL');
  const where = redactUrl(issuer.href);
  let lastProblem = '';
  for (const algorithm of ['oauth2', 'oidc'] as const) {
    const response = await oauth.discoveryRequest(issuer, {
      algorithm,
      ...wireOptions(http, issuer.href),
    });
    if (response.status === 404) {
      lastProblem = 'no metadata document';
      continue;
    }
    try {
      const as = await oauth.processDiscoveryResponse(issuer, response);
      return fromMetadata(as, where);
    } catch (err) {
      if (err instanceof ProviderError) throw err;
      if (
        err instanceof oauth.OperationProcessingError &&
        err.code === oauth.JSON_ATTRIBUTE_COMPARISON
      ) {
        throw new ProviderError(
          'provider-error',
          `The metadata at ${where} names another issuer; it was refused.`,
        );
      }
      lastProblem = `an unusable metadata document (HTTP ${response.status})`;
    }
  }
  throw new ProviderError(
    'provider-error',
    `No OAuth metadata found for ${where} (${lastProblem}). Give the authorize and token URLs instead.`,
  );
}

/** Explicit endpoints: no discovery request, no issuer to check `iss` against. */
export function explicitServer(endpoints: {
  authorizeUrl: string;
  tokenUrl: string;
  revocationUrl?: string;
}): ResolvedServer {
  const authorize = requireSafeUrl(endpoints.authorizeUrl, 'authorize URL');
  requireSafeUrl(endpoints.tokenUrl, 'token URL');
  if (endpoints.revocationUrl) requireSafeUrl(endpoints.revocationUrl, 'revocation URL');
  const as: oauth.AuthorizationServer = {
    // oauth4webapi needs an issuer value; without `iss` support nothing compares it.
    issuer: authorize.origin,
    authorization_endpoint: endpoints.authorizeUrl,
    token_endpoint: endpoints.tokenUrl,
    ...(endpoints.revocationUrl ? { revocation_endpoint: endpoints.revocationUrl } : {}),
  };
  return {
    as,
    authorizeUrl: endpoints.authorizeUrl,
    tokenUrl: endpoints.tokenUrl,
    ...(endpoints.revocationUrl ? { revocationUrl: endpoints.revocationUrl } : {}),
    issParameter: false,
  };
}

/** The server of a stored entry, without asking the network again. */
export function serverOf(entry: OAuth2Entry): oauth.AuthorizationServer {
  return {
    issuer: entry.issuer ?? new URL(entry.authorizeUrl).origin,
    authorization_endpoint: entry.authorizeUrl,
    token_endpoint: entry.tokenUrl,
    ...(entry.revocationUrl ? { revocation_endpoint: entry.revocationUrl } : {}),
    ...(entry.issParameter ? { authorization_response_iss_parameter_supported: true } : {}),
  };
}

export function clientAuthOf(
  method: OAuth2ClientAuth,
  secret: string | undefined,
): oauth.ClientAuth {
  if (method === 'none') return oauth.None();
  if (!secret) {
    throw new ProviderError(
      'provider-error',
      'This client needs its client secret, which is missing.',
    );
  }
  return method === 'basic' ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
}
