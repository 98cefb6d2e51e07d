// The plain-Node composition of the core: stores, services and the IPC handler table, wired
// from ports. main/index.ts calls it with Electron adapters, the e2e harness with fakes and
// loopback providers. Constructors only wire; start() loads files and subscribes; stop()
// undoes it. Feature services are added here, next to the handler factory that uses them.
import type { Channel, PendingConnect, ProviderId } from '../../preload/api';
import type { PowerEvent } from './app/power-lock.policy';
import { createPowerLockPolicy } from './app/power-lock.policy';
import { ClipboardGuard } from './export/clipboard-guard';
import { HeadersService } from './export/headers.service';
import { providerEndpoints } from './app/provider-endpoints';
import { HttpClient } from './providers/http';
import { sharedRefresher } from './team/shared-refresher';
import { TeamApp, mergedEntries } from './team/team-app';
import { isSharedId } from './team/team-errors';
import type { Handlers } from './ipc/dispatch';
import type { EmitEvent } from './ipc/emit-event';
import { createHandlers } from './ipc/handlers';
import { isUserActivity } from './ipc/passive-channels';
import type {
  Browser,
  ClipboardPort,
  Clock,
  HttpTransport,
  Notifier,
  Random,
  Scheduler,
} from './ports';
import type { BackgroundRefresher } from './reminders/background-refresher';
import type { ReminderService } from './reminders/reminder.service';
import { createRemindersWiring } from './reminders/reminders.factory';
import type { TrayCommand } from './reminders/tray-actions';
import type { TrayController } from './reminders/tray.controller';
import type { FaxplusService } from './providers/faxplus/faxplus.service';
import { createProviderServices } from './providers/provider-services.factory';
import type { SmsfactorService } from './providers/smsfactor/smsfactor.service';
import { OAUTH2_CALLBACK_PATH, redirectPathOf } from './oauth/redirect.parser';
import type { OAuth2Service } from './providers/oauth2/oauth2.service';
import { createSettingsService } from './settings/settings.factory';
import type { SettingsService } from './settings/settings.service';
import { passwordRules } from './vault/password-rules';
import type { BackendFactory } from './vault/store-backend';
import { createVaultDiskWatcher } from './vault/vault-disk.watcher';
import { createVaultService } from './vault/vault.factory';
import { endSessions } from './vault/vault-session';
import { BackupService } from './backup/backup.service';
import { nodeBackupFiles } from './backup/backup.files';
import type { FileDialog } from './backup/file-dialog.port';
import { KeychainUnlock, type SafeStoragePort } from './vault/keychain-unlock';
import type { VaultService } from './vault/vault.service';
import { VaultError } from './vault/vault.types';

export { overriddenProviderOrigins, providerEndpoints } from './app/provider-endpoints';

export type { EmitEvent };

export interface CoreDeps {
  /** Folder of vault.json and settings.json (Electron: app.getPath('userData')). */
  dataDir: string;
  clock: Clock;
  scheduler: Scheduler;
  random: Random;
  /** File writer: electron-store in the shell; conf (the default) in plain Node. */
  storeBackend?: BackendFactory;
  /** Sends an event to the renderer (Electron: webContents.send; e2e: a page binding). */
  emit: EmitEvent;
  clipboard: ClipboardPort;
  notifier: Notifier;
  browser: Browser;
  http: HttpTransport;
  /** For TOKENVAULT_*_URL endpoint overrides. */
  env: Record<string, string | undefined>;
  /** PBKDF2 iterations for new vaults; tests pass fewer. Default: the vault's 600,000. */
  kdfIterations?: number;
  /** How often to look for changes the CLI made to the vault file. Default 2 s; 0 = never. */
  diskPollMs?: number;
  /** The OS locale for language 'system' (Electron: app.getLocale()). */
  systemLocale?: () => string;
  /** Report lines without secrets or URLs (ignored OAuth callbacks, failures). */
  log?: (line: string) => void;
  /** Brings the window forward (a notification was clicked). */
  focusWindow?: () => void;
  /** Native save/open dialogs for backups (main/electron/file-dialog.ts); absent = unsupported. */
  fileDialog?: FileDialog;
  /** Electron's safeStorage (main/electron/safe-storage.ts); absent = no keychain unlock. */
  safeStorage?: SafeStoragePort;
  /** process.platform, for the keychain policy. */
  platform?: string;
}

