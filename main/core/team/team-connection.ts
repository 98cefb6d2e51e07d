// The team database connection (issue 15): the user gives a connection string once; it is
// kept sealed in the local vault. TLS with certificate verification is required, except to a
// loopback host (a database on this machine, or reached through an SSH tunnel). Anything that
// would silently weaken that (sslmode=disable/allow/prefer/require without verification, a
// password in clear over plain TCP) is refused with a sentence saying why.
import type { PoolConfig } from 'pg';
import { isIP } from 'node:net';

export class TeamConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamConnectionError';
  }
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.localdomain']);

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK_NAMES.has(bare)) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  // A Unix socket directory (host=/run/postgresql) never leaves this machine.
  return bare.startsWith('/');
}

/** Modes that verify the server's certificate and name. */
const VERIFYING = new Set(['verify-full']);
const WEAK = new Set(['disable', 'allow', 'prefer', 'require', 'verify-ca']);

/**
 * node-postgres settings for a connection string, or TeamConnectionError. Remote hosts get
 * TLS with the system's CAs (or `sslrootcert`) and host name verification; `sslmode` may only
 * say `verify-full` there. Loopback may go without TLS.
 */
export function teamPoolConfig(connectionString: string, ca?: string): PoolConfig {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new TeamConnectionError(
      'Give the connection string as postgres://user@host:port/database.',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new TeamConnectionError('The connection string must start with postgres://.');
  }
  const host = url.searchParams.get('host') ?? decodeURIComponent(url.hostname);
  if (!host) throw new TeamConnectionError('The connection string names no host.');
  const mode = url.searchParams.get('sslmode');
  const loopback = isLoopbackHost(host);
  if (!loopback && mode !== null && WEAK.has(mode)) {
    throw new TeamConnectionError(
      `sslmode=${mode} does not verify the server's certificate; a team database off this machine needs TLS with verification (leave sslmode out, or use verify-full).`,
    );
  }
  if (mode !== null && !WEAK.has(mode) && !VERIFYING.has(mode)) {
    throw new TeamConnectionError(`Unknown sslmode "${mode}".`);
  }
  // The TLS settings are ours, not the string's: strip what node-postgres would read itself.
  for (const key of ['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'ssl']) {
    url.searchParams.delete(key);
  }
  const tls = !loopback || mode === 'verify-full';
  return {
    connectionString: url.toString(),
    ...(tls
      ? {
          ssl: {
            rejectUnauthorized: true,
            ...(ca ? { ca } : {}),
            // TLS names a server by its host name; an address is checked against the certificate.
            ...(isIP(host.replace(/^\[|\]$/g, '')) === 0 ? { servername: host } : {}),
          },
        }
      : { ssl: false }),
  };
}
