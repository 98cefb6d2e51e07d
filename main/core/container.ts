// The plain-Node composition of the core: stores, services and the IPC handler table, wired
// from ports. main/index.ts calls it with Electron adapters, the e2e harness with fakes and
// loopback providers. Constructors only wire; start() loads files and subscribes; stop()
// undoes it. Feature services are added here, next to the handler factory that uses them.
import type { Channel, EventMap, EventName } from '../../preload/api';
import type { PowerEvent } from './app/power-lock.policy';
import { createPowerLockPolicy } from './app/power-lock.policy';
import { providerEndpoints } from './app/provider-endpoints';
import { ClipboardGuard } from './export/clipboard-guard';
import { HeadersService } from './export/headers.service';
import type { Handlers } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import type {
  Browser,
  ClipboardPort,
  Clock,
  DocumentStore,
  HttpTransport,
  Notifier,
  Random,
  Scheduler,
  TimerHandle,
} from './ports';
import { createLoopbackListener } from './oauth/loopback.listener';
import { BackgroundRefresher } from './reminders/background-refresher';
import { toNotification, type NotificationAction } from './reminders/notification-model';
import { ReminderService } from './reminders/reminder.service';
import type { FiredLog, ReminderAlert } from './reminders/reminder.types';
import { createTrayActions, type TrayCommand } from './reminders/tray-actions';
import { TrayController } from './reminders/tray.controller';
import { PendingFlows } from './oauth/pending-flows.store';
import { FaxplusClient } from './providers/faxplus/faxplus.client';
import type { FaxplusFlowData } from './providers/faxplus/faxplus-connect.flow';
import { FaxplusService } from './providers/faxplus/faxplus.service';
import { HttpClient } from './providers/http';
import { SmsfactorClient } from './providers/smsfactor/smsfactor.client';
import { SmsfactorService } from './providers/smsfactor/smsfactor.service';
import { createSettingsService } from './settings/settings.factory';
import type { SettingsService } from './settings/settings.service';
import { passwordRules } from './vault/password-rules';
import { createSafeStore } from './vault/safe-store';
import type { BackendFactory } from './vault/store-backend';
import { createVaultService } from './vault/vault.factory';
import { BackupService } from './backup/backup.service';
import { nodeBackupFiles } from './backup/backup.files';
import type { FileDialog } from './backup/file-dialog.port';
import { KeychainUnlock, type SafeStoragePort } from './vault/keychain-unlock';
import type { VaultService } from './vault/vault.service';

export { overriddenProviderOrigins, providerEndpoints } from './app/provider-endpoints';

export type EmitEvent = <E extends EventName>(event: E, payload: EventMap[E]) => void;

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

/**
 * Reads that the renderer issues on its own (polling, refresh after an event) are not user
 * activity; counting them would keep an unattended vault unlocked forever.
 */