export interface Core {
  readonly vault: VaultService;
  readonly settings: SettingsService;
  readonly handlers: Handlers;
  readonly faxplus: FaxplusService;
  readonly smsfactor: SmsfactorService;
  readonly oauth2: OAuth2Service;
  readonly headers: HeadersService;
  readonly clipboardGuard: ClipboardGuard;
  readonly reminders: ReminderService;
  readonly refresher: BackgroundRefresher;
  readonly backup: BackupService;
  readonly keychain?: KeychainUnlock;
  /** The tray model, kept current; the shell draws it (main/electron/tray.ts). */
  readonly tray: TrayController;
  /** A tray menu click ("Quit" excepted: the shell owns the app's lifetime). */
  onTrayCommand(command: TrayCommand): Promise<void>;
  /** Loads files, subscribes to service events. Returns the vault's recovery notice, if any. */
  start(): { notice?: string };
  /** Locks the vault, cancels timers, drops subscriptions. */
  stop(): void;
  /** Every redirect URL the OS hands to the app (scheme deep links) lands here. */
  handleDeepLink(url: string): void;
  /** An accepted IPC request: counts as user activity for the idle lock (see PASSIVE). */
  onRequest(channel: Channel): void;
  /** powerMonitor events from the shell. */
  onPowerEvent(event: PowerEvent): void;
}

