// security.md 7 ("unknown channel -> nothing registered"): electron-store adds its own ipcMain
// listener ('electron-store-get-data') that would answer any page with the user-data path.
// main/electron/store.ts removes it; the store itself still writes where it is told.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { backendOptions } from '../../../main/core/vault/store-backend';
import { electronStoreBackend } from '../../../main/electron/store';
import { ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
// The real electron-store is loaded by Node outside vitest's module mocking, where `electron`
// has no binary. This stand-in does what its constructor does in the main process: register
// the 'electron-store-get-data' listener on ipcMain, then hand the options to conf.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  const { ipcMain } = await import('./fake-electron');
  class ElectronStore extends Conf<Record<string, unknown>> {
    constructor(options: ConstructorParameters<typeof Conf<Record<string, unknown>>>[0]) {
      ipcMain.on('electron-store-get-data', (event: { returnValue?: unknown }) => {
        event.returnValue = { defaultCwd: '/home/user/.config/Token Vault' };
      });
      super(options);
    }
  }
  return { default: ElectronStore };
});

const dir = mkdtempSync(join(tmpdir(), 'tv-electron-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  resetFakeElectron();
});

describe('electronStoreBackend', () => {
  it('leaves no electron-store listener on ipcMain, even though electron-store adds one', () => {
    const added: string[] = [];
    ipcMain.on('newListener', (name: string) => added.push(name));
    const store = electronStoreBackend(backendOptions(dir, 'vault'));
    expect(added).toEqual(['electron-store-get-data']);
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(0);
    expect(store.path).toBe(join(dir, 'vault.json'));
  });

  it('writes the raw content to the requested file with mode 0600 (security.md 26)', () => {
    const store = electronStoreBackend(backendOptions(dir, 'settings'));
    store.store = { raw: '{"hello":"world"}' };
    expect(readFileSync(store.path, 'utf8')).toContain('hello');
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(0);
  });
});
