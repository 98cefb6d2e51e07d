// The IPC side of "copy headers": the renderer gets { clearsAt } or a masked preview, and a
// bad payload never reaches the service.
import { describe, expect, it } from 'vitest';
import type { HeaderFormat } from '../../../../preload/api';
import { dispatch, type Handlers } from '../../../../main/core/ipc/dispatch';
import { createHeadersHandlers } from '../../../../main/core/ipc/handlers/headers.handlers';

function setup() {
  const calls: unknown[][] = [];
  const headers = createHeadersHandlers({
    headers: {
      preview: (id: string, format: HeaderFormat) => {
        calls.push(['preview', id, format]);
        return { format, text: 'Authorization: Bearer ••••••••WXYZ' };
      },
      copy: async (id: string, format?: HeaderFormat) => {
        calls.push(['copy', id, format]);
        return { clearsAt: 123 };
      },
    },
  });
  const handlers = headers as unknown as Handlers;
  const call = (channel: 'headers:preview' | 'headers:copy', payload: unknown) =>
    dispatch(handlers, { isTrustedSender: () => true }, channel, {}, payload);
  return { call, calls };
}

describe('headers handlers', () => {
  it('copy returns only when the clipboard clears', async () => {
    const { call, calls } = setup();
    expect(await call('headers:copy', { id: 'e1', format: 'curl' })).toEqual({
      ok: true,
      value: { clearsAt: 123 },
    });
    expect(calls).toEqual([['copy', 'e1', 'curl']]);
  });

  it('copy without a format uses the default (service decides)', async () => {
    const { call, calls } = setup();
    await call('headers:copy', { id: 'e1' });
    expect(calls).toEqual([['copy', 'e1', undefined]]);
  });

  it('preview returns the masked text', async () => {
    const { call } = setup();
    expect(await call('headers:preview', { id: 'e1', format: 'http' })).toEqual({
      ok: true,
      value: { format: 'http', text: 'Authorization: Bearer ••••••••WXYZ' },
    });
  });

  it.each([
    ['unknown format', 'headers:copy', { id: 'e1', format: 'yaml' }],
    ['missing id', 'headers:preview', { format: 'http' }],
    ['extra field', 'headers:copy', { id: 'e1', secret: 'x' }],
  ] as const)('%s -> invalid-input, service not called', async (_n, channel, payload) => {
    const { call, calls } = setup();
    const r = await call(channel, payload);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });
});
