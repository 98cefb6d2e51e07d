// The app's settings as the command line reads them (settings.json beside the vault, through
// the same verified store; defaults when absent), without loading the vault service: the
// reminders read path needs the reminder settings and nothing else of the full core.
import type { Settings } from '../../preload/api';

export async function loadSettings(dir: string): Promise<Settings> {
  const { createSettingsService } = await import('../core/settings/settings.factory');
  const service = createSettingsService({ dir });
  service.start();
  return service.get();
}
