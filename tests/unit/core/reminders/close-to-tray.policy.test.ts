import { describe, expect, it } from 'vitest';
import {
  decideAllWindowsClosed,
  decideWindowClose,
  type CloseContext,
} from '../../../../main/core/reminders/close-to-tray.policy';

describe('closing the window', () => {
  it.each<[string, CloseContext, 'hide' | 'close']>([
    [
      'close-to-tray on, tray shown',
      { closeToTray: true, trayAvailable: true, quitting: false },
      'hide',
    ],
    ['close-to-tray off', { closeToTray: false, trayAvailable: true, quitting: false }, 'close'],
    [
      'no tray on this desktop',
      { closeToTray: true, trayAvailable: false, quitting: false },
      'close',
    ],
    ['the user chose Quit', { closeToTray: true, trayAvailable: true, quitting: true }, 'close'],
  ])('%s -> %s', (_name, ctx, expected) => {
    expect(decideWindowClose(ctx)).toBe(expected);
  });
});

describe('after the last window closed', () => {
  it.each<[NodeJS.Platform, boolean, boolean, 'stay' | 'quit']>([
    ['win32', true, true, 'stay'],
    ['win32', false, true, 'quit'],
    ['linux', true, false, 'quit'],
    ['linux', false, false, 'quit'],
    ['darwin', false, false, 'stay'],
    ['darwin', true, true, 'stay'],
  ])('%s, closeToTray %s, tray %s -> %s', (platform, closeToTray, trayAvailable, expected) => {
    expect(decideAllWindowsClosed({ platform, closeToTray, trayAvailable })).toBe(expected);
  });
});
