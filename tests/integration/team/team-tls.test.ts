// The team database connection verifies the server's certificate (issue 15): against a real
// PostgreSQL serving TLS with a self-signed certificate, teamPoolConfig's settings refuse it
// until its CA is given, and refuse a certificate for another name even then.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamPoolConfig } from '../../../main/core/team/team-connection';
import {
  postgresBin,
  selfSignedCertificate,
  startPostgres,
  type PostgresServer,
} from '../../support/postgres';

const forLoopback = postgresBin() ? selfSignedCertificate(['127.0.0.1']) : undefined;
const forOther = forLoopback ? selfSignedCertificate(['db.example.com']) : undefined;
let right: PostgresServer | undefined;
let wrong: PostgresServer | undefined;

beforeAll(async () => {
  if (!forLoopback || !forOther) return;
  right = await startPostgres({ tls: forLoopback });
  wrong = await startPostgres({ tls: forOther });
}, 60_000);

afterAll(() => {
  right?.stop();
  wrong?.stop();
});

async function sslInUse(config: pg.PoolConfig): Promise<boolean> {
  const pool = new pg.Pool({ ...config, max: 1, connectionTimeoutMillis: 10_000 });
  try {
    const r = await pool.query<{ ssl: boolean }>(
      'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
    );
    return r.rows[0]?.ssl === true;
  } finally {
    await pool.end();
  }
}

describe.skipIf(!forLoopback)(
  'TLS to the team database (skipped without PostgreSQL or openssl)',
  () => {
    it('refuses an unknown certificate, takes it with its CA, over TLS', async () => {
      const url = `${right?.url ?? ''}?sslmode=verify-full`;
      await expect(sslInUse(teamPoolConfig(url))).rejects.toThrow(/self[- ]signed/);
      expect(await sslInUse(teamPoolConfig(url, forLoopback?.cert))).toBe(true);
    });

    it('refuses a certificate made for another name, even with its CA', async () => {
      const url = `${wrong?.url ?? ''}?sslmode=verify-full`;
      await expect(sslInUse(teamPoolConfig(url, forOther?.cert))).rejects.toThrow(
        /IP: 127\.0\.0\.1 is not in the cert's list|does not match|altnames/i,
      );
    });
  },
);
