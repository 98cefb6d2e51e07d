// The app's settings as the command line reads them (settings.json beside the vault; defaults
// when there is none), without loading the vault service: the reminders read path needs the
// reminder settings and nothing else of the full core. The file is read as it is, with the
// checks of settings-rules.ts (no zod, no store libraries: loading them took ~85 ms of
// `reminders`). A file that needs the store's recovery (damaged, or missing beside a backup)
// goes through the settings service, which recovers it as the app does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../preload/api';
import { settingsFrom } from '../core/settings/settings-rules';

export async function loadSettings(dir: string): Promise<Settings> {
  const path = join(dir, 'settings.json');
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return loadThroughStore(dir);
  }
  if (text === undefined) {
    if (existsSync(`${path}.bak`)) return loadThroughStore(dir);
    return settingsFrom(undefined);
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return loadThroughStore(dir);
  }
  return settingsFrom(stored);
}

/** Through the settings service and its store, which recovers a damaged file. */
async function loadThroughStore(dir: string): Promise<Settings> {
  const { createSettingsService } = await import('../core/settings/settings.factory');
  const service = createSettingsService({ dir });
  service.start();
  return service.get();
}
