// Wires reminders, background refresh and the tray: metadata-only deadlines, proactive refresh
// of Fax.Plus access tokens while unlocked, and the tray model and its menu actions. A
// notification click opens the entry, or starts re-authorization when that is the only fix.
import type { EmitEvent } from '../ipc/emit-event';
import type { Clock, DocumentStore, Notifier, Scheduler } from '../ports';
import type { SettingsService } from '../settings/settings.service';
import { createSafeStore, type SafeStore } from '../vault/safe-store';
import type { BackendFactory } from '../vault/store-backend';
import type { VaultService } from '../vault/vault.service';
import type { VaultApi } from '../vault/vault.types';
import { BackgroundRefresher } from './background-refresher';
import { toNotification, type NotificationAction } from './notification-model';
import { ReminderService } from './reminder.service';
import type { FiredLog, ReminderAlert } from './reminder.types';
import { createTrayActions, type TrayCommand } from './tray-actions';
import { TrayController } from './tray.controller';

export interface RemindersWiringDeps {
  vault: VaultService;
  /** What reminders, the tray and the refresher watch: personal and shared entries. */
  entries?: Pick<VaultApi, 'list' | 'lockedIndex' | 'isUnlocked' | 'onChange' | 'onStatus'>;
  settings: SettingsService;
  /** Refreshed kinds (Fax.Plus OAuth, OAuth 2.0): refresh ahead of expiry, and re-authorize
   * from a notification or the tray. */
  sessions: {
    getAccessToken(id: string): Promise<unknown>;
    reauthorize(id: string): Promise<unknown>;
  };
  /** The tray's "Copy headers". */
  copyHeaders: (id: string) => Promise<unknown>;
  dataDir: string;
  storeBackend?: BackendFactory;
  clock: Clock;
  scheduler: Scheduler;
  notifier: Notifier;
  emit: EmitEvent;
  systemLocale?: () => string;
  focusWindow?: () => void;
  log?: (line: string) => void;
}

export interface RemindersWiring {
  /** The fired-reminders file; started by the container before the reminders. */
  remindersStore: SafeStore;
  reminders: ReminderService;
  refresher: BackgroundRefresher;
  tray: TrayController;
  onTrayCommand: (command: TrayCommand) => Promise<void>;
}

export function createRemindersWiring(deps: RemindersWiringDeps): RemindersWiring {
  const { vault, settings } = deps;
  const entries = deps.entries ?? vault;
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
    vault: entries,
    settings: () => settings.get(),
    clock: deps.clock,
    scheduler: deps.scheduler,
    // The service checks the shape of what it reads back (isFiredLog).
    store: remindersStore as DocumentStore<unknown> as DocumentStore<FiredLog>,
    notify,
    onError: deps.log,
  });
  const refresher = new BackgroundRefresher({
    vault: entries,
    refresh: async (id) => {
      await deps.sessions.getAccessToken(id);
    },
    clock: deps.clock,
    scheduler: deps.scheduler,
    notify,
  });

  const tray = new TrayController({
    vault: entries,
    settings: () => settings.get(),
    clock: deps.clock,
    scheduler: deps.scheduler,
    locale,
  });
  const onTrayCommand = createTrayActions({
    vault,
    copyHeaders: (id) => deps.copyHeaders(id),
    reauthorize: (id) => deps.sessions.reauthorize(id),
    showWindow: () => deps.focusWindow?.(),
    focusEntry: (id) => deps.emit('event:focus-entry', { id }),
    inform: (title, body) => deps.notifier.show({ id: 'tray-feedback', title, body }),
    log: deps.log,
  });
  return { remindersStore, reminders, refresher, tray, onTrayCommand };
}
