// Settings persisted beside the vault in settings.json, through the same verified store.
import type { BackendFactory } from '../vault/store-backend';
import { createSafeStore } from '../vault/safe-store';
import { SettingsService } from './settings.service';

export function createSettingsService(options: { dir: string; backend?: BackendFactory }) {
  const store = createSafeStore({ dir: options.dir, name: 'settings', backend: options.backend });
  return new SettingsService(store);
}
