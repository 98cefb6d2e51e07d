// A stand-in for "any API" on 127.0.0.1, for API-key entries: each route checks its key the
// way a well-known kind of service does, so every header template can be verified for real.
//   GET /stripe/v1/balance   Authorization: Bearer <stripe>; Stripe-Version, if sent, a date
//   GET /github/user         Authorization: token <github> (or Bearer), User-Agent required
//   GET /xapi/me             X-Api-Key: <xapi> (403 otherwise, as many such APIs answer)
//   GET /basic/me            Authorization: Basic base64(<basic.user>:<basic.secret>)
//   GET /moved               302 to /xapi/me (a key must not follow it)
//   anything else            404
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiKeySandboxKeys {
  stripe: string;
  github: string;
  xapi: string;
  basic: { user: string; secret: string };
}

export const DEMO_KEYS: ApiKeySandboxKeys = {
  stripe: 'sk_test_51SandboxKey0000000000000000aBcD',
  github: 'ghp_Sandbox0000000000000000000000000wXyZ',
  xapi: 'xapi-sandbox-1111222233334444',
  basic: { user: 'acct_sandbox', secret: 'basic-sandbox-secret-5678' },
};

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface ApiKeySandbox {
  /** e.g. http://127.0.0.1:43111 */
  url: string;
  keys: ApiKeySandboxKeys;
  /** Every request, oldest first. */
  requests: SeenRequest[];
  /** From now on this key is refused (the service revoked it). */
  revoke(key: string): void;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export async function startApiKeySandbox(
  options: { keys?: ApiKeySandboxKeys; port?: number } = {},
): Promise<ApiKeySandbox> {
  const keys = options.keys ?? DEMO_KEYS;
  const revoked = new Set<string>();
  const requests: SeenRequest[] = [];
  const live = (key: string | undefined, expected: string): boolean =>
    key === expected && !revoked.has(expected);

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    requests.push({ method: req.method ?? '', path, headers: { ...req.headers } });
    const auth = req.headers.authorization;
    if (req.method !== 'GET') return json(res, 405, { error: 'method not allowed' });
    switch (path) {
      case '/stripe/v1/balance': {
        const version = req.headers['stripe-version'];
        if (typeof version === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(version)) {
          return json(res, 400, { error: { message: `Invalid Stripe API version: ${version}` } });
        }
        if (!live(/^Bearer (.+)$/.exec(auth ?? '')?.[1], keys.stripe)) {
          return json(res, 401, { error: { message: 'Invalid API Key provided' } });
        }
        return json(res, 200, { object: 'balance', available: [{ amount: 0, currency: 'eur' }] });
      }
      case '/github/user': {
        if (!req.headers['user-agent']) return json(res, 403, { message: 'User-Agent required' });
        if (!live(/^(?:token|Bearer) (.+)$/.exec(auth ?? '')?.[1], keys.github)) {
          return json(res, 401, { message: 'Bad credentials' });
        }
        return json(res, 200, { login: 'sandbox-user', id: 1 });
      }
      case '/xapi/me': {
        const key = req.headers['x-api-key'];
        if (!live(typeof key === 'string' ? key : undefined, keys.xapi)) {
          return json(res, 403, { error: 'forbidden' });
        }
        return json(res, 200, { name: 'sandbox' });
      }
      case '/basic/me': {
        const encoded = /^Basic (.+)$/.exec(auth ?? '')?.[1];
        const [user, ...rest] = Buffer.from(encoded ?? '', 'base64')
          .toString('utf8')
          .split(':');
        if (user !== keys.basic.user || !live(rest.join(':'), keys.basic.secret)) {
          res.setHeader('www-authenticate', 'Basic realm="sandbox"');
          return json(res, 401, { error: 'unauthorized' });
        }
        return json(res, 200, { user });
      }
      case '/moved':
        res.writeHead(302, { location: '/xapi/me' }).end();
        return;
      default:
        return json(res, 404, { error: 'not found' });
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    keys,
    requests,
    revoke: (key) => revoked.add(key),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
