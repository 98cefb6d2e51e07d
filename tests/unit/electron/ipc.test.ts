// security.md 7: main/electron/ipc.ts maps Electron's `event.senderFrame` to the core's sender
// check. Only the app's own top-level frame is answered; an iframe, a gone frame or a foreign
// page gets `forbidden` and the feature handler never runs.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, type Channel } from '../../../preload/api';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../main/core/app/app-origin.policy';
import { createEventSender, registerIpc } from '../../../main/electron/ipc';
import { recordingHandlers, validPayloads } from '../core/ipc/ipc-fixtures';
import { BrowserWindow, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Window = NonNullable<ReturnType<Parameters<typeof createEventSender>[0]>>;

const topFrame = (url: string) => ({ url, parent: null });
const subFrame = (url: string) => ({ url, parent: topFrame(APP_ENTRY_URL) });

function setup() {
  const calls: Array<{ channel: Channel; req: unknown }> = [];
  const accepted: Channel[] = [];
  const dispose = registerIpc(recordingHandlers(calls), [APP_ORIGIN], {
    onAccepted: (channel) => accepted.push(channel),
  });
  return { calls, accepted, dispose };
}

beforeEach(() => {
  resetFakeElectron();
});

describe('registerIpc sender check (security.md 7)', () => {
  it("the app's own top frame is answered and reaches the handler", async () => {
    const { calls, accepted } = setup();
    const res = await ipcMain.invoke(
      'tokens:get',
      { senderFrame: topFrame(APP_ENTRY_URL) },
      { id: 'e1' },
    );
    expect(res).toEqual({ ok: true, value: { answeredBy: 'tokens:get' } });
    expect(calls).toEqual([{ channel: 'tokens:get', req: { id: 'e1' } }]);
    expect(accepted).toEqual(['tokens:get']);
  });

  const destroyedFrame = {
    get senderFrame(): never {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    },
  };

  it.each([
    ['an iframe of the app page (parent not null)', { senderFrame: subFrame(APP_ENTRY_URL) }],
    ['a foreign iframe', { senderFrame: subFrame('https://evil.example/') }],
    ['senderFrame null (frame gone)', { senderFrame: null }],
    ['no senderFrame at all', {}],
    ['a frame with no URL', { senderFrame: { url: undefined, parent: null } }],
    ['a foreign top-level page', { senderFrame: topFrame('https://evil.example/') }],
    ['a file: page', { senderFrame: topFrame('file:///tmp/index.html') }],
    ['another app:// host', { senderFrame: topFrame('app://evil/index.html') }],
    ['user-info in front of the app host', { senderFrame: topFrame('app://x@tokenvault/') }],
    ['the dev server when not trusted', { senderFrame: topFrame('http://localhost:5173/') }],
    ['a frame whose access throws', destroyedFrame],
  ])('%s -> forbidden, the handler is not called', async (_name, event) => {
    const { calls, accepted } = setup();
    for (const channel of ['vault:unlock', 'tokens:get', 'headers:copy'] as const) {
      const res = await ipcMain.invoke(channel, event, validPayloads[channel]);
      expect(res).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.any(String) },
      });
    }
    expect(calls).toEqual([]);
    expect(accepted).toEqual([]);
  });

  it('registers exactly the contract channels on ipcMain, and dispose removes them', () => {
    const { dispose } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(channels).sort());
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('createEventSender', () => {
  it('sends the payload alone to the live window', () => {
    const win = new BrowserWindow({});
    const send = createEventSender(() => win as unknown as Window);
    send('event:entries-changed', { reason: 'added' });
    expect(win.webContents.sent).toEqual([['event:entries-changed', { reason: 'added' }]]);
  });

  it('drops the event when there is no window or it was destroyed', () => {
    const win = new BrowserWindow({});
    win.destroyed = true;
    expect(() =>
      createEventSender(() => undefined)('event:entries-changed', { reason: 'x' }),
    ).not.toThrow();
    createEventSender(() => win as unknown as Window)('event:entries-changed', { reason: 'x' });
    expect(win.webContents.sent).toEqual([]);
  });
});
