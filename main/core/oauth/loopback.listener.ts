// The loopback redirect alternative (RFC 8252 7.3, security.md 16): an HTTP listener on
// 127.0.0.1 only (never 0.0.0.0 or ::, so nothing on the network can reach it), on the port
// the user registered with Fax.Plus, open only while a flow waits, closed after one callback
// or at the flow's timeout.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Scheduler, TimerHandle } from '../ports';
import { CALLBACK_PATH } from './redirect.parser';

export const LOOPBACK_HOST = '127.0.0.1';

export interface LoopbackOptions {
  port: number;
  scheduler: Scheduler;
  timeoutMs: number;
  /** Receives the full callback URL (`http://127.0.0.1:<port>/oauth/faxplus?...`). */
  onCallback: (url: string) => void;
  onTimeout?: () => void;
  /** The callback path it answers (default Fax.Plus's `/oauth/faxplus`). */
  path?: string;
}

export interface LoopbackHandle {
  /** Resolves with the bound port once listening; rejects when the port is taken. */
  start(): Promise<number>;
  close(): Promise<void>;
  isListening(): boolean;
  /** Where the listener is bound, while it listens (tests check the host). */
  address(): AddressInfo | undefined;
}

export type LoopbackFactory = (options: LoopbackOptions) => LoopbackHandle;

const DONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Token Vault</title></head>
<body style="font-family:system-ui,sans-serif;margin:3rem"><main><h1>Token Vault received the answer</h1>
<p>You can close this tab and return to Token Vault.</p></main></body></html>`;

export class LoopbackListener implements LoopbackHandle {
  private server: Server | undefined;
  private timer: TimerHandle | undefined;
  private done = false;

  constructor(private readonly options: LoopbackOptions) {}

  start(): Promise<number> {
    if (this.server) return Promise.reject(new Error('The loopback listener is already running.'));
    const server = createServer((req, res) => {
      const target = req.url ?? '/';
      const path = target.split('?')[0];
      if (req.method !== 'GET' || path !== (this.options.path ?? CALLBACK_PATH) || this.done) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Not found');
        return;
      }
      this.done = true;
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'",
        'Cache-Control': 'no-store',
        Connection: 'close',
      });
      res.end(DONE_PAGE, () => void this.close());
      const { port } = server.address() as AddressInfo;
      this.options.onCallback(`http://${LOOPBACK_HOST}:${port}${target}`);
    });
    this.server = server;
    return new Promise<number>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        this.server = undefined;
        reject(
          new Error(
            err.code === 'EADDRINUSE'
              ? `Port ${this.options.port} on ${LOOPBACK_HOST} is in use; pick another loopback port.`
              : `Could not listen on ${LOOPBACK_HOST}:${this.options.port} (${err.code ?? 'error'}).`,
          ),
        );
      });
      server.listen(this.options.port, LOOPBACK_HOST, () => {
        this.timer = this.options.scheduler.setTimeout(() => {
          if (this.done) return;
          this.done = true;
          void this.close();
          this.options.onTimeout?.();
        }, this.options.timeoutMs);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  isListening(): boolean {
    return this.server?.listening ?? false;
  }

  address(): AddressInfo | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address : undefined;
  }

  close(): Promise<void> {
    this.done = true;
    this.timer?.cancel();
    this.timer = undefined;
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }
}

export const createLoopbackListener: LoopbackFactory = (options) => new LoopbackListener(options);
