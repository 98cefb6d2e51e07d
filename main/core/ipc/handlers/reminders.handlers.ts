// reminders:* — the reminder list, computed from metadata only, so it answers while locked.
import type { Settings } from '../../../../preload/api';
import type { Clock } from '../../ports';
import { listReminderItems } from '../../reminders/reminder-items';
import type { VaultApi } from '../../vault/vault.types';
import type { HandlersFor } from '../dispatch';

export interface RemindersHandlerDeps {
  vault: Pick<VaultApi, 'list'>;
  settings: () => Pick<Settings, 'reminderLeadMinutes' | 'language'>;
  clock: Clock;
  /**
   * Resolves 'system' to the OS locale (the shell knows it: app.getLocale()). Without it,
   * 'system' means English.
   */
  systemLocale?: () => string;
}

export function createRemindersHandlers(deps: RemindersHandlerDeps): HandlersFor<'reminders'> {
  return {
    'reminders:list': () => {
      const settings = deps.settings();
      const locale =
        settings.language === 'system' ? (deps.systemLocale?.() ?? 'en') : settings.language;
      return listReminderItems(deps.vault.list(), settings, deps.clock.now(), locale);
    },
  };
}
