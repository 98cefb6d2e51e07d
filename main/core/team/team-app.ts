// The team in the app (issue 15): opened when the vault unlocks (if it belongs to a team),
// synced, then kept live by LISTEN/NOTIFY; when the connection drops the app says "offline
// since …", keeps serving shared entries read-only from the sealed copy, and tries again
// every 30 seconds until the database answers. Locking drops the team keys with the vault's.
// The rest of main sees shared entries through `mergedEntries` (list, reminders, tray, headers
// and the background refresher work on them as on personal ones).
import type { AuditRecord, EntryView, TeamMemberView, TeamStatusView } from '../../../preload/api';
import type { EmitEvent } from '../ipc/emit-event';
import type { Clock, Scheduler, TimerHandle } from '../ports';
import type { LockedDeadline } from '../reminders/reminder.types';
import type { VaultService } from '../vault/vault.service';
import type { EntryPatch, SecretField, VaultApi } from '../vault/vault.types';
import { listenForChanges, type TeamFeed } from './team-feed';
import { TeamFiles } from './team-local';
import { isSharedId } from './team-errors';
import { TeamService, type SharedRefresher } from './team.service';

const RETRY_MS = 30_000;

export interface TeamAppDeps {
  dataDir: string;
  vault: VaultService;
  clock: Clock;
  scheduler: Scheduler;
  refresher: SharedRefresher;
  emit: EmitEvent;
  log?: (line: string) => void;
}

