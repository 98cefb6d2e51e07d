// Request handlers of the Fax.Plus sandbox. Strict on purpose: a client that gets a detail
// of providers.md wrong (header, content type, parameter placement) fails here, not in the
// field.
import type { ServerResponse } from 'node:http';
import { approvalPage, errorPage } from './faxplus-sandbox.pages';
import type { FaxplusFault, SandboxPat, SandboxState } from './faxplus-sandbox.state';
import { randomToken } from './faxplus-sandbox.state';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RouteContext {
  state: SandboxState;
  /** Responses held by the 'slow' fault until the sandbox closes. */
  hold: (res: ServerResponse) => void;
}

type Params = Record<string, string>;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  });
  res.end(body);
}

function err(res: ServerResponse, status: number, error: string, description: string): void {
  json(res, status, { error, description });
}

/** Answers a fault; returns false when the fault does not short-circuit the request. */
function playFault(
  ctx: RouteContext,
  res: ServerResponse,
  fault: FaxplusFault | undefined,
): boolean {
  switch (fault) {
    case 'server-error':
      err(res, 500, 'server_error', 'The sandbox simulates an internal error.');
      return true;
    case 'unauthorized':
      err(res, 401, 'unauthorized', 'The sandbox simulates a rejected credential.');
      return true;
    case 'invalid-grant':
      json(res, 400, { error: 'invalid_grant', error_description: 'Refresh token is invalid.' });
      return true;
    case 'html':
      html(res, 502, errorPage(502, 'Bad gateway (sandbox HTML error page).'));
      return true;
    case 'slow':
      ctx.hold(res);
      return true;
    default:
      return false;
  }
}

function toParams(search: URLSearchParams): Params | 'duplicate' {
  const out: Params = {};
  for (const [key, value] of search) {
    if (key in out) return 'duplicate';
    out[key] = value;
  }
  return out;
}

export function handleLoginGet(ctx: RouteContext, req: RecordedRequest, res: ServerResponse): void {
  const q = req.query;
  const client = q.client_id ? ctx.state.clients.get(q.client_id) : undefined;
  if (!client) return html(res, 400, errorPage(400, 'Unknown client_id.'));
  if (!q.redirect_uri || !ctx.state.redirectAllowed(client, q.redirect_uri)) {
    // Never redirect to an unregistered URI (RFC 6749 4.1.2.1): show the error instead.
    return html(res, 400, errorPage(400, 'redirect_uri is not registered for this client.'));
  }
  if (q.response_type !== 'code')
    return html(res, 400, errorPage(400, 'response_type must be code.'));
  if (q.scope !== 'all') return html(res, 400, errorPage(400, 'scope must be all.'));
  const requestId = randomToken('req_', 12);
  ctx.state.authRequests.set(requestId, {
    clientId: client.clientId,
    redirectUri: q.redirect_uri,
    state: q.state,
  });
  html(
    res,
    200,
    approvalPage({
      requestId,
      clientName: client.name ?? client.clientId,
      email: ctx.state.account.email,
    }),
  );
}

export function handleLoginPost(
  ctx: RouteContext,
  req: RecordedRequest,
  res: ServerResponse,
): void {
  const form = toParams(new URLSearchParams(req.body));
  if (form === 'duplicate') return html(res, 400, errorPage(400, 'Duplicate form fields.'));
  const pending = form.request_id ? ctx.state.authRequests.get(form.request_id) : undefined;
  if (!pending) return html(res, 400, errorPage(400, 'Unknown or used authorization request.'));
  ctx.state.authRequests.delete(form.request_id ?? '');
  const target = new URL(pending.redirectUri);
  if (form.decision === 'approve') {
    target.searchParams.set('code', ctx.state.issueCode(pending.clientId, pending.redirectUri));
  } else {
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('error_description', 'The user denied access.');
  }
  if (pending.state !== undefined && !ctx.state.takeFault('login', ['drop-state'])) {
    target.searchParams.set('state', pending.state);
  }
  res.writeHead(303, { Location: target.toString() });
  res.end();
}

