// Local SMSFactor server for integration tests, e2e and `npm run sandbox`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../main/core/ports';
import type { FaultRule, SmsfactorFault } from './smsfactor-sandbox.faults';
import { FaultBook } from './smsfactor-sandbox.faults';
import type { RequestLog } from './smsfactor-sandbox.server';
import { SandboxHttp } from './smsfactor-sandbox.server';
import type { SandboxSeed, SandboxToken } from './smsfactor-sandbox.state';
import { SandboxState } from './smsfactor-sandbox.state';

export type { FaultRule, RequestLog, SandboxSeed, SandboxToken, SmsfactorFault };

export interface SmsfactorSandboxOptions {
  /** Drives TTL expiry; defaults to the real clock. */
  clock?: Clock;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed secret for the seeded platform token; random (unique per start) by default. */
  parentToken?: string;
}

export interface SmsfactorSandboxControl {
  /** Seeded accounts and the platform-made tokens. */
  readonly seed: SandboxSeed;
  /** Turns a fault on for matching requests (all, or `times` of them). */
  fault(kind: SmsfactorFault, match?: Omit<FaultRule, 'kind'>): void;
  clearFaults(): void;
  /** Every request received, in order (no bodies, no secrets). */
  readonly requests: readonly RequestLog[];
  /** Tokens that exist on the platform now (deleted ones are gone). */
  tokens(): SandboxToken[];
  /** Makes a token on the platform, as the web Developer menu would. */
  createPlatformToken(
    accountId: string,
    opts?: { name?: string; ttl?: number | null; allowedIps?: string[] | null },
  ): SandboxToken;
  /** Deletes a token on the platform, as the web Developer menu would. */
  deleteToken(tokenId: string): void;
  /** Requests held by the 'slow' fault right now. */
  heldCount(): number;
}

export interface SmsfactorSandbox {
  apiUrl: string;
  control: SmsfactorSandboxControl;
  close(): Promise<void>;
}

export async function startSmsfactorSandbox(
  options: SmsfactorSandboxOptions = {},
): Promise<SmsfactorSandbox> {
  const clock = options.clock ?? { now: () => Date.now() };
  const state = new SandboxState(() => clock.now(), options.parentToken);
  const faults = new FaultBook();
  const http = new SandboxHttp(state, faults);
  const server = createServer((req, res) => {
    http.handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const control: SmsfactorSandboxControl = {
    seed: state.seed,
    fault: (kind, match = {}) => faults.add({ ...match, kind }),
    clearFaults: () => faults.clear(),
    requests: http.requests,
    tokens: () => [...state.tokens.values()],
    createPlatformToken: (accountId, opts = {}) =>
      state.mint(
        accountId,
        opts.name ?? 'Platform token',
        opts.ttl ?? null,
        opts.allowedIps ?? null,
      ),
    deleteToken: (tokenId) => {
      const t = state.byId(tokenId);
      if (t) state.delete(t);
    },
    heldCount: () => http.held.size,
  };

  return {
    apiUrl: `http://127.0.0.1:${port}`,
    control,
    close: async () => {
      for (const res of http.held) res.destroy();
      http.held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
