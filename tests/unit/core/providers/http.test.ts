import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HttpClient,
  MAX_BODY_BYTES,
  ProviderError,
  fetchTransport,
  redactUrl,
} from '../../../../main/core/providers/http';

let server: Server | undefined;
let hits = 0;

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  hits = 0;
  server = createServer((req, res) => {
    hits++;
    handler?.(req, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

const client = (timeoutMs = 2000) => new HttpClient({ transport: fetchTransport, timeoutMs });

describe('HttpClient over the real transport', () => {
  it('names the app in the User-Agent', async () => {
    let agent = '';
    const base = await serve((req, res) => {
      agent = req.headers['user-agent'] ?? '';
      res.end('{}');
    });
    await client().request({ method: 'GET', url: `${base}/x`, headers: {} });
    expect(agent).toMatch(/^TokenVault\//);
  });

  it('refuses a body over the cap instead of reading it all', async () => {
    const base = await serve((_req, res) => {
      res.end('['.padEnd(MAX_BODY_BYTES + 10, ' '));
    });
    const err = await client()
      .request({ method: 'POST', url: `${base}/token?refresh_token=SECRET123`, headers: {} })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe('provider-error');
    expect((err as ProviderError).message).toContain('larger than 1 MB');
    expect((err as ProviderError).message).not.toContain('SECRET123');
  });

  it('reads a body just under the cap', async () => {
    const body = 'x'.repeat(MAX_BODY_BYTES - 1);
    const base = await serve((_req, res) => res.end(body));
    const res = await client().request({ method: 'GET', url: `${base}/big`, headers: {} });
    expect(res.body.length).toBe(body.length);
  });

  it('retries a GET once on a 5xx, and never a POST', async () => {
    const base = await serve((_req, res) => {
      res.statusCode = 502;
      res.end('bad gateway');
    });
    const get = await client().request({ method: 'GET', url: `${base}/a`, headers: {} });
    expect(get.status).toBe(502);
    expect(hits).toBe(2);
    hits = 0;
    const post = await client().request({ method: 'POST', url: `${base}/a`, headers: {} });
    expect(post.status).toBe(502);
    expect(hits).toBe(1);
  });

  it('turns an unanswered request into a timeout without the query string', async () => {
    // The server holds the request; the client's own (short) timeout ends it.
    const base = await serve(() => undefined);
    const err = await client(150)
      .request({ method: 'POST', url: `${base}/token?code=SECRETCODE`, headers: {} })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout' });
    expect((err as Error).message).not.toContain('SECRETCODE');
    expect(hits).toBe(1);
  });

  it('reports an unreachable host as a network error', async () => {
    const base = await serve((_req, res) => res.end());
    server?.close();
    server?.closeAllConnections();
    const err = await client()
      .request({ method: 'GET', url: `${base}/x?token=SECRETTOKEN`, headers: {} })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'network-error' });
    expect((err as Error).message).not.toContain('SECRETTOKEN');
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://accounts.fax.plus/token?refresh_token=abc', 'https://accounts.fax.plus/token'],
    ['https://user:pw@host.example/p?q=1#f', 'https://host.example/p'],
    ['not a url', '(invalid URL)'],
  ])('%s -> %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});
