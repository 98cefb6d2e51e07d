// Serves the built renderer over http://127.0.0.1:<random port> through the SAME resolver the
// app:// scheme uses (main/core/app), so the page gets the real CSP header, content types and
// 404s. Each path is answered as if it were app://tokenvault<path>.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ORIGIN } from '../../../main/core/app/app-origin.policy';
import { serveAppRequest } from '../../../main/core/app/app-protocol.resolver';

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(rootDir: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    void serveAppRequest(
      rootDir,
      {
        url: `${APP_ORIGIN}${path.startsWith('/') ? path : `/${path}`}`,
        method: req.method ?? 'GET',
      },
      async (file) => new Uint8Array(await readFile(file)),
    ).then(
      (answer) => {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body ? Buffer.from(answer.body) : undefined);
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
