// A local Fax.Plus (accounts server + REST API) on 127.0.0.1 for integration tests, e2e and
// `npm run sandbox`. Two listeners, like the real two hosts, so a token sent to the wrong
// host fails.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest, RouteContext } from './faxplus-sandbox.routes';
import { handleApi, handleLoginGet, handleLoginPost, handleToken } from './faxplus-sandbox.routes';
import { errorPage } from './faxplus-sandbox.pages';
import type {
  FaultTarget,
  FaxplusFault,
  RefreshRotation,
  SandboxAccount,
  SandboxClient,
  SandboxPat,
} from './faxplus-sandbox.state';
import { SandboxState } from './faxplus-sandbox.state';

export type { FaxplusFault, SandboxClient, SandboxPat, RecordedRequest };

export const DEMO_CLIENT: SandboxClient = {
  clientId: 'APIKdemo0sandbox0client',
  clientSecret: 'sandbox-demo-client-secret',
  redirectUris: ['dev.tokenvault:/oauth/faxplus', 'http://127.0.0.1/oauth/faxplus'],
  name: 'Token Vault (sandbox)',
};

export const DEMO_ACCOUNT: SandboxAccount = {
  uid: '7c0ffee0sandbox',
  email: 'ada@example.test',
  name: 'Ada',
  lastname: 'Lovelace',
  account_type: 'corporate_admin',
  status: 'active',
  creation_date: '2024-01-15 09:30:00',
};

export interface FaxplusSandboxOptions {
  /** The sandbox's own time (epoch ms). Default Date.now. */
  clock?: () => number;
  /** Default 3600 (1 h, as Fax.Plus documents). */
  accessTokenSeconds?: number;
  /** Default 600. */
  codeSeconds?: number;
  /** Account has advanced security controls: refresh tokens die after 30 days. Default true. */
  advancedSecurity?: boolean;
  clients?: SandboxClient[];
  pats?: (Partial<SandboxPat> & { name?: string })[];
  account?: SandboxAccount;
}

export interface FaxplusSandboxControl {
  /** Adds a fault for the next `times` requests to `target` (default every request). */
  setFault(fault: FaxplusFault, options?: { target?: FaultTarget; times?: number }): void;
  clearFaults(): void;
  /** Refresh answers: 'new' rotates the refresh token, 'none' sends no refresh token. */
  setRefreshRotation(rotation: RefreshRotation): void;
  setAdvancedSecurity(on: boolean): void;
  setAccessTokenSeconds(seconds: number): void;
  /** Every OAuth access token issued so far stops working. */
  expireAccessTokens(): void;
  revokeRefreshTokens(): void;
  addPat(pat?: Partial<SandboxPat> & { name?: string }): SandboxPat;
  addClient(client: SandboxClient): void;
  /** Every request seen, oldest first (tests assert on headers, query and body). */
  requests(path?: string): RecordedRequest[];
  /** Plays the browser: opens the authorize URL, presses Approve or Deny, returns the redirect. */
  authorize(authorizeUrl: string, decision?: 'approve' | 'deny'): Promise<string>;
}

export interface FaxplusSandbox {
  accountsUrl: string;
  apiUrl: string;
  control: FaxplusSandboxControl;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

export async function startFaxplusSandbox(
  options: FaxplusSandboxOptions = {},
): Promise<FaxplusSandbox> {
  const state = new SandboxState(options.clock ?? Date.now, options.account ?? DEMO_ACCOUNT, {
    accessTokenSeconds: options.accessTokenSeconds ?? 3600,
    codeSeconds: options.codeSeconds ?? 600,
    advancedSecurity: options.advancedSecurity ?? true,
  });
  for (const client of options.clients ?? [DEMO_CLIENT]) state.clients.set(client.clientId, client);
  for (const pat of options.pats ?? []) state.addPat(pat);

  const held = new Set<ServerResponse>();
  const recorded: RecordedRequest[] = [];
  const ctx: RouteContext = { state, hold: (res) => held.add(res) };

  const handler = (api: boolean) => async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: { ...req.headers },
        body: await readBody(req),
      };
      recorded.push(rec);
      if (api) {
        if (url.pathname.startsWith('/v3/')) return handleApi(ctx, rec, res);
      } else if (url.pathname === '/login' && rec.method === 'GET') {
        return handleLoginGet(ctx, rec, res);
      } else if (url.pathname === '/login/decision' && rec.method === 'POST') {
        return handleLoginPost(ctx, rec, res);
      } else if (url.pathname === '/token') {
        if (rec.method !== 'POST') {
          res.writeHead(405, { 'Content-Type': 'application/json', Allow: 'POST' });
          return res.end(
            JSON.stringify({ error: 'method_not_allowed', description: 'POST only.' }),
          );
        }
        return handleToken(ctx, rec, res);
      }
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(errorPage(404, 'Not found.'));
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'server_error', description: 'Sandbox failure.' }));
    }
  };

  const accounts = createServer(handler(false));
  const api = createServer(handler(true));
  const accountsUrl = await listen(accounts);
  const apiBase = await listen(api);

  const control: FaxplusSandboxControl = {
    setFault(fault, opts = {}) {
      state.faults.push({ fault, target: opts.target ?? 'any', remaining: opts.times ?? Infinity });
    },
    clearFaults: () => void (state.faults = []),
    setRefreshRotation: (rotation) => void (state.rotation = rotation),
    setAdvancedSecurity: (on) => void (state.advancedSecurity = on),
    setAccessTokenSeconds: (seconds) => void (state.accessTokenSeconds = seconds),
    expireAccessTokens() {
      for (const token of state.accessTokens.values()) token.expiresAt = state.now() - 1;
    },
    revokeRefreshTokens() {
      for (const token of state.refreshTokens.values()) token.revoked = true;
    },
    addPat: (pat = {}) => state.addPat(pat),
    addClient: (client) => void state.clients.set(client.clientId, client),
    requests: (path) => recorded.filter((r) => !path || r.path === path),
    async authorize(authorizeUrl, decision = 'approve') {
      const page = await fetch(authorizeUrl);
      const text = await page.text();
      if (page.status !== 200)
        throw new Error(`Sandbox login page answered ${page.status}: ${text}`);
      const requestId = /name="request_id" value="([^"]+)"/.exec(text)?.[1];
      if (!requestId) throw new Error('No authorization request on the sandbox page.');
      const answer = await fetch(`${accountsUrl}/login/decision`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ request_id: requestId, decision }).toString(),
        redirect: 'manual',
      });
      const location = answer.headers.get('location');
      if (!location)
        throw new Error(`Sandbox decision answered ${answer.status} without redirect.`);
      return location;
    },
  };

  return {
    accountsUrl,
    apiUrl: `${apiBase}/v3`,
    control,
    async close() {
      for (const res of held) res.destroy();
      held.clear();
      for (const server of [accounts, api]) server.closeAllConnections();
      await Promise.all(
        [accounts, api].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
      );
    },
  };
}
