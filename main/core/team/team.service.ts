// A team vault (issue 15): entries shared through the team's PostgreSQL, end-to-end
// encrypted, refreshed once across all machines. This service is what the app and the CLI
// use; the SQL is in team-store.ts, the construction in team-crypto.ts, what stays on this
// machine in team-local.ts. The database sees opaque ids, versions, public keys, member
// handles and ciphertext; labels, accounts, client ids and secrets never leave sealed.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { EntryView, ProviderId, TeamMemberView } from '../../../preload/api';
import type { Clock } from '../ports';
import { moduleOf } from '../providers/registry';
import { SECRET_FIELDS } from '../vault/vault-entries';
import { lockedIndexOf } from '../vault/vault-index';
import type { EntryPatch, SecretField, SessionVault, VaultApi } from '../vault/vault.types';
import { refreshShared } from './shared-refresh';
import { SharedEntryVault, type SharedContent } from './shared-entry-vault';
import { teamPoolConfig } from './team-connection';
import { SHARED_PREFIX, TeamError, timeOf, type TeamErrorCode } from './team-errors';
import {
  fingerprint,
  gcmOpen,
  gcmSeal,
  newMemberKeyPair,
  newTeamKey,
  openShared,
  sealShared,
  unwrapTeamKey,
  wrapTeamKey,
} from './team-crypto';
import { TeamFiles, type TeamCopy, type TeamMembership } from './team-local';
import { migrateTeamSchema } from './team-schema';
import { TeamStore, type MemberRow, type SharedRow } from './team-store';

export { TeamError, type TeamErrorCode };

export type { TeamMemberView };

/** What `init` and `join` are given. */
export interface TeamConnectOptions {
  connectionString: string;
  name: string;
  teamName?: string;
  /** PEM of a CA to trust for the database's certificate. */
  ca?: string;
}

export interface TeamStatus {
  /** False when this vault belongs to no team. */
  member: boolean;
  teamName?: string;
  name?: string;
  /** Set while the database cannot be reached: since when (epoch ms). */
  offlineSince?: number;
  /** Shared entries this member cannot open yet (pending) or any more (removed). */
  unreadable: number;
  /** Whether this member has the team key (an admin invited them). */
  active: boolean;
}

export interface TeamAuditView {
  /** The shared entry it is about; absent for team events (members, the team itself). */
  entryId?: string;
  at: number;
  member: string;
  action: string;
  label?: string;
  detail?: string;
}

/** Gets a live access token for a refreshed kind, with the entry held in `vault`. */
export type SharedRefresher = (
  entry: EntryView,
  vault: SessionVault,
  minValidMs?: number,
) => Promise<string>;

export interface TeamServiceDeps {
  dir: string;
  /** The key for this vault's team files (VaultApi.teamFilesKey); throws while locked. */
  filesKey: () => Uint8Array;
  /** The personal vault, for moving entries in and out (not needed to read). */
  personal?: Pick<VaultApi, 'get' | 'readSecret' | 'add' | 'remove'>;
  clock: Pick<Clock, 'now'>;
  refresher: SharedRefresher;
  /** How a pool is made (tests shorten timeouts). */
  poolFor?: (config: pg.PoolConfig) => pg.Pool;
  lockTimeoutMs?: number;
}

const newId = (prefix: string) => `${prefix}${randomBytes(12).toString('base64url')}`;

/** Member names are visible to the database: a short handle, never an e-mail address. */
export function checkMemberName(name: string): string {
  const trimmed = name.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(trimmed)) {
    throw new TeamError(
      'invalid-input',
      'name: use a short handle (letters, digits, . _ -, at most 32); the database sees it, so not an e-mail address.',
    );
  }
  return trimmed;
}

const normalFingerprint = (fp: string) => fp.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The database name from a connection string: the team's default display name. */
function databaseName(connectionString: string): string {
  try {
    const path = decodeURIComponent(new URL(connectionString).pathname.replace(/^\//, ''));
    return path || 'team';
  } catch {
    return 'team';
  }
}

/** What init and join keep about the team, from what the user gave. */
function membershipOf(
  options: TeamConnectOptions,
  member: Pick<TeamMembership, 'teamId' | 'memberId' | 'name' | 'keyPair'>,
): TeamMembership {
  return {
    ...member,
    teamName: options.teamName?.trim() || databaseName(options.connectionString),
    connectionString: options.connectionString,
    ...(options.ca ? { ca: options.ca } : {}),
  };
}

/** Errors that mean "the database cannot be reached", as opposed to a refused statement. */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // 08xxx connection exceptions, 57P01-57P03 shutdown / cannot connect now.
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code)) return true;
    if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EPIPE|EAI_AGAIN)$/.test(code)) {
      return true;
    }
    return false;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(
    error.message,
  );
}