const PASSIVE: ReadonlySet<Channel> = new Set<Channel>([
  'vault:get-status',
  'vault:get-password-rules',
  'settings:get',
  'tokens:list',
  'tokens:get',
  'tokens:audit',
  'reminders:list',
  'faxplus:redirect-uri',
  'keychain:status',
]);

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

  const http = new HttpClient({ transport: deps.http });
  const endpoints = providerEndpoints(deps.env);
  const faxplus = new FaxplusService({
    vault,
    client: new FaxplusClient({ http, endpoints: () => endpoints.faxplus }),
    flows: new PendingFlows<FaxplusFlowData>({
      clock: deps.clock,
      scheduler: deps.scheduler,
      random: deps.random,
    }),
    browser: deps.browser,
    clock: deps.clock,
    scheduler: deps.scheduler,
    loopback: createLoopbackListener,
    loopbackPort: () => settings.get().loopbackPort,
    emit: deps.emit,
    // The user-facing notification for needs-reauth comes from the reminders (a 'needs-reauth'
    // item fires on the vault change); notifying here as well would say it twice.
    onAlert: (entry) => deps.log?.(`Fax.Plus "${entry.label}" needs re-authorization.`),
    log: deps.log,
  });
  const smsfactor = new SmsfactorService({
    vault,
    clock: deps.clock,
    clientFor: (format) =>
      new SmsfactorClient({ http, baseUrl: endpoints.smsfactorApiUrl, format }),
    emit: (reason) => deps.emit('event:entries-changed', { reason }),
  });
  const guard = new ClipboardGuard({
    clipboard: deps.clipboard,
    clock: deps.clock,
    scheduler: deps.scheduler,
    clearSeconds: () => settings.get().clipboardClearSeconds,
  });
  const headers = new HeadersService({
    vault,
    guard,
    getAccessToken: (id) => faxplus.getAccessToken(id),
    defaultFormat: () => settings.get().defaultHeaderFormat,
  });

  // Reminders and background refresh: metadata-only deadlines, and proactive refresh of
  // Fax.Plus access tokens while unlocked. A notification click opens the entry, or starts
  // re-authorization when that is the only fix.
  const locale = () => {
    const language = settings.get().language;
    return language === 'system' ? (deps.systemLocale?.() ?? 'en') : language;
  };
  const onNotificationClick = (action: NotificationAction) => {
    // Same path as the tray's "Re-authorize…": while locked it shows the entry to unlock first.
    if (action.type === 'reauthorize') {
      void onTrayCommand({ type: 'reauthorize', entryId: action.id });
      return;
    }
    deps.focusWindow?.();
    if (action.id) deps.emit('event:focus-entry', { id: action.id });
  };
  const notify = (alert: ReminderAlert) => {
    const model = toNotification(alert, deps.clock.now(), locale());
    deps.notifier.show({ id: model.id, title: model.title, body: model.body }, () =>
      onNotificationClick(model.action),
    );
  };
  const remindersStore = createSafeStore({
    dir: deps.dataDir,
    name: 'reminders',
    backend: deps.storeBackend,
    now: () => deps.clock.now(),
  });
  const reminders = new ReminderService({
    vault,
    settings: () => settings.get(),
    clock: deps.clock,
    scheduler: deps.scheduler,
    // The service checks the shape of what it reads back (isFiredLog).
    store: remindersStore as DocumentStore<unknown> as DocumentStore<FiredLog>,
    notify,
    onError: deps.log,
  });
  const refresher = new BackgroundRefresher({
    vault,
    refresh: async (id) => {
      await faxplus.getAccessToken(id);
    },
    clock: deps.clock,
    scheduler: deps.scheduler,
    notify,
  });

  const tray = new TrayController({
    vault,
    settings: () => settings.get(),
    clock: deps.clock,
    scheduler: deps.scheduler,
    locale,
  });
  const onTrayCommand = createTrayActions({
    vault,
    copyHeaders: (id) => headers.copy(id),
    reauthorize: (id) => faxplus.reauthorize(id),
    showWindow: () => deps.focusWindow?.(),
    focusEntry: (id) => deps.emit('event:focus-entry', { id }),
    inform: (title, body) => deps.notifier.show({ id: 'tray-feedback', title, body }),
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
      verifiers: {
        faxplus: (entry) => faxplus.verify(entry.id),
        smsfactor: (entry) => smsfactor.verify(entry.id),
      },
    },
    faxplus: { faxplus },
    smsfactor: { smsfactor },
    headers: { headers },
    reminders: {
      vault,
      settings: () => settings.get(),
      clock: deps.clock,
      systemLocale: deps.systemLocale,
    },
    backup: { backup, dialog: deps.fileDialog, clock: deps.clock },
    keychain: { keychain, vault },
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
  let diskTimer: TimerHandle | undefined;
  const pollMs = deps.diskPollMs ?? 2000;

  // The CLI may change vault.json while the app runs; a cheap stat tells us to reload.
  const watchDisk = () => {
    diskTimer = deps.scheduler.setTimeout(() => {
      try {
        if (vault.hasChangedOnDisk()) vault.reload();
      } catch {
        // A file mid-write or briefly locked: try again on the next tick.
      }
      watchDisk();
    }, pollMs);
  };

  return {
    vault,
    settings,
    handlers,
    faxplus,
    smsfactor,
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
      if (pollMs > 0) watchDisk();
      return report.notice ? { notice: report.notice } : {};
    },
    stop() {
      diskTimer?.cancel();
      diskTimer = undefined;
      for (const unsubscribe of subscriptions.splice(0)) unsubscribe();
      reminders.stop();
      refresher.stop();
      tray.stop();
      faxplus.stop();
      // Nothing will be left running to clear a copied header later.
      guard.onQuit();
      vault.lock('quit');
    },
    handleDeepLink(url) {
      // The flow parses and checks state itself; junk and replays are reported, not thrown.
      faxplus.handleRedirect(url).catch(() => deps.log?.('A deep link could not be handled.'));
    },
    onRequest(channel) {
      if (!PASSIVE.has(channel)) vault.touch();
    },
    onPowerEvent,
  };
}
