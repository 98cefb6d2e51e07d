// Shared entries in the team's PostgreSQL (issue 15): reads, compare-and-set writes on a
// version column, and the row lock that makes one refresh happen across all machines.
import type { Pool, PoolClient } from 'pg';

export interface SharedRow {
  id: string;
  version: number;
  keyEpoch: number;
  sealed: Buffer;
}

/** A compare-and-set that lost: someone else wrote first. `current` is what is there now. */
export interface Conflict {
  ok: false;
  current: SharedRow | undefined;
}

export type CasResult = { ok: true; version: number } | Conflict;

/** The lock on a shared entry could not be had in time (another machine holds it). */
export class TeamLockTimeoutError extends Error {
  constructor(readonly entryId: string) {
    super('Another machine is updating this shared entry; try again in a moment.');
    this.name = 'TeamLockTimeoutError';
  }
}

interface Row {
  id: string;
  version: string;
  key_epoch: number;
  sealed: Buffer;
}

const toShared = (row: Row): SharedRow => ({
  id: row.id,
  version: Number(row.version),
  keyEpoch: row.key_epoch,
  sealed: row.sealed,
});

export class TeamStore {
  constructor(private readonly pool: Pool) {}

  async get(id: string): Promise<SharedRow | undefined> {
    const r = await this.pool.query<Row>(
      'SELECT id, version, key_epoch, sealed FROM team_entries WHERE id = $1',
      [id],
    );
    return r.rows[0] ? toShared(r.rows[0]) : undefined;
  }

  async all(): Promise<SharedRow[]> {
    const r = await this.pool.query<Row>(
      'SELECT id, version, key_epoch, sealed FROM team_entries ORDER BY id',
    );
    return r.rows.map(toShared);
  }

  /** Adds an entry at version 1; false when the id is taken. */
  async insert(id: string, keyEpoch: number, sealed: Buffer): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO team_entries (id, version, key_epoch, sealed) VALUES ($1, 1, $2, $3)
       ON CONFLICT (id) DO NOTHING`,
      [id, keyEpoch, sealed],
    );
    return r.rowCount === 1;
  }

  /** Writes `sealed` only if the row is still at `expected`; never overwrites another write. */
  async compareAndSet(
    id: string,
    expected: number,
    keyEpoch: number,
    sealed: Buffer,
  ): Promise<CasResult> {
    const r = await this.pool.query<{ version: string }>(
      `UPDATE team_entries SET sealed = $3, key_epoch = $4, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING version`,
      [id, expected, sealed, keyEpoch],
    );
    const row = r.rows[0];
    if (row) return { ok: true, version: Number(row.version) };
    return { ok: false, current: await this.get(id) };
  }

  /**
   * Runs `work` holding the entry's row lock (SELECT … FOR UPDATE in a transaction, with a
   * lock timeout). `work` sees the row as it is now and returns a new sealed value to write,
   * or undefined to leave it; the write and the unlock are one commit. If this process dies
   * inside, the transaction is rolled back by the server and the old row stays intact.
   */
  async withEntryLock<T>(
    id: string,
    work: (row: SharedRow) => Promise<{ sealed?: Buffer; keyEpoch?: number; result: T }>,
    lockTimeoutMs = 10_000,
  ): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(lockTimeoutMs))}`);
      let row: Row | undefined;
      try {
        const r = await client.query<Row>(
          'SELECT id, version, key_epoch, sealed FROM team_entries WHERE id = $1 FOR UPDATE',
          [id],
        );
        row = r.rows[0];
      } catch (error) {
        // 55P03: lock_not_available.
        if ((error as { code?: string }).code === '55P03') throw new TeamLockTimeoutError(id);
        throw error;
      }
      if (!row) throw new Error('That shared entry no longer exists.');
      const current = toShared(row);
      const outcome = await work(current);
      if (outcome.sealed) {
        await client.query(
          `UPDATE team_entries SET sealed = $2, key_epoch = $3, version = version + 1,
           updated_at = now() WHERE id = $1`,
          [id, outcome.sealed, outcome.keyEpoch ?? current.keyEpoch],
        );
      }
      await client.query('COMMIT');
      return outcome.result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async appendAudit(entryId: string | null, sealed: Buffer): Promise<void> {
    await this.pool.query('INSERT INTO team_audit (entry_id, sealed) VALUES ($1, $2)', [
      entryId,
      sealed,
    ]);
  }
}
