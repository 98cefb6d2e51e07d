// security.md 8: what the page sees on window.tokenVault. The real preload/index.ts runs here
// against a fake `electron` module (the binary is not needed to test a few lines of wiring).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  channels,
  createApi,
  events,
  type EventName,
  type TokenVaultApi,
} from '../../../preload/api';

type IpcListener = (event: unknown, payload: unknown) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<IpcListener>>();
  const exposed = new Map<string, unknown>();
  const invocations: unknown[][] = [];
  return {
    listeners,
    exposed,
    invocations,
    module: {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invocations.push(args);
          return Promise.resolve({ ok: true, value: 'answer' });
        },
        on: (channel: string, listener: IpcListener) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)?.add(listener);
        },
        removeListener: (channel: string, listener: IpcListener) => {
          listeners.get(channel)?.delete(listener);
        },
      },
    },
  };
});

vi.mock('electron', () => electron.module);

/** What main's webContents.send delivers: Electron adds its event object in front. */
function emitFromMain(event: EventName, payload: unknown) {
  const fakeElectronEvent = { sender: electron.module.ipcRenderer, senderId: 0 };
  for (const l of electron.listeners.get(event) ?? []) l(fakeElectronEvent, payload);
}

let api: TokenVaultApi;

beforeEach(async () => {
  electron.listeners.clear();
  electron.exposed.clear();
  electron.invocations.length = 0;
  vi.resetModules();
  await import('../../../preload/index');
  api = electron.exposed.get('tokenVault') as TokenVaultApi;
});

describe('preload (security.md 8)', () => {
  it('exposes exactly one object, window.tokenVault', () => {
    expect([...electron.exposed.keys()]).toEqual(['tokenVault']);
  });

  it('Object.keys(window.tokenVault) equals the contract, nothing more', () => {
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(channels), ...Object.keys(events)].sort(),
    );
    expect(Object.keys(api)).not.toContain('invoke');
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(Object.entries(channels))('%s invokes %s with the payload', async (method, channel) => {
    const fn = api[method as keyof typeof channels] as (p?: unknown) => Promise<unknown>;
    const result = await fn({ id: 'e1' });
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(electron.invocations).toEqual([[channel, { id: 'e1' }]]);
  });

  it.each(Object.entries(events))('%s listeners get the payload only', (method, event) => {
    const received: unknown[][] = [];
    const on = api[method as keyof typeof events] as (l: (...a: unknown[]) => void) => () => void;
    on((...args) => received.push(args));
    emitFromMain(event, { reason: 'test' });
    expect(received).toEqual([[{ reason: 'test' }]]);
  });

  it('unsubscribe stops delivery and leaves no listener behind', () => {
    const received: unknown[] = [];
    const off = api.onEntriesChanged((p) => received.push(p));
    const keep = api.onEntriesChanged(() => undefined);
    emitFromMain('event:entries-changed', { reason: 'one' });
    off();
    emitFromMain('event:entries-changed', { reason: 'two' });
    expect(received).toEqual([{ reason: 'one' }]);
    expect(electron.listeners.get('event:entries-changed')?.size).toBe(1);
    keep();
    expect(electron.listeners.get('event:entries-changed')?.size).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const onSettings = api.onSettings as unknown as (l: unknown) => unknown;
    expect(() => onSettings('not a function')).toThrow(TypeError);
  });
});

describe('createApi with a fake transport (the e2e harness path)', () => {
  it('builds the same method set from any invoke/subscribe pair', async () => {
    const calls: unknown[] = [];
    const fake = createApi(
      async (channel, payload) => {
        calls.push([channel, payload]);
        return { ok: true, value: null };
      },
      () => () => undefined,
    );
    expect(Object.keys(fake)).toEqual(Object.keys(api));
    await fake.unlock({ password: 'pw' });
    await fake.getVaultStatus();
    expect(calls).toEqual([
      ['vault:unlock', { password: 'pw' }],
      ['vault:get-status', undefined],
    ]);
  });
});