/** Why a first connection failed, as a sentence (never the connection string itself). */
function connectError(error: unknown, connectionString: string): Error {
  let where = 'the team database';
  try {
    const url = new URL(connectionString);
    where = `the team database at ${url.hostname}${url.port ? `:${url.port}` : ''}`;
  } catch {
    // teamPoolConfig has already refused a string that is not a URL.
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /CERT|TLS|SSL|SELF_SIGNED/i.test(code)) {
    return new TeamError(
      'invalid-input',
      `The certificate of ${where} could not be verified (${code}); give its CA, or fix the host name.`,
    );
  }
  if (isUnreachable(error)) {
    return new TeamError(
      'team-offline',
      `Cannot reach ${where}; check the address and that it is running.`,
    );
  }
  if (typeof code === 'string' && error instanceof Error) {
    return new TeamError('invalid-input', `${where} refused the connection: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Wrapped keys as the database gives them, in the offline copy's form. */
const asCopyKeys = (rows: { epoch: number; wrapped: Buffer }[]): TeamCopy['wrappedKeys'] =>
  rows.map((w) => ({ epoch: w.epoch, wrapped: w.wrapped.toString('base64') }));

interface OpenRow {
  row: SharedRow;
  content: SharedContent;
}

export class TeamService {
  private readonly files: TeamFiles;
  private membershipValue: TeamMembership | undefined;
  private pool: pg.Pool | undefined;
  private store: TeamStore | undefined;
  private keys = new Map<number, Buffer>();
  private rows = new Map<string, OpenRow>();
  private unreadable = 0;
  private offlineSince: number | undefined;
  private loaded = false;

  constructor(private readonly deps: TeamServiceDeps) {
    this.files = new TeamFiles(deps.dir);
  }

  /** Whether this vault belongs to a team (no key needed). */
  hasTeam(): boolean {
    return this.files.hasMembership();
  }

  status(): TeamStatus {
    const m = this.hasTeam() ? this.membership() : undefined;
    return {
      member: m !== undefined,
      ...(m ? { teamName: m.teamName, name: m.name } : {}),
      ...(this.offlineSince !== undefined ? { offlineSince: this.offlineSince } : {}),
      unreadable: this.unreadable,
      active: this.keys.size > 0,
    };
  }

  // Joining -------------------------------------------------------------------------------

  /** Creates the team in an empty database; this member is its first admin. */
  async init(options: TeamConnectOptions): Promise<TeamStatus> {
    const name = checkMemberName(options.name);
    this.assertNoTeam();
    const store = await this.connectFresh(options.connectionString, options.ca);
    if (await store.info()) {
      throw new TeamError(
        'invalid-input',
        'This database already has a team: use `team join` and ask an admin to invite you.',
      );
    }
    const teamId = newId('t');
    const keyPair = newMemberKeyPair();
    const memberId = newId('m-');
    const teamKey = newTeamKey();
    const made = await store.createTeam(
      teamId,
      { id: memberId, name, publicKey: keyPair.publicKey },
      wrapTeamKey(teamKey, keyPair.publicKey, teamId),
    );
    if (!made) throw new TeamError('invalid-input', 'Another machine created a team here first.');
    this.saveMembership(membershipOf(options, { teamId, memberId, name, keyPair }));
    await this.appendAudit(null, 'team created', undefined, name);
    await this.sync();
    return this.status();
  }

  /** Asks to join: publishes this member's public key; an admin invites after comparing it. */
  async join(options: TeamConnectOptions): Promise<{ fingerprint: string; status: TeamStatus }> {
    const name = checkMemberName(options.name);
    this.assertNoTeam();
    const store = await this.connectFresh(options.connectionString, options.ca);
    const info = await store.info();
    if (!info) {
      throw new TeamError(
        'no-team',
        'This database has no team yet: an admin runs `team init` first.',
      );
    }
    const keyPair = newMemberKeyPair();
    const memberId = newId('m-');
    if (!(await store.addPending({ id: memberId, name, publicKey: keyPair.publicKey }))) {
      throw new TeamError('invalid-input', `name: the team already has a member called "${name}".`);
    }
    this.saveMembership(membershipOf(options, { teamId: info.teamId, memberId, name, keyPair }));
    await this.sync();
    return { fingerprint: fingerprint(keyPair.publicKey), status: this.status() };
  }

  /** This member's own fingerprint (to read out to the admin). */
  ownFingerprint(): string {
    return fingerprint(this.requireMembership().keyPair.publicKey);
  }

  async members(): Promise<TeamMemberView[]> {
    const me = this.requireMembership();
    const rows = await this.online((store) => store.members());
    return rows.map((m) => ({
      name: m.name,
      fingerprint: fingerprint(m.publicKey),
      status: m.status,
      admin: m.admin,
      you: m.id === me.memberId,
    }));
  }

  /**
   * Wraps the team key for a pending member, only when the fingerprint the admin was told out
   * of band is the one the database holds for them (a swapped key would not match).
   */
  async invite(name: string, expectedFingerprint: string): Promise<TeamMemberView> {
    const { me, rows } = await this.asAdmin();
    const target = rows.find((m) => m.name.toLowerCase() === name.trim().toLowerCase());
    if (!target) throw new TeamError('not-found', `No member called "${name}" asked to join.`);
    if (target.status !== 'pending') {
      throw new TeamError(
        'invalid-input',
        `"${target.name}" is ${target.status}, not waiting for an invitation.`,
      );
    }
    const actual = fingerprint(target.publicKey);
    if (normalFingerprint(actual) !== normalFingerprint(expectedFingerprint)) {
      throw new TeamError(
        'invalid-input',
        `The fingerprint does not match: the database holds ${actual} for "${target.name}". Do not invite; ask them to read theirs again from their own machine.`,
      );
    }
    const { epoch, key } = await this.currentKey();
    const info = this.requireMembership();
    const wrapped = wrapTeamKey(key, target.publicKey, info.teamId);
    if (!(await this.online((store) => store.activate(target.id, epoch, wrapped)))) {
      throw new TeamError('conflict', `"${target.name}" was changed by someone else; look again.`);
    }
    await this.appendAudit(null, 'member invited', undefined, target.name);
    return {
      name: target.name,
      fingerprint: actual,
      status: 'active',
      admin: false,
      you: target.id === me.id,
    };
  }

  /**
   * Removes a member: a new team key, wrapped for everyone who stays, and every entry
   * re-sealed under it, in one transaction. The removed member keeps whatever they already
   * saw; the result names the shared entries whose provider credentials to rotate.
   */
  async remove(name: string): Promise<{ epoch: number; resealed: number; rotate: EntryView[] }> {
    const { me, rows } = await this.asAdmin();
    const target = rows.find((m) => m.name.toLowerCase() === name.trim().toLowerCase());
    if (!target || target.status === 'removed') {
      throw new TeamError('not-found', `No member called "${name}" in the team.`);
    }
    if (target.id === me.id) {
      throw new TeamError('invalid-input', 'You cannot remove yourself; another admin can.');
    }
    await this.sync();
    const info = this.requireMembership();
    const newKey = newTeamKey();
    const result = await this.online((store) =>
      store.removeAndRotate(target.id, ({ epoch, rows: entries, stay }) => ({
        wrapped: stay.map((m) => ({
          memberId: m.id,
          wrapped: wrapTeamKey(newKey, m.publicKey, info.teamId),
        })),
        rows: entries.map((row) => ({
          id: row.id,
          sealed: sealShared(newKey, info.teamId, row.id, epoch, this.openRow(row)),
        })),
      })),
    );
    this.keys.set(result.epoch, newKey);
    await this.appendAudit(null, 'member removed', `key epoch ${result.epoch}`, target.name);
    await this.sync();
    return {
      ...result,
      // Everything a removed member could read: what a provider can rotate is listed.
      rotate: this.list(),
    };
  }

  // Entries -------------------------------------------------------------------------------

  list(): EntryView[] {
    const team = this.membershipValue?.teamName;
    return [...this.rows.values()].map(({ content }) => ({
      ...content.entry,
      ...(team ? { team } : {}),
    }));
  }

  get(id: string): EntryView {
    const found = this.rows.get(id);
    if (!found) throw new TeamError('not-found', 'That shared entry is not in the team any more.');
    const team = this.membershipValue?.teamName;
    return { ...found.content.entry, ...(team ? { team } : {}) };
  }

  findByLabel(provider: ProviderId, label: string): EntryView | undefined {
    const wanted = label.trim().toLowerCase();
    for (const { content } of this.rows.values()) {
      if (content.entry.provider === provider && content.entry.label.toLowerCase() === wanted) {
        return this.get(content.entry.id);
      }
    }
    return undefined;
  }

  readSecret(id: string, field: SecretField): string | undefined {
    const found = this.rows.get(id);
    if (!found) throw new TeamError('not-found', 'That shared entry is not in the team any more.');
    return found.content.secrets[field];
  }

  /** Moves a personal entry into the team (it leaves the personal vault once shared). */
  async share(personalId: string): Promise<EntryView> {
    const personal = this.requirePersonal();
    const entry = personal.get(personalId);
    await this.sync();
    this.assertWritable();
    if (this.findByLabel(entry.provider, entry.label)) {
      throw new TeamError(
        'duplicate-label',
        `label: the team already shares a ${entry.provider} entry called "${entry.label}".`,
      );
    }
    const { epoch, key } = await this.currentKey();
    const id = newId(SHARED_PREFIX);
    const secrets: SharedContent['secrets'] = {};
    for (const field of SECRET_FIELDS[entry.kind] as readonly SecretField[]) {
      const value = personal.readSecret(personalId, field);
      if (value !== undefined) secrets[field] = value;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { team: _team, ...plain } = entry;
    const content: SharedContent = { entry: { ...plain, id }, secrets };
    const info = this.requireMembership();
    await this.online((store) =>
      store.insert(id, epoch, sealShared(key, info.teamId, id, epoch, content)),
    );
    // Written to the team first: a failure from here on leaves the entry in both places,
    // never in neither.
    personal.remove(personalId);
    await this.appendAudit(id, 'shared', undefined, undefined, entry.label);
    await this.sync();
    return this.get(id);
  }

  /** Moves a shared entry back into this member's personal vault (and out of the team). */
  async unshare(id: string): Promise<EntryView> {
    const personal = this.requirePersonal();
    this.assertWritable();
    let added: EntryView | undefined;
    await this.online((store) =>
      store.withEntryLock(
        id,
        async (row) => {
          const { entry, secrets } = this.openRow(row);
          // eslint-disable-next-line @typescript-eslint/no-unused-vars
          const { id: _id, createdAt: _c, updatedAt: _u, team: _t, ...rest } = entry;
          added = personal.add(rest as Parameters<typeof personal.add>[0], secrets);
          return { remove: true, result: undefined };
        },
        this.deps.lockTimeoutMs,
      ),
    );
    if (!added) throw new TeamError('not-found', 'That shared entry is not in the team any more.');
    await this.appendAudit(id, 'moved to personal', undefined, undefined, added.label);
    await this.sync();
    return added;
  }

  /**
   * Edits a shared entry's metadata with compare-and-set: when another machine wrote first,
   * the edit is applied again to what it wrote (nothing of theirs is lost) and `retried` says
   * so; after five lost races it is reported as a conflict.
   */
  async edit(id: string, patch: EntryPatch): Promise<{ entry: EntryView; retried: number }> {
    this.assertWritable();
    const info = this.requireMembership();
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await this.online((store) => store.get(id));
      if (!row) throw new TeamError('not-found', 'That shared entry is not in the team any more.');
      const memory = new SharedEntryVault(this.openRow(row), this.deps.clock);
      memory.update(id, patch);
      const key = await this.keyFor(row.keyEpoch);
      const sealed = sealShared(key, info.teamId, id, row.keyEpoch, memory.content);
      const done = await this.online((store) =>
        store.compareAndSet(id, row.version, row.keyEpoch, sealed),
      );
      if (done.ok) {
        await this.appendAudit(
          id,
          'updated',
          attempt ? `after ${attempt} concurrent change(s)` : undefined,
          undefined,
          memory.content.entry.label,
        );
        await this.sync();
        return { entry: this.get(id), retried: attempt };
      }
    }
    throw new TeamError('conflict', 'Other machines keep changing this entry; try again.');
  }

  /**
   * A live access token for a shared Fax.Plus OAuth or OAuth 2.0 entry. When it is due, the
   * row is locked, read again, refreshed only if still due, and the rotated tokens written
   * before the lock is released: however many machines ask, the provider sees one refresh.
   */
  async accessToken(id: string, minValidMs?: number): Promise<string> {
    const entry = this.get(id);
    const module = moduleOf(entry);
    const stored = this.readSecret(id, module.bearerField);
    const fresh = (c: SharedContent) =>
      c.secrets[module.bearerField] !== undefined &&
      (module.accessFresh?.(c.entry, this.deps.clock.now(), minValidMs) ?? true);
    const held = this.rows.get(id)?.content;
    if (stored && held && fresh(held)) return stored;
    if (this.offlineSince !== undefined) {
      throw new TeamError(
        'team-offline',
        `The team database has been unreachable since ${timeOf(this.offlineSince)}, and "${entry.label}" needs a refresh first; nothing was changed.`,
      );
    }
    const info = this.requireMembership();
    let failure: unknown;
    const result = await this.online((store) =>
      refreshShared<SharedContent>(
        {
          store,
          open: (row) => this.openRow(row),
          seal: (content, row) => ({
            sealed: sealShared(
              this.keys.get(row.keyEpoch) ?? Buffer.alloc(0),
              info.teamId,
              row.id,
              row.keyEpoch,
              content,
            ),
            keyEpoch: row.keyEpoch,
          }),
          isDue: (content) => !fresh(content),
          refresh: async (content) => {
            const memory = new SharedEntryVault(content, this.deps.clock);
            try {
              await this.deps.refresher(content.entry, memory, minValidMs);
            } catch (error) {
              // Nothing learnt (a network error): roll back. Something learnt (the grant is
              // gone, "needs re-authorization"): write it, then say so.
              if (JSON.stringify(memory.content) === JSON.stringify(content)) throw error;
              failure = error;
            }
            return memory.content;
          },
          ...(this.deps.lockTimeoutMs ? { lockTimeoutMs: this.deps.lockTimeoutMs } : {}),
        },
        id,
      ),
    );
    const current = this.rows.get(id);
    if (current) this.rows.set(id, { ...current, content: result.content });
    if (result.refreshed) {
      await this.appendAudit(id, 'refreshed', undefined, undefined, result.content.entry.label);
      await this.sync();
    }
    if (failure) throw failure;
    const token = result.content.secrets[module.bearerField];
    if (!token) throw new TeamError('not-found', `"${entry.label}" has no access token.`);
    return token;
  }

  async audit(): Promise<TeamAuditView[]> {
    const info = this.requireMembership();
    const rows = await this.online((store) => store.auditRows());
    const out: TeamAuditView[] = [];
    for (const row of rows) {
      const key =
        row.keyEpoch === null ? undefined : await this.keyFor(row.keyEpoch).catch(() => undefined);
      if (!key || row.keyEpoch === null) continue;
      try {
        const record = JSON.parse(
          gcmOpen(key, row.sealed, `team-audit|${info.teamId}|${row.keyEpoch}`).toString('utf8'),
        ) as TeamAuditView;
        // The entry id inside the seal counts, not the column beside it.
        out.push(record);
      } catch {
        // Sealed before this member joined, or not by this team: not shown.
      }
    }
    return out;
  }

  /** Shared deadlines (opaque ids), readable while the vault is locked. */
  lockedIndex() {
    return this.files.lockedIndex();
  }

  /**
   * Reads every shared row and this member's keys from the database and keeps a sealed copy;
   * when the database cannot be reached, the copy serves instead and `offlineSince` says
   * since when. Never throws for being offline.
   */
  async sync(): Promise<TeamStatus> {
    const info = this.requireMembership();
    try {
      const store = await this.connect();
      const [rows, wrapped] = await Promise.all([store.all(), store.wrappedKeys(info.memberId)]);
      this.offlineSince = undefined;
      const keys = asCopyKeys(wrapped);
      this.takeKeys(keys);
      this.takeRows(rows);
      this.saveCopy(keys, rows);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      const copy = this.files.copy(this.deps.filesKey());
      this.offlineSince ??= copy?.offlineSince ?? this.deps.clock.now();
      if (copy) {
        this.takeKeys(copy.wrappedKeys);
        this.takeRows(
          copy.rows.map((r) => ({
            id: r.id,
            version: r.version,
            keyEpoch: r.keyEpoch,
            sealed: Buffer.from(r.sealed, 'base64'),
          })),
        );
        this.files.saveCopy(
          this.deps.filesKey(),
          { ...copy, offlineSince: this.offlineSince },
          this.files.lockedIndex(),
        );
      }
    }
    this.loaded = true;
    return this.status();
  }

  /** Loads once (a command, or the app after unlock). */
  async ensureLoaded(): Promise<void> {
    if (!this.loaded) await this.sync();
  }

  /** Leaves the team on this machine: the membership and copy go (the database keeps its rows). */
  forget(): void {
    this.files.forget();
    this.membershipValue = undefined;
    this.rows.clear();
    this.keys.clear();
  }

  /** The pool's settings, for a LISTEN connection of the app. */
  connectionConfig(): pg.PoolConfig {
    const m = this.requireMembership();
    return teamPoolConfig(m.connectionString, m.ca);
  }

  markOffline(since: number): void {
    this.offlineSince ??= since;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.store = undefined;
    await pool?.end().catch(() => undefined);
  }

  /** Drops the keys and opened entries from memory (the vault locked). */
  lock(): void {
    for (const key of this.keys.values()) key.fill(0);
    this.keys.clear();
    this.rows.clear();
    this.membershipValue = undefined;
    this.loaded = false;
  }

  // -------------------------------------------------------------------------------------------

  private membership(): TeamMembership | undefined {
    this.membershipValue ??= this.files.membership(this.deps.filesKey());
    return this.membershipValue;
  }

  private requireMembership(): TeamMembership {
    const m = this.membership();
    if (!m) {
      throw new TeamError(
        'no-team',
        'This vault is in no team. Run `tokenvault team init` or `team join`.',
      );
    }
    return m;
  }

  private requirePersonal(): NonNullable<TeamServiceDeps['personal']> {
    if (!this.deps.personal) throw new Error('The personal vault is not open for writing.');
    return this.deps.personal;
  }

  private assertNoTeam(): void {
    const m = this.hasTeam() ? this.membership() : undefined;
    if (m) {
      throw new TeamError(
        'invalid-input',
        `This vault is already in the team "${m.teamName}" as ${m.name}.`,
      );
    }
  }

  private assertWritable(): void {
    if (this.offlineSince !== undefined) {
      throw new TeamError(
        'team-offline',
        `The team database has been unreachable since ${timeOf(this.offlineSince)}; shared entries are read-only until it is back, and nothing was changed.`,
      );
    }
  }

  private saveMembership(m: TeamMembership): void {
    this.files.saveMembership(this.deps.filesKey(), m);
    this.membershipValue = m;
  }

  private saveCopy(wrappedKeys: TeamCopy['wrappedKeys'], rows: SharedRow[]): void {
    const copy: TeamCopy = {
      savedAt: this.deps.clock.now(),
      wrappedKeys,
      rows: rows.map((r) => ({
        id: r.id,
        version: r.version,
        keyEpoch: r.keyEpoch,
        sealed: r.sealed.toString('base64'),
      })),
    };
    this.files.saveCopy(this.deps.filesKey(), copy, lockedIndexOf(this.list()));
  }

  private takeKeys(wrapped: TeamCopy['wrappedKeys']): void {
    const m = this.requireMembership();
    for (const w of wrapped) {
      if (this.keys.has(w.epoch)) continue;
      this.keys.set(w.epoch, unwrapTeamKey(Buffer.from(w.wrapped, 'base64'), m.keyPair, m.teamId));
    }
  }

  private takeRows(rows: SharedRow[]): void {
    const next = new Map<string, OpenRow>();
    let unreadable = 0;
    for (const row of rows) {
      try {
        next.set(row.id, { row, content: this.openRow(row) });
      } catch {
        unreadable++;
      }
    }
    this.rows = next;
    this.unreadable = unreadable;
  }

  private openRow(row: SharedRow): SharedContent {
    const key = this.keys.get(row.keyEpoch);
    if (!key) throw new TeamError('not-found', 'This member has no key for that shared entry.');
    const m = this.requireMembership();
    return openShared(key, m.teamId, row.id, row.keyEpoch, row.sealed) as SharedContent;
  }

  private async keyFor(epoch: number): Promise<Buffer> {
    let key = this.keys.get(epoch);
    if (!key) {
      const m = this.requireMembership();
      const wrapped = await this.online((store) => store.wrappedKeys(m.memberId));
      this.takeKeys(asCopyKeys(wrapped));
      key = this.keys.get(epoch);
    }
    if (!key) {
      throw new TeamError(
        'not-admin',
        'You have not been invited yet: an admin compares your fingerprint and runs `team invite`.',
      );
    }
    return key;
  }

  private async currentKey(): Promise<{ epoch: number; key: Buffer }> {
    const info = await this.online((store) => store.info());
    if (!info) throw new TeamError('no-team', 'The team database has no team.');
    return { epoch: info.keyEpoch, key: await this.keyFor(info.keyEpoch) };
  }

  private async asAdmin(): Promise<{ me: MemberRow; rows: MemberRow[] }> {
    const m = this.requireMembership();
    const rows = await this.online((store) => store.members());
    const me = rows.find((r) => r.id === m.memberId);
    if (!me?.admin || me.status !== 'active') {
      throw new TeamError('not-admin', 'Only a team admin can invite or remove members.');
    }
    return { me, rows };
  }

  private async appendAudit(
    entryId: string | null,
    action: string,
    detail?: string,
    subject?: string,
    label?: string,
  ): Promise<void> {
    const m = this.requireMembership();
    const info = await this.online((store) => store.info());
    if (!info) return;
    const key = this.keys.get(info.keyEpoch) ?? (await this.keyFor(info.keyEpoch));
    const record: TeamAuditView = {
      ...(entryId ? { entryId } : {}),
      at: this.deps.clock.now(),
      member: m.name,
      action: subject ? `${action}: ${subject}` : action,
      ...(label ? { label } : {}),
      ...(detail ? { detail } : {}),
    };
    await this.online((store) =>
      store.appendAudit(
        entryId,
        gcmSeal(
          key,
          Buffer.from(JSON.stringify(record), 'utf8'),
          `team-audit|${m.teamId}|${info.keyEpoch}`,
        ),
        info.keyEpoch,
      ),
    );
  }

  /** Runs a database step; unreachable means offline (said, with since when) and nothing done. */
  private async online<T>(step: (store: TeamStore) => Promise<T>): Promise<T> {
    try {
      const result = await step(await this.connect());
      this.offlineSince = undefined;
      return result;
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      this.offlineSince ??= this.deps.clock.now();
      throw new TeamError(
        'team-offline',
        `The team database cannot be reached (offline since ${timeOf(this.offlineSince)}); nothing was changed.`,
      );
    }
  }

  private async connect(): Promise<TeamStore> {
    if (this.store) return this.store;
    const m = this.requireMembership();
    return this.openPool(m.connectionString, m.ca);
  }

  private async connectFresh(connectionString: string, ca?: string): Promise<TeamStore> {
    await this.close();
    const store = await this.openPool(connectionString, ca);
    let client: Awaited<ReturnType<TeamStore['connectClient']>>;
    try {
      client = await store.connectClient();
    } catch (error) {
      await this.close();
      throw connectError(error, connectionString);
    }
    try {
      await migrateTeamSchema(client);
    } finally {
      client.release();
    }
    return store;
  }

  private async openPool(connectionString: string, ca?: string): Promise<TeamStore> {
    const config: pg.PoolConfig = {
      ...teamPoolConfig(connectionString, ca),
      max: 4,
      connectionTimeoutMillis: 5_000,
    };
    const pool = this.deps.poolFor ? this.deps.poolFor(config) : new pg.Pool(config);
    // An idle connection the server dropped is discarded; the next query reconnects.
    pool.on('error', () => undefined);
    this.pool = pool;
    this.store = new TeamStore(pool);
    return this.store;
  }
}
