// main/electron/file-dialog.ts: backup dialogs filtered to .tvbackup, modal to the window when
// there is one, and a cancelled dialog is "no path", never an empty string.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronFileDialog } from '../../../main/electron/file-dialog';
import { BrowserWindow, dialog, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Window = NonNullable<ReturnType<Parameters<typeof createElectronFileDialog>[0]>>;

const filters = [{ name: 'Token Vault backup', extensions: ['tvbackup'] }];

beforeEach(() => {
  resetFakeElectron();
});

describe('createElectronFileDialog', () => {
  it('save: modal to the window, .tvbackup filter, the chosen path returned', async () => {
    const win = new BrowserWindow({});
    dialog.next = { canceled: false, filePath: '/home/user/vault.tvbackup' };
    const path = await createElectronFileDialog(() => win as unknown as Window).chooseSavePath(
      'vault.tvbackup',
    );
    expect(path).toBe('/home/user/vault.tvbackup');
    expect(dialog.calls).toEqual([
      ['save', win, expect.objectContaining({ defaultPath: 'vault.tvbackup', filters })],
    ]);
  });

  it('open: without a window the dialog has no parent; one file only', async () => {
    dialog.next = { canceled: false, filePaths: ['/tmp/a.tvbackup'] };
    expect(await createElectronFileDialog(() => undefined).chooseOpenPath()).toBe(
      '/tmp/a.tvbackup',
    );
    expect(dialog.calls).toEqual([
      ['open', expect.objectContaining({ filters, properties: ['openFile'] })],
    ]);
  });

  it.each([
    ['cancelled save', 'save', { canceled: true, filePath: '/ignored' }],
    ['save with an empty path', 'save', { canceled: false, filePath: '' }],
    ['cancelled open', 'open', { canceled: true, filePaths: ['/ignored'] }],
    ['open with no file', 'open', { canceled: false, filePaths: [] }],
  ] as const)('%s -> null', async (_name, kind, answer) => {
    dialog.next = { ...answer, filePaths: 'filePaths' in answer ? [...answer.filePaths] : [] };
    const dialogs = createElectronFileDialog(() => undefined);
    const path =
      kind === 'save' ? await dialogs.chooseSavePath('x.tvbackup') : await dialogs.chooseOpenPath();
    expect(path).toBeNull();
  });
});