export class TeamApp {
  private team: TeamService | undefined;
  private feed: TeamFeed | undefined;
  private retry: TimerHandle | undefined;
  private readonly listeners = new Set<(reason: string) => void>();
  private readonly files: TeamFiles;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: TeamAppDeps) {
    this.files = new TeamFiles(deps.dataDir);
  }

  start(): void {
    this.unsubscribe = this.deps.vault.onStatus((status) => {
      if (!status.locked && !this.team && this.files.hasMembership()) void this.open();
      if (status.locked && this.team) void this.close();
    });
    if (this.deps.vault.isUnlocked() && this.files.hasMembership()) void this.open();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.close();
  }

  /** The service, made on first use (unlocked only: it needs the vault's key). */
  service(): TeamService {
    this.team ??= new TeamService({
      dir: this.deps.dataDir,
      filesKey: () => this.deps.vault.teamFilesKey(),
      personal: this.deps.vault,
      clock: this.deps.clock,
      refresher: this.deps.refresher,
    });
    return this.team;
  }

  onChange(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): TeamStatusView {
    if (!this.deps.vault.isUnlocked())
      return { member: this.files.hasMembership(), active: false, unreadable: 0 };
    if (!this.files.hasMembership()) return { member: false, active: false, unreadable: 0 };
    const service = this.service();
    const status = service.status();
    return { ...status, fingerprint: service.ownFingerprint() };
  }

  list(): EntryView[] {
    return this.team && this.deps.vault.isUnlocked() ? this.team.list() : [];
  }

  lockedIndex(): LockedDeadline[] {
    return this.files.lockedIndex();
  }

  // What the Team section does ------------------------------------------------------------

  async connect(req: {
    mode: 'init' | 'join';
    connectionString: string;
    name: string;
    teamName?: string;
  }): Promise<TeamStatusView> {
    const service = this.service();
    const options = {
      connectionString: req.connectionString,
      name: req.name,
      ...(req.teamName ? { teamName: req.teamName } : {}),
    };
    if (req.mode === 'init') await service.init(options);
    else await service.join(options);
    await this.startFeed();
    this.changed('team-connected');
    return this.status();
  }

  members(): Promise<TeamMemberView[]> {
    return this.service().members();
  }

  async invite(name: string, fingerprint: string): Promise<TeamMemberView> {
    const member = await this.service().invite(name, fingerprint);
    this.changed('team-member');
    return member;
  }

  async remove(name: string): Promise<{ epoch: number; resealed: number; rotate: string[] }> {
    const result = await this.service().remove(name);
    this.changed('team-member');
    return {
      epoch: result.epoch,
      resealed: result.resealed,
      rotate: result.rotate.map((e) => e.label),
    };
  }

  async share(id: string): Promise<EntryView> {
    const shared = await this.service().share(id);
    this.changed('shared');
    return shared;
  }

  async unshare(id: string): Promise<EntryView> {
    const personal = await this.service().unshare(id);
    this.changed('unshared');
    return personal;
  }

  async edit(id: string, patch: EntryPatch): Promise<EntryView> {
    const { entry } = await this.service().edit(id, patch);
    this.changed('shared-updated');
    return entry;
  }

  async sync(): Promise<TeamStatusView> {
    await this.service().sync();
    this.changed('team-sync');
    if (!this.feed && this.service().status().offlineSince === undefined) await this.startFeed();
    return this.status();
  }

  get(id: string): EntryView {
    return this.service().get(id);
  }

  readSecret(id: string, field: SecretField): string | undefined {
    return this.service().readSecret(id, field);
  }

  async accessToken(id: string, minValidMs?: number): Promise<string> {
    const token = await this.service().accessToken(id, minValidMs);
    this.changed('shared-refreshed');
    return token;
  }

  audit(): ReturnType<TeamService['audit']> {
    return this.service().audit();
  }

  /** A shared entry's history as the entry detail shows it: shared and refreshed, by whom. */
  async auditOf(id: string): Promise<AuditRecord[]> {
    const records = await this.service().audit();
    const out: AuditRecord[] = [];
    for (const r of records) {
      if (r.entryId !== id) continue;
      const action =
        r.action === 'shared' ? 'shared' : r.action === 'refreshed' ? 'refreshed' : undefined;
      if (!action) continue;
      out.push({ at: r.at, entryId: id, label: r.label ?? '', action, detail: r.member });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------

  private async open(): Promise<void> {
    try {
      await this.service().sync();
      this.changed('team-open');
      if (this.service().status().offlineSince === undefined) await this.startFeed();
      else this.scheduleRetry();
    } catch (error) {
      this.deps.log?.(`team: ${error instanceof Error ? error.name : 'error'}`);
    }
  }

  private async startFeed(): Promise<void> {
    await this.feed?.close();
    this.feed = undefined;
    try {
      this.feed = await listenForChanges({
        config: this.service().connectionConfig(),
        onChange: () => void this.sync().catch(() => undefined),
        // Invited (now holding the key), someone asking to join, someone removed.
        onMembersChange: () => void this.sync().catch(() => undefined),
        onOffline: (since) => {
          this.feed = undefined;
          this.team?.markOffline(since);
          this.changed('team-offline');
          this.scheduleRetry();
        },
        now: () => this.deps.clock.now(),
      });
    } catch {
      this.team?.markOffline(this.deps.clock.now());
      this.changed('team-offline');
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.retry) return;
    this.retry = this.deps.scheduler.setTimeout(() => {
      this.retry = undefined;
      if (!this.team || !this.deps.vault.isUnlocked()) return;
      void this.sync().then(
        (status) => {
          if (status.offlineSince !== undefined) this.scheduleRetry();
        },
        () => this.scheduleRetry(),
      );
    }, RETRY_MS);
  }

  private async close(): Promise<void> {
    this.retry?.cancel();
    this.retry = undefined;
    const feed = this.feed;
    this.feed = undefined;
    await feed?.close();
    const team = this.team;
    this.team = undefined;
    team?.lock();
    await team?.close();
    this.changed('team-closed');
  }

  private changed(reason: string): void {
    this.deps.emit('event:team-status', this.status());
    for (const listener of this.listeners) listener(reason);
  }
}

/** Personal and shared entries as one source, for the list, reminders, tray and headers. */
export function mergedEntries(
  vault: VaultService,
  team: TeamApp,
): Pick<
  VaultApi,
  | 'list'
  | 'lockedIndex'
  | 'isUnlocked'
  | 'onChange'
  | 'onStatus'
  | 'get'
  | 'readSecret'
  | 'recordAudit'
> {
  return {
    list: () => {
      const shared = team.list();
      return shared.length ? [...vault.list(), ...shared] : vault.list();
    },
    lockedIndex: () => [...vault.lockedIndex(), ...team.lockedIndex()],
    isUnlocked: () => vault.isUnlocked(),
    onChange: (listener) => {
      const a = vault.onChange(listener);
      const b = team.onChange(listener);
      return () => {
        a();
        b();
      };
    },
    onStatus: (listener) => vault.onStatus(listener),
    get: (id) => (isSharedId(id) ? team.get(id) : vault.get(id)),
    readSecret: (id, field) =>
      isSharedId(id) ? team.readSecret(id, field) : vault.readSecret(id, field),
    recordAudit: (id, action, detail) => {
      // The team's own audit records shares, edits and refreshes; copies stay local.
      if (!isSharedId(id)) vault.recordAudit(id, action, detail);
    },
  };
}
