// The team database's schema, as versioned migrations (issue 15). Applied in one transaction
// under an advisory lock, so two machines connecting at once apply each step exactly once;
// `team_schema_migrations` records what ran. The database only ever holds opaque ids,
// versions and ciphertext: no label, account, client id or secret is a column.
import type { PoolClient } from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const TEAM_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'entries, members, audit',
    sql: `
      CREATE TABLE team_entries (
        id text PRIMARY KEY,
        version bigint NOT NULL CHECK (version > 0),
        key_epoch integer NOT NULL,
        sealed bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE team_members (
        id text PRIMARY KEY,
        public_key bytea NOT NULL UNIQUE,
        key_epoch integer NOT NULL,
        wrapped_key bytea NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE team_audit (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        entry_id text,
        sealed bytea NOT NULL
      );
      -- Append-only: history is never rewritten, by a member or a bug.
      CREATE FUNCTION team_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'team_audit is append-only';
      END $$;
      CREATE TRIGGER team_audit_no_change BEFORE UPDATE OR DELETE ON team_audit
        FOR EACH ROW EXECUTE FUNCTION team_audit_append_only();
    `,
  },
  {
    version: 2,
    name: 'change notifications',
    // Every write, by any machine or tool, tells the listening apps which entry changed and
    // its new version (both opaque): they fetch the row themselves, so NOTIFY carries nothing
    // sealed, and the trigger fires inside the writing transaction (only if it commits).
    sql: `
      CREATE FUNCTION team_entries_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('team_entries', OLD.id || ':0');
          RETURN OLD;
        END IF;
        PERFORM pg_notify('team_entries', NEW.id || ':' || NEW.version);
        RETURN NEW;
      END $$;
      CREATE TRIGGER team_entries_changed AFTER INSERT OR UPDATE OR DELETE ON team_entries
        FOR EACH ROW EXECUTE FUNCTION team_entries_notify();
    `,
  },
  {
    version: 3,
    name: 'team, member names and status, keys per epoch',
    // One row says which team this is and its current key epoch. A member has a name (a
    // handle, checked by the app to hold no e-mail), a status and whether they are an admin;
    // their wrapped team keys live in team_keys, one per epoch they were a member for, so a
    // rotation adds rows and never rewrites history. Audit records carry their key epoch.
    sql: `
      CREATE TABLE team_info (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        team_id text NOT NULL,
        key_epoch integer NOT NULL
      );
      ALTER TABLE team_members
        ALTER COLUMN key_epoch DROP NOT NULL,
        ALTER COLUMN wrapped_key DROP NOT NULL,
        ADD COLUMN name text UNIQUE,
        ADD COLUMN status text NOT NULL DEFAULT 'active'
          CHECK (status IN ('pending', 'active', 'removed')),
        ADD COLUMN admin boolean NOT NULL DEFAULT false;
      CREATE TABLE team_keys (
        member_id text NOT NULL REFERENCES team_members (id),
        epoch integer NOT NULL,
        wrapped bytea NOT NULL,
        PRIMARY KEY (member_id, epoch)
      );
      ALTER TABLE team_audit ADD COLUMN key_epoch integer;
    `,
  },
  {
    version: 4,
    name: 'member notifications',
    // A member joining, invited or removed (and a key wrapped for them) tells the listening
    // apps on another channel, with no payload: they read the members and their keys again,
    // so an admin sees who asks to join and an invitee can open the entries at once.
    sql: `
      CREATE FUNCTION team_members_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('team_members', '');
        RETURN NULL;
      END $$;
      CREATE TRIGGER team_members_changed AFTER INSERT OR UPDATE OR DELETE ON team_members
        FOR EACH STATEMENT EXECUTE FUNCTION team_members_notify();
      CREATE TRIGGER team_keys_changed AFTER INSERT ON team_keys
        FOR EACH STATEMENT EXECUTE FUNCTION team_members_notify();
    `,
  },
];

/** An arbitrary constant: the advisory lock that serializes migrations across machines. */
const MIGRATION_LOCK = 7_342_011;

/** Applies every migration the database lacks; returns the versions it applied. */
export async function migrateTeamSchema(
  client: PoolClient,
  migrations: readonly Migration[] = TEAM_MIGRATIONS,
): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS team_schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const done = await client.query<{ version: number }>(
      'SELECT version FROM team_schema_migrations',
    );
    const have = new Set(done.rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (have.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO team_schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
