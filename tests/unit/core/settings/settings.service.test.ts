import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsService } from '../../../../main/core/settings/settings.factory';
import {
  DEFAULT_SETTINGS,
  SettingsFieldError,
} from '../../../../main/core/settings/settings.service';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'settings-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function started() {
  const service = createSettingsService({ dir });
  service.start();
  return service;
}

describe('SettingsService', () => {
  it('starts with the documented defaults', () => {
    expect(started().get()).toEqual({
      idleLockMinutes: 15,
      clipboardClearSeconds: 30,
      defaultHeaderFormat: 'http',
      reminderLeadMinutes: [10080, 4320, 1440, 60],
      closeToTray: true,
      lockOnSuspend: true,
      theme: 'system',
      language: 'system',
      loopbackPort: 43117,
    });
  });

  it('persists an update across restarts and tells listeners', () => {
    const service = started();
    const seen: number[] = [];
    service.onChange((s) => seen.push(s.idleLockMinutes));
    service.update({ idleLockMinutes: 5, clipboardClearSeconds: 0 });
    expect(seen).toEqual([5]);
    expect(started().get()).toMatchObject({ idleLockMinutes: 5, clipboardClearSeconds: 0 });
    expect(fs.statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it.each([
    [{ idleLockMinutes: -1 }, 'idleLockMinutes'],
    [{ idleLockMinutes: 2.5 }, 'idleLockMinutes'],
    [{ clipboardClearSeconds: '30' }, 'clipboardClearSeconds'],
    [{ defaultHeaderFormat: 'xml' }, 'defaultHeaderFormat'],
    [{ reminderLeadMinutes: [60, 60] }, 'reminderLeadMinutes'],
    [{ theme: 'pink' }, 'theme'],
    [{ loopbackPort: 80 }, 'loopbackPort'],
    [{ bogus: true }, 'bogus'],
  ])('rejects %j naming the field', (patch, field) => {
    const service = started();
    let caught: unknown;
    try {
      service.update(patch);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SettingsFieldError);
    expect((caught as SettingsFieldError).code).toBe('invalid-input');
    expect((caught as SettingsFieldError).field).toBe(field);
    expect((caught as Error).message.startsWith(`${field}:`)).toBe(true);
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to defaults for damaged stored fields', () => {
    fs.writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ idleLockMinutes: 'x', theme: 'dark' }),
    );
    expect(started().get()).toMatchObject({ idleLockMinutes: 15, theme: 'dark' });
  });
});
