// The command line's fast path for commands that only read (list, headers, token, exec,
// inject, completion): the vault file read once without the writers' lock, entries checked
// when used, secrets opened with node:crypto. No conf, no schema library, no node-forge is
// loaded, so these commands cost little more than the KDF. An OAuth token that must be
// refreshed (and any file this path cannot read at once) goes through the full CliCore,
// which holds the cross-process lock and recovers damaged files.
import type { EntryView, ProviderId } from '../../preload/api';
import type { LockedDeadline } from '../core/reminders/reminder.types';
import { HeadersService } from '../core/export/headers.service';
import { moduleOf, PROVIDER_IDS } from '../core/providers/registry';
import { CorruptVaultError } from '../core/vault/vault-file';
import { VaultFileReader, type ReadExtent, type VaultReadApi } from '../core/vault/vault-reader';
import type { CliCore } from './cli-core';
import { UsageError } from './cli-errors';
import { isSharedId } from '../core/team/team-errors';
import type { TeamService } from '../core/team/team.service';

export interface ReadCoreOptions {
  dir: string;
  /** The master password when it is known up front (TOKENVAULT_PASSWORD): the KDF starts early. */
  password?: string;
  /** What the command will read (vault-reader.ts ReadExtent); everything when not said. */
  extent?: ReadExtent;
  /** The full core, vault still locked (fallback when the file cannot be read at once). */
  full: () => Promise<CliCore>;
  /** The full core with the vault unlocked (a refresh writes the new token). */
  unlockedFull: () => Promise<CliCore>;
  /**
   * The vault's team, when it has one (team.json beside the vault): shared entries are found,
   * listed and exported like personal ones. Called once, after unlocking.
   */
  team?: (filesKey: () => Uint8Array) => Promise<TeamService | undefined>;
}

type HeaderVault = Pick<
  VaultReadApi,
  'get' | 'readSecret' | 'recordAudit' | 'isUnlocked' | 'onStatus'
>;

/**
 * More than one provider has an entry with the label (labels are unique per provider). The
 * caller says how to pick one: `--provider`, or a `<provider>:` prefix in an inject template.
 */
export class AmbiguousLabelError extends UsageError {
  constructor(
    readonly label: string,
    readonly providers: readonly ProviderId[],
  ) {
    super(
      `${providers.join(' and ')} each have an entry "${label}"; ` +
        `add --provider ${providers.join('|')}.`,
    );
  }
}

/** The entry with this label; `provider` picks one when several providers use it. */
export function findEntryIn(
  vault: Pick<VaultReadApi, 'findByLabel'>,
  label: string,
  provider?: ProviderId,
): EntryView {
  const found = (provider ? [provider] : PROVIDER_IDS)
    .map((p) => vault.findByLabel(p, label))
    .filter((e): e is EntryView => e !== undefined);
  if (found.length > 1) {
    throw new AmbiguousLabelError(
      label,
      found.map((e) => e.provider),
    );
  }
  const entry = found[0];
  if (!entry) throw new UsageError(`No entry labelled "${label}". See \`tokenvault list\`.`);
  return entry;
}

/** Header export as the CLI does it: printed, never put on a clipboard. */
export function cliHeaders(
  vault: HeaderVault,
  getAccessToken: (id: string, minValidMs?: number) => Promise<string>,
): HeadersService {
  return new HeadersService({
    vault,
    guard: {
      write: () => {
        throw new Error('The command line does not use the clipboard.');
      },
      onLock: () => undefined,
    },
    getAccessToken,
    // The CLI always says which format it prints (--format, default http).
    defaultFormat: () => 'http',
  });
}

export class CliReadCore {
  private teamValue: Promise<TeamService | undefined> | undefined;

  constructor(
    private current: VaultReadApi,
    private readonly options: ReadCoreOptions,
    private reader?: VaultFileReader,
  ) {}

  get vault(): VaultReadApi {
    return this.current;
  }

  private teamLoaded: TeamService | undefined;

  /**
   * Unlocks; a file whose MAC fails (changed outside Token Vault) is handed to the full core,
   * which opens what is intact and says what is not.
   */
  async unlock(password: string): Promise<void> {
    try {
      await this.current.unlock(password);
    } catch (error) {
      if (!(error instanceof CorruptVaultError) || !this.reader) throw error;
      const core = await this.options.unlockedFull();
      this.current = core.vault;
      this.reader = undefined;
    }
  }

