// User settings with defaults, stored in their own file (settings.json) and checked field by
// field on update so the settings screen can show an error beside the right input.
import { z } from 'zod';
import type { Settings } from '../../../preload/api';
import type { DocumentStore } from '../ports';
import { settingsFields } from './settings.schema';
import { DEFAULT_SETTINGS, SETTING_RULES as R, settingsFrom } from './settings-rules';
import { VaultError } from '../vault/vault.types';

export { DEFAULT_SETTINGS };

const patchSchema = z.strictObject(settingsFields).partial();

/** Sentences per field, so the message is useful beside the input. */
const HINTS: Record<keyof Settings, string> = {
  idleLockMinutes: `a whole number of minutes from 0 (never) to ${R.idleLockMinutes.max}`,
  clipboardClearSeconds: `a whole number of seconds from 0 (never) to ${R.clipboardClearSeconds.max}`,
  defaultHeaderFormat: `one of ${R.defaultHeaderFormat.values.join(', ')}`,
  reminderLeadMinutes: `up to ${R.reminderLeadMinutes.maxItems} different whole numbers of minutes`,
  closeToTray: 'on or off',
  lockOnSuspend: 'on or off',
  theme: 'system, light or dark',
  language: 'system, en, it or zh-CN',
  loopbackPort: `a port number from ${R.loopbackPort.min} to ${R.loopbackPort.max}`,
};

/** A field error carried on VaultError so IPC can fill ApiError.field. */
export class SettingsFieldError extends VaultError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid-input', message);
  }
}

export class SettingsService {
  private current: Settings = settingsFrom(undefined);
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly store: DocumentStore<unknown> & { start?: () => unknown }) {}

  /** Loads the file; unknown or invalid stored fields fall back to their defaults. */
  start(): void {
    // A damaged settings file is recovered (or set aside) by the store; defaults fill the rest.
    this.store.start?.();
    this.current = settingsFrom(this.store.read());
  }

  get(): Settings {
    return { ...this.current, reminderLeadMinutes: [...this.current.reminderLeadMinutes] };
  }

  update(patch: unknown): Settings {
    const parsed = patchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field =
        issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : String(issue?.path[0] ?? '');
      const hint = HINTS[field as keyof Settings];
      throw new SettingsFieldError(
        field,
        hint ? `${field}: must be ${hint}.` : `${field}: is not a setting.`,
      );
    }
    const next = { ...this.current, ...parsed.data } as Settings;
    if (parsed.data.reminderLeadMinutes) {
      next.reminderLeadMinutes = [...parsed.data.reminderLeadMinutes].sort((a, b) => b - a);
    }
    this.store.write(next);
    this.current = next;
    const view = this.get();
    for (const listener of this.listeners) listener(view);
    return view;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
