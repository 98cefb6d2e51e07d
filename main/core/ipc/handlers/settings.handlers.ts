// settings:* — read and patch the app settings. Values were range-checked by the schema; the
// settings service applies its own defaults and persistence.
import type { Settings } from '../../../../preload/api';
import type { HandlersFor } from '../dispatch';

/** What the handlers need from the settings service (H1's SettingsService satisfies it). */
export interface SettingsApi {
  get(): Settings;
  update(patch: Partial<Settings>): Settings | Promise<Settings>;
}

export function createSettingsHandlers({
  settings,
}: {
  settings: SettingsApi;
}): HandlersFor<'settings'> {
  return {
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
  };
}