  /**
   * Unlocks with a session (vault-session.ts). A key the file's MAC does not confirm goes to
   * the full core, which refuses the session for a changed file (SessionError): the caller
   * then asks for the master password, and the full path says what changed.
   */
  async unlockWithSession(open: (wrappedDek: string) => Uint8Array): Promise<void> {
    try {
      this.current.unlockWithSession(open);
    } catch (error) {
      if (!(error instanceof CorruptVaultError) || !this.reader) throw error;
      const core = await this.options.full();
      core.requireVault();
      core.vault.unlockWithSession(open);
      this.current = core.vault;
      this.reader = undefined;
    }
  }

  /** A personal entry with that label, else a shared one (the team's, when there is one). */
  async findEntry(label: string, provider?: ProviderId): Promise<EntryView> {
    try {
      return await this.withFallback(() => findEntryIn(this.current, label, provider));
    } catch (error) {
      if (!(error instanceof UsageError) || !error.message.startsWith('No entry labelled')) {
        throw error;
      }
      const team = await this.team();
      if (!team) throw error;
      return findEntryIn(team, label, provider);
    }
  }

  /** Personal entries, then the shared ones (with their `team`). */
  async list(): Promise<EntryView[]> {
    const personal = await this.withFallback(() => this.current.list());
    const team = await this.team();
    return team ? [...personal, ...team.list()] : personal;
  }

  /** The personal deadlines readable while locked (the full core's, if this file is not). */
  lockedIndex(): Promise<LockedDeadline[]> {
    return this.withFallback(() => this.current.lockedIndex());
  }

  /**
   * What names the vault file for a session's cache (vault-session.ts): only while the fast
   * reader serves it with its file MAC verified, and for a vault in no team (shared entries
   * change without the vault file changing).
   */
  async cacheStamp(): Promise<{ fileMac: string; key: Buffer } | undefined> {
    const reader = this.reader;
    if (!reader || (await this.team())) return undefined;
    return this.reader === reader ? reader.cacheStamp() : undefined;
  }

  /** The team, loaded once (undefined without one). */
  team(): Promise<TeamService | undefined> {
    const open = this.options.team;
    if (!open) return Promise.resolve(undefined);
    this.teamValue ??= open(() => this.current.teamFilesKey()).then((team) => {
      this.teamLoaded = team;
      return team;
    });
    return this.teamValue;
  }

  /**
   * An entry the fast path finds damaged is handed to the full core, which moves the damaged
   * file aside, restores the last good copy and says so, exactly as every other command does.
   */
  private async withFallback<T>(read: () => T): Promise<T> {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof CorruptVaultError) || !this.reader) throw error;
      const core = await this.options.full();
      core.requireVault();
      this.current = core.vault;
      this.reader = undefined;
      return read();
    }
  }

  headers(): HeadersService {
    const personal = this.current;
    // Shared entries are served by the team (loaded by findEntry when it found one there).
    const team = this.teamLoaded;
    const vault: HeaderVault = team
      ? {
          get: (id) => (isSharedId(id) ? team.get(id) : personal.get(id)),
          readSecret: (id, field) =>
            isSharedId(id) ? team.readSecret(id, field) : personal.readSecret(id, field),
          recordAudit: (id, action, detail) => {
            if (!isSharedId(id)) personal.recordAudit(id, action, detail);
          },
          isUnlocked: () => personal.isUnlocked(),
          onStatus: (listener) => personal.onStatus(listener),
        }
      : personal;
    return cliHeaders(vault, async (id, minValidMs) => {
      if (team && isSharedId(id)) return team.accessToken(id, minValidMs);
      const entry = this.current.get(id);
      const token = this.current.readSecret(id, 'accessToken');
      if (token && moduleOf(entry).accessFresh?.(entry, Date.now(), minValidMs)) return token;
      const full = await this.options.unlockedFull();
      const fresh = await full.accessToken(id, minValidMs);
      // The refresh saved a new expiry; later reads must see it.
      this.reader?.reload();
      return fresh;
    });
  }
}

export async function openReadCore(options: ReadCoreOptions): Promise<CliReadCore> {
  const reader = VaultFileReader.inFolder(options.dir, {
    password: options.password,
    extent: options.extent,
  });
  if (reader) return new CliReadCore(reader, options, reader);
  const core = await options.full();
  core.requireVault();
  return new CliReadCore(core.vault, options);
}
