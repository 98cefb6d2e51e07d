// security.md 35-36 at the shell edge: main/electron/clipboard.ts wires Electron's async
// clipboard into the bridge. A concealed copy carries the platform's "keep out of history"
// hint; clear() wipes the system clipboard only while it still holds our text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronClipboard } from '../../../main/electron/clipboard';
import { clipboard, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const platform = Object.getOwnPropertyDescriptor(process, 'platform');

beforeEach(() => {
  resetFakeElectron();
  // The adapter reads process.platform; pin it so the hint checked below is Linux's.
  Object.defineProperty(process, 'platform', { value: 'linux' });
});

afterEach(() => {
  if (platform) Object.defineProperty(process, 'platform', platform);
});

describe('createElectronClipboard', () => {
  it('a concealed copy writes the text with the password-manager hint', async () => {
    const port = createElectronClipboard();
    port.writeText('Authorization: Bearer s3cr3t', { concealed: true });
    await port.settle();
    expect(clipboard.written.map((items) => items.map((i) => i.items))).toEqual([
      [{ 'text/plain': 'Authorization: Bearer s3cr3t', 'x-kde-passwordManagerHint': 'secret' }],
    ]);
    expect(clipboard.text).toBe('Authorization: Bearer s3cr3t');
  });

  it('a plain copy writes text only', async () => {
    const port = createElectronClipboard();
    port.writeText('hello');
    await port.settle();
    expect(clipboard.written).toEqual([]);
    expect(clipboard.text).toBe('hello');
  });

  it('clear wipes the system clipboard while it still holds our text', async () => {
    const port = createElectronClipboard();
    port.writeText('s3cr3t', { concealed: true });
    await port.settle();
    port.clear();
    await port.settle();
    expect(clipboard.cleared).toBe(1);
    expect(clipboard.text).toBe('');
  });

  it('clear leaves alone what the user copied after us', async () => {
    const port = createElectronClipboard();
    port.writeText('s3cr3t', { concealed: true });
    await port.settle();
    await clipboard.writeText('the user copied this');
    port.clear();
    await port.settle();
    expect(clipboard.cleared).toBe(0);
    expect(clipboard.text).toBe('the user copied this');
  });
});