function basicClient(ctx: RouteContext, header: string | string[] | undefined) {
  if (typeof header !== 'string' || !header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const client = ctx.state.clients.get(decoded.slice(0, colon));
  return client && client.clientSecret === decoded.slice(colon + 1) ? client : undefined;
}

export function handleToken(ctx: RouteContext, req: RecordedRequest, res: ServerResponse): void {
  const { state } = ctx;
  if (
    playFault(
      ctx,
      res,
      state.takeFault('token', ['server-error', 'unauthorized', 'invalid-grant', 'html', 'slow']),
    )
  )
    return;
  const type = String(req.headers['content-type'] ?? '');
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return err(
      res,
      400,
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded.',
    );
  }
  const client = basicClient(ctx, req.headers.authorization);
  if (!client) return err(res, 401, 'invalid_client', 'Client authentication failed.');
  const body = toParams(new URLSearchParams(req.body));
  if (body === 'duplicate') return err(res, 400, 'invalid_request', 'Duplicate parameters.');
  const p: Params = { ...req.query };
  for (const [key, value] of Object.entries(body)) {
    if (key in p && p[key] !== value) {
      return err(res, 400, 'invalid_request', `Parameter ${key} differs between query and body.`);
    }
    p[key] = value;
  }
  if (p.client_id !== undefined && p.client_id !== client.clientId) {
    return err(res, 400, 'invalid_request', 'client_id does not match the authenticated client.');
  }
  const noExpiry = state.takeFault('token', ['no-expires-in']) !== undefined;
  const answer = (tokens: { access: string; refresh?: string }): void => {
    const out: Record<string, unknown> = {
      access_token: tokens.access,
      token_type: 'Bearer',
      scope: 'all',
    };
    if (!noExpiry) out.expires_in = state.accessTokenSeconds;
    if (tokens.refresh) out.refresh_token = tokens.refresh;
    json(res, 200, out);
  };

  if (p.grant_type === 'authorization_code') {
    const grant = p.code ? state.codes.get(p.code) : undefined;
    if (!grant || grant.used || grant.expiresAt <= state.now()) {
      return err(res, 400, 'invalid_grant', 'Authorization code is invalid, used or expired.');
    }
    if (grant.clientId !== client.clientId || grant.redirectUri !== p.redirect_uri) {
      return err(res, 400, 'invalid_grant', 'Code was issued to another client or redirect_uri.');
    }
    grant.used = true;
    return answer(state.issueTokens(client.clientId, true));
  }
  if (p.grant_type === 'refresh_token') {
    const rt = p.refresh_token ? state.refreshTokens.get(p.refresh_token) : undefined;
    if (!state.isLive(rt) || rt.clientId !== client.clientId) {
      return err(res, 400, 'invalid_grant', 'Refresh token is invalid, revoked or expired.');
    }
    if (state.rotation === 'none') return answer(state.issueTokens(client.clientId, false));
    // Rotation: the new refresh token keeps the original deadline of the authorization.
    rt.revoked = true;
    const tokens = state.issueTokens(client.clientId, true);
    const fresh = tokens.refresh ? state.refreshTokens.get(tokens.refresh) : undefined;
    if (fresh) fresh.expiresAt = rt.expiresAt;
    return answer(tokens);
  }
  err(
    res,
    400,
    'unsupported_grant_type',
    'grant_type must be authorization_code or refresh_token.',
  );
}

type Caller = { kind: 'oauth'; scopes: string[] } | { kind: 'pat'; pat: SandboxPat };

function apiCaller(
  ctx: RouteContext,
  req: RecordedRequest,
  res: ServerResponse,
): Caller | undefined {
  const { state } = ctx;
  const auth = req.headers.authorization;
  const clientHeader = req.headers['x-fax-clientid'];
  if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
    err(res, 401, 'unauthorized', 'Missing bearer token.');
    return undefined;
  }
  const token = auth.slice(7);
  const pat = state.pats.get(token);
  if (pat) {
    if (clientHeader !== undefined) {
      err(
        res,
        400,
        'invalid_request',
        'x-fax-clientid must not be sent with a personal access token.',
      );
      return undefined;
    }
    if (pat.expiresAt !== null && pat.expiresAt <= state.now()) {
      err(res, 401, 'token_expired', 'Personal access token expired.');
      return undefined;
    }
    pat.lastUsed = state.now();
    return { kind: 'pat', pat };
  }
  const at = state.accessTokens.get(token);
  if (!state.isLive(at)) {
    err(res, 401, 'invalid_token', 'Access token is invalid or expired.');
    return undefined;
  }
  if (clientHeader !== at.clientId) {
    err(res, 401, 'invalid_client', 'x-fax-clientid is missing or does not match the token.');
    return undefined;
  }
  return { kind: 'oauth', scopes: ['all'] };
}

export function handleApi(ctx: RouteContext, req: RecordedRequest, res: ServerResponse): void {
  if (
    playFault(
      ctx,
      res,
      ctx.state.takeFault('api', ['server-error', 'unauthorized', 'html', 'slow']),
    )
  )
    return;
  if (req.method !== 'GET') return err(res, 405, 'method_not_allowed', 'Only GET here.');
  if (req.path !== '/v3/accounts/self' && req.path !== '/v3/auth/token') {
    return err(res, 404, 'not_found', 'No such endpoint in the sandbox.');
  }
  const caller = apiCaller(ctx, req, res);
  if (!caller) return;
  if (req.path === '/v3/auth/token') {
    if (caller.kind === 'oauth')
      return json(res, 200, { token_type: 'oauth', scopes: caller.scopes });
    const p = caller.pat;
    return json(res, 200, {
      token_type: 'pat',
      scopes: p.scopes,
      id: p.id,
      name: p.name,
      preview: `${p.token.slice(0, 10)}...${p.token.slice(-4)}`,
      created_date: p.createdAt,
      expiration_date: p.expiresAt,
      last_used: p.lastUsed,
    });
  }
  if (
    caller.kind === 'pat' &&
    !caller.pat.scopes.some((s) => /^fax:(all|user):(read|edit)$/.test(s))
  ) {
    return err(res, 403, 'insufficient_scope', 'This token has no read scope for the account.');
  }
  json(res, 200, ctx.state.account);
}

export { toParams };