export function createCore(deps: CoreDeps): Core {
  const settings = createSettingsService({ dir: deps.dataDir, backend: deps.storeBackend });
  const vault = createVaultService({
    dir: deps.dataDir,
    clock: deps.clock,
    scheduler: deps.scheduler,
    random: deps.random,
    kdfIterations: deps.kdfIterations,
    backend: deps.storeBackend,
    idleLockMinutes: () => settings.get().idleLockMinutes,
  });

  const { faxplus, smsfactor, apiKeys, oauth2 } = createProviderServices({
    vault,
    settings,
    clock: deps.clock,
    scheduler: deps.scheduler,
    random: deps.random,
    browser: deps.browser,
    http: deps.http,
    env: deps.env,
    emit: deps.emit,
    log: deps.log,
  });
  // The kinds whose access token is refreshed, by provider: headers, the background refresher,
  // the tray's and the notifications' "Re-authorize…" ask here.
  const sessions: Partial<
    Record<
      ProviderId,
      {
        getAccessToken(id: string, minValidMs?: number): Promise<string>;
        reauthorize(id: string): Promise<PendingConnect>;
      }
    >
  > = { faxplus, oauth2 };
  // The team (issue 15): shared entries join the list, reminders, tray, headers and the
  // background refresher through one merged view; their refresh goes through the row lock.
  const teamEndpoints = providerEndpoints(deps.env);
  const team = new TeamApp({
    dataDir: deps.dataDir,
    vault,
    clock: deps.clock,
    scheduler: deps.scheduler,
    refresher: sharedRefresher({
      http: new HttpClient({ transport: deps.http }),
      clock: deps.clock,
      faxplusEndpoints: () => teamEndpoints.faxplus,
    }),
    emit: deps.emit,
    log: deps.log,
  });
  const entries = mergedEntries(vault, team);
  const sessionOf = (id: string) => {
    const entry = vault.get(id);
    const session = sessions[entry.provider];
    if (!session) throw new VaultError('invalid-input', `"${entry.label}" is not refreshed.`);
    return session;
  };
  const guard = new ClipboardGuard({
    clipboard: deps.clipboard,
    clock: deps.clock,
    scheduler: deps.scheduler,
    clearSeconds: () => settings.get().clipboardClearSeconds,
  });
  const accessToken = (id: string, minValidMs?: number) =>
    isSharedId(id)
      ? team.accessToken(id, minValidMs)
      : sessionOf(id).getAccessToken(id, minValidMs);
  const headers = new HeadersService({
    vault: entries,
    guard,
    getAccessToken: accessToken,
    defaultFormat: () => settings.get().defaultHeaderFormat,
  });

  const { remindersStore, reminders, refresher, tray, onTrayCommand } = createRemindersWiring({
    vault,
    settings,
    entries,
    sessions: {
      getAccessToken: (id) => accessToken(id),
      reauthorize: (id) => sessionOf(id).reauthorize(id),
    },
    copyHeaders: (id) => headers.copy(id),
    dataDir: deps.dataDir,
    storeBackend: deps.storeBackend,
    clock: deps.clock,
    scheduler: deps.scheduler,
    notifier: deps.notifier,
    emit: deps.emit,
    systemLocale: deps.systemLocale,
    focusWindow: deps.focusWindow,
    log: deps.log,
  });

  const backup = new BackupService({
    vault,
    files: nodeBackupFiles(),
    clock: deps.clock,
    random: deps.random,
    kdfIterations: deps.kdfIterations,
  });
  const keychain = deps.safeStorage
    ? new KeychainUnlock({
        vault,
        safeStorage: deps.safeStorage,
        platform: deps.platform ?? process.platform,
      })
    : undefined;

  const handlers = createHandlers({
    vault: { vault, passwordRules },
    settings: { settings },
    tokens: {
      vault,
      shared: {
        isShared: isSharedId,
        list: () => team.list(),
        get: (id) => team.get(id),
        edit: (id, patch) => team.edit(id, patch),
        audit: (id) => team.auditOf(id),
      },
      verifiers: {
        faxplus: (entry) => faxplus.verify(entry.id),
        smsfactor: (entry) => smsfactor.verify(entry.id),
        'api-key': (entry) => apiKeys.verify(entry.id),
        oauth2: (entry) => oauth2.verify(entry.id),
      },
      revokers: {
        smsfactor: (entry) => smsfactor.revoke(entry.id),
        oauth2: (entry) => oauth2.revoke(entry.id),
      },
    },
    faxplus: { faxplus },
    smsfactor: { smsfactor },
    apiKey: { apiKeys },
    oauth2: { oauth2 },
    headers: { headers },
    reminders: {
      vault: entries,
      settings: () => settings.get(),
      clock: deps.clock,
      systemLocale: deps.systemLocale,
    },
    backup: { backup, dialog: deps.fileDialog, clock: deps.clock },
    keychain: { keychain, vault },
    team: { team },
  });

  const onPowerEvent = createPowerLockPolicy({
    vault,
    settings: () => settings.get(),
    onResume: () => {
      reminders.onResume();
      refresher.recompute();
      tray.refresh();
    },
  });

  const subscriptions: Array<() => void> = [];
  const diskWatcher = createVaultDiskWatcher({
    vault,
    scheduler: deps.scheduler,
    pollMs: deps.diskPollMs ?? 2000,
  });

  return {
    vault,
    settings,
    handlers,
    faxplus,
    smsfactor,
    oauth2,
    headers,
    clipboardGuard: guard,
    reminders,
    refresher,
    backup,
    keychain,
    tray,
    onTrayCommand,
    start() {
      settings.start();
      keychain?.start();
      let idleLockMinutes = settings.get().idleLockMinutes;
      const report = vault.start();
      subscriptions.push(
        vault.onStatus((status) => deps.emit('event:vault-status', status)),
        vault.onChange((reason) => deps.emit('event:entries-changed', { reason })),
        // Locking by hand (the window's Lock, the tray's) ends the command line's sessions
        // too; an idle, suspend or quit lock leaves them to their own end time, so a script
        // running under one is not cut off because the window was left alone.
        vault.onChange((reason) => {
          if (reason === 'locked:explicit' || reason === 'locked:tray') {
            endSessions(deps.dataDir, deps.clock.now());
          }
        }),
        team.onChange((reason) => deps.emit('event:entries-changed', { reason })),
        settings.onChange((next) => {
          deps.emit('event:settings', next);
          reminders.onSettingsChanged();
          tray.refresh();
          // The request that saved the setting re-armed the idle timer with the OLD value;
          // re-arm with the new one so a shorter idle lock applies at once.
          if (next.idleLockMinutes !== idleLockMinutes) vault.touch();
          idleLockMinutes = next.idleLockMinutes;
        }),
        headers.start(),
      );
      remindersStore.start();
      reminders.start();
      refresher.start();
      tray.start();
      diskWatcher.start();
      team.start();
      return report.notice ? { notice: report.notice } : {};
    },
    stop() {
      void team.stop();
      diskWatcher.stop();
      for (const unsubscribe of subscriptions.splice(0)) unsubscribe();
      reminders.stop();
      refresher.stop();
      tray.stop();
      faxplus.stop();
      oauth2.stop();
      // Nothing will be left running to clear a copied header later.
      guard.onQuit();
      vault.lock('quit');
    },
    handleDeepLink(url) {
      // The flow parses and checks state itself; junk and replays are reported, not thrown.
      // Routed by the callback's path; each flow parses and checks it again, strictly.
      const target = redirectPathOf(url) === OAUTH2_CALLBACK_PATH ? oauth2 : faxplus;
      target.handleRedirect(url).catch(() => deps.log?.('A deep link could not be handled.'));
    },
    onRequest(channel) {
      if (isUserActivity(channel)) vault.touch();
    },
    onPowerEvent,
  };
}
