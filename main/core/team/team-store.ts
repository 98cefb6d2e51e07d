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

export interface TeamInfo {
  teamId: string;
  keyEpoch: number;
}

export interface NewMember {
  id: string;
  name: string;
  /** base64 of the raw X25519 public key. */
  publicKey: string;
}

export interface MemberRow extends NewMember {
  status: 'pending' | 'active' | 'removed';
  admin: boolean;
}

export interface AuditRow {
  seq: number;
  entryId: string | null;
  keyEpoch: number | null;
  sealed: Buffer;
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

  /** A client of the pool for a step of its own (migrations); the caller releases it. */
  connectClient(): Promise<PoolClient> {
    return this.pool.connect();
  }

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
   * or undefined to leave it (or `remove` to delete it); the write and the unlock are one commit. If this process dies
   * inside, the transaction is rolled back by the server and the old row stays intact.
   */
  async withEntryLock<T>(
    id: string,
    work: (
      row: SharedRow,
    ) => Promise<{ sealed?: Buffer; keyEpoch?: number; remove?: boolean; result: T }>,
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
      if (outcome.remove) {
        await client.query('DELETE FROM team_entries WHERE id = $1', [id]);
      } else if (outcome.sealed) {
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

  /** Removes an entry only if it is still at `expected` (moved back to someone's vault). */
  async delete(id: string, expected: number): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM team_entries WHERE id = $1 AND version = $2', [
      id,
      expected,
    ]);
    return r.rowCount === 1;
  }

  async appendAudit(entryId: string | null, sealed: Buffer, keyEpoch?: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO team_audit (entry_id, sealed, key_epoch) VALUES ($1, $2, $3)',
      [entryId, sealed, keyEpoch ?? null],
    );
  }

  async auditRows(limit = 500): Promise<AuditRow[]> {
    const r = await this.pool.query<{
      seq: string;
      entry_id: string | null;
      key_epoch: number | null;
      sealed: Buffer;
    }>('SELECT seq, entry_id, key_epoch, sealed FROM team_audit ORDER BY seq DESC LIMIT $1', [
      limit,
    ]);
    return r.rows.map((row) => ({
      seq: Number(row.seq),
      entryId: row.entry_id,
      keyEpoch: row.key_epoch,
      sealed: row.sealed,
    }));
  }

  // Members and keys -----------------------------------------------------------------------

  async info(): Promise<TeamInfo | undefined> {
    const r = await this.pool.query<{ team_id: string; key_epoch: number }>(
      'SELECT team_id, key_epoch FROM team_info',
    );
    const row = r.rows[0];
    return row ? { teamId: row.team_id, keyEpoch: row.key_epoch } : undefined;
  }

  /** The team's first row and its first (admin) member; false when the database has a team. */
  async createTeam(teamId: string, admin: NewMember, wrapped: Buffer): Promise<boolean> {
    return this.transaction(async (client) => {
      const made = await client.query(
        `INSERT INTO team_info (team_id, key_epoch) VALUES ($1, 1) ON CONFLICT DO NOTHING`,
        [teamId],
      );
      if (made.rowCount !== 1) return false;
      await client.query(
        `INSERT INTO team_members (id, public_key, name, status, admin)
         VALUES ($1, $2, $3, 'active', true)`,
        [admin.id, Buffer.from(admin.publicKey, 'base64'), admin.name],
      );
      await client.query('INSERT INTO team_keys (member_id, epoch, wrapped) VALUES ($1, 1, $2)', [
        admin.id,
        wrapped,
      ]);
      return true;
    });
  }

  /** A member who asked to join; false when the name is taken. */
  async addPending(member: NewMember): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO team_members (id, public_key, name, status, admin)
       VALUES ($1, $2, $3, 'pending', false) ON CONFLICT DO NOTHING`,
      [member.id, Buffer.from(member.publicKey, 'base64'), member.name],
    );
    return r.rowCount === 1;
  }

  async members(): Promise<MemberRow[]> {
    const client = await this.pool.connect();
    try {
      return await this.membersWith(client);
    } finally {
      client.release();
    }
  }

  /** Wraps the current key for a pending member; false when they are no longer pending. */
  async activate(memberId: string, epoch: number, wrapped: Buffer): Promise<boolean> {
    return this.transaction(async (client) => {
      const r = await client.query(
        `UPDATE team_members SET status = 'active' WHERE id = $1 AND status = 'pending'`,
        [memberId],
      );
      if (r.rowCount !== 1) return false;
      await client.query('INSERT INTO team_keys (member_id, epoch, wrapped) VALUES ($1, $2, $3)', [
        memberId,
        epoch,
        wrapped,
      ]);
      return true;
    });
  }

  async wrappedKeys(memberId: string): Promise<{ epoch: number; wrapped: Buffer }[]> {
    const r = await this.pool.query<{ epoch: number; wrapped: Buffer }>(
      'SELECT epoch, wrapped FROM team_keys WHERE member_id = $1 ORDER BY epoch',
      [memberId],
    );
    return r.rows;
  }

  /**
   * Removes a member and rotates the team key, in one transaction: the team row and every
   * entry are locked (a refresh elsewhere waits, then sees the new epoch), `reseal` gets the
   * rows and the members who stay and returns the new wrapped keys and re-sealed rows; all of
   * it commits together or not at all.
   */
  async removeAndRotate(
    memberId: string,
    reseal: (input: { epoch: number; rows: SharedRow[]; stay: MemberRow[] }) => {
      wrapped: { memberId: string; wrapped: Buffer }[];
      rows: { id: string; sealed: Buffer }[];
    },
  ): Promise<{ epoch: number; resealed: number }> {
    return this.transaction(async (client) => {
      const info = await client.query<{ key_epoch: number }>(
        'SELECT key_epoch FROM team_info FOR UPDATE',
      );
      const current = info.rows[0]?.key_epoch;
      if (current === undefined) throw new Error('This database has no team.');
      const gone = await client.query(
        `UPDATE team_members SET status = 'removed' WHERE id = $1 AND status <> 'removed'`,
        [memberId],
      );
      if (gone.rowCount !== 1) throw new Error('That member is not in the team.');
      const epoch = current + 1;
      const rows = await client.query<Row>(
        'SELECT id, version, key_epoch, sealed FROM team_entries ORDER BY id FOR UPDATE',
      );
      const stay = (await this.membersWith(client)).filter((m) => m.status === 'active');
      const out = reseal({ epoch, rows: rows.rows.map(toShared), stay });
      for (const w of out.wrapped) {
        await client.query(
          'INSERT INTO team_keys (member_id, epoch, wrapped) VALUES ($1, $2, $3)',
          [w.memberId, epoch, w.wrapped],
        );
      }
      for (const row of out.rows) {
        await client.query(
          `UPDATE team_entries SET sealed = $2, key_epoch = $3, version = version + 1,
           updated_at = now() WHERE id = $1`,
          [row.id, row.sealed, epoch],
        );
      }
      await client.query('UPDATE team_info SET key_epoch = $1', [epoch]);
      return { epoch, resealed: out.rows.length };
    });
  }

  private async membersWith(client: PoolClient): Promise<MemberRow[]> {
    const r = await client.query<{
      id: string;
      name: string | null;
      public_key: Buffer;
      status: MemberRow['status'];
      admin: boolean;
    }>('SELECT id, name, public_key, status, admin FROM team_members ORDER BY added_at, id');
    return r.rows.map((row) => ({
      id: row.id,
      name: row.name ?? row.id,
      publicKey: row.public_key.toString('base64'),
      status: row.status,
      admin: row.admin,
    }));
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
