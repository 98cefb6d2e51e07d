// A real PostgreSQL for the team tests: initdb into a temporary folder, pg_ctl on a free
// loopback port, stopped (and the folder removed) afterwards. PostgreSQL refuses to run as
// root, and CI runs as root, so there the server runs as the `postgres` system user
// (runuser) on a folder it owns. Debian's package keeps the programs in
// /usr/lib/postgresql/<version>/bin, which is not on PATH; both places are searched.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  database: string;
  /** postgres://… for node-postgres. */
  url: string;
  /** Stops the server as a crash would (immediate), for the offline tests. */
  kill(): void;
  /** Starts it again on the same port and data. */
  restart(): void;
  stop(): void;
}

const DEBIAN_BIN = '/usr/lib/postgresql';

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function postgresBin(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) {
    const path = onPath.stdout.trim();
    return path.slice(0, path.lastIndexOf('/'));
  }
  if (!existsSync(DEBIAN_BIN)) return undefined;
  const versions = readdirSync(DEBIAN_BIN)
    .filter((v) => existsSync(join(DEBIAN_BIN, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEBIAN_BIN, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program as the user the server runs as. */
function runAs(asPostgres: boolean, program: string, args: string[]): void {
  const [file, argv] = asPostgres
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

export interface PostgresOptions {
  /** Serve TLS with this certificate and key (PEM); plain connections are still accepted. */
  tls?: { cert: string; key: string };
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql).');
  const asPostgres = process.getuid?.() === 0;
  const root = mkdtempSync(join(tmpdir(), 'tokenvault-pg-'));
  const data = join(root, 'data');
  if (asPostgres) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(root, Number(ids), Number(gid));
  }
  chmodSync(root, 0o700);
  const user = 'tokenvault';
  // Trust on loopback only: the tests connect over 127.0.0.1 and nothing else listens.
  runAs(asPostgres, join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    user,
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  let tlsOptions = '';
  if (options.tls) {
    // The server reads its key only when it is owned by the server's user and private.
    const cert = join(root, 'server.crt');
    const key = join(root, 'server.key');
    writeFileSync(cert, options.tls.cert, { mode: 0o600 });
    writeFileSync(key, options.tls.key, { mode: 0o600 });
    if (asPostgres) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(cert, uid, gid);
      chownSync(key, uid, gid);
    }
    tlsOptions = ` -c ssl=on -c ssl_cert_file=${cert} -c ssl_key_file=${key}`;
  }
  const port = await freePort();
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off${tlsOptions}`;
  const start = () =>
    runAs(asPostgres, join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(root, 'log'),
      '-o',
      serverOptions,
      '-w',
      'start',
    ]);
  const stopWith = (mode: 'fast' | 'immediate') => {
    try {
      runAs(asPostgres, join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
    } catch {
      // Already stopped.
    }
  };
  start();
  const database = 'postgres';
  return {
    host: '127.0.0.1',
    port,
    user,
    database,
    url: `postgres://${user}@127.0.0.1:${port}/${database}`,
    kill: () => stopWith('immediate'),
    restart: start,
    stop: () => {
      stopWith('fast');
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A self-signed certificate (openssl) for `names` (DNS names or IP addresses), or undefined. */
export function selfSignedCertificate(names: string[]): { cert: string; key: string } | undefined {
  const has = spawnSync('sh', ['-c', 'command -v openssl'], { encoding: 'utf8' });
  if (has.status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tokenvault-cert-'));
  try {
    const san = names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${names[0] ?? 'localhost'}`,
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    return {
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
