// security.md 1: the options object every BrowserWindow is built from.
import { describe, expect, it } from 'vitest';
import {
  createWebPreferences,
  createWindowOptions,
} from '../../../../main/core/app/window-options.factory';

describe('window options (security.md 1)', () => {
  const prefs = createWebPreferences('/app/out/preload/index.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('enables no Blink feature and passes no extra arguments to the renderer', () => {
    const keys = Object.keys(prefs);
    expect(keys).not.toContain('enableBlinkFeatures');
    expect(keys).not.toContain('additionalArguments');
    expect(keys).not.toContain('partition');
  });

  it('loads the given preload script', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('keeps devtools closed unless asked for (packaged builds)', () => {
    expect(prefs.devTools).toBe(false);
    expect(createWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });

  it('the window itself uses the same secure preferences', () => {
    const win = createWindowOptions('/p.cjs');
    expect(win.webPreferences).toEqual(createWebPreferences('/p.cjs'));
    expect(win.show).toBe(false);
  });
});
