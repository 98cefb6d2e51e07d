import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { LoopbackListener } from '../../../../main/core/oauth/loopback.listener';
import { FakeClock } from '../../../fakes/fake-clock';

let listener: LoopbackListener | undefined;
afterEach(async () => {
  await listener?.close();
});

function start(clock = new FakeClock()) {
  const calls: string[] = [];
  let timeouts = 0;
  listener = new LoopbackListener({
    port: 0,
    scheduler: clock,
    timeoutMs: 60_000,
    onCallback: (url) => calls.push(url),
    onTimeout: () => timeouts++,
  });
  return { clock, calls, timeouts: () => timeouts, listener };
}

describe('LoopbackListener (security.md 16)', () => {
  it('binds 127.0.0.1 only', async () => {
    const { listener: l } = start();
    const port = await l.start();
    expect(l.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port });
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    if (external) {
      await expect(fetch(`http://${external.address}:${port}/oauth/faxplus`)).rejects.toThrow();
    }
    await expect(fetch(`http://[::1]:${port}/oauth/faxplus?code=a`)).rejects.toThrow();
  });

  it.each([
    '/',
    '/oauth',
    '/oauth/faxplus/',
    '/oauth/faxplusX?code=a',
    '/oauth//faxplus',
    '/OAUTH/faxplus',
  ])('answers 404 to %s and keeps waiting', async (path) => {
    const { listener: l, calls } = start();
    const port = await l.start();
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    expect(res.status).toBe(404);
    expect(calls).toEqual([]);
    expect(l.isListening()).toBe(true);
  });

  it('takes one callback, thanks the browser, and closes', async () => {
    const { listener: l, calls } = start();
    const port = await l.start();
    const res = await fetch(`http://127.0.0.1:${port}/oauth/faxplus?code=a&state=b`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You can close this tab');
    expect(calls).toEqual([`http://127.0.0.1:${port}/oauth/faxplus?code=a&state=b`]);
    await expect(fetch(`http://127.0.0.1:${port}/oauth/faxplus?code=c`)).rejects.toThrow();
    expect(calls).toHaveLength(1);
    expect(l.isListening()).toBe(false);
  });

  it('closes at the timeout without a callback', async () => {
    const { listener: l, clock, timeouts } = start();
    const port = await l.start();
    clock.advance(60_000);
    expect(timeouts()).toBe(1);
    expect(l.isListening()).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/oauth/faxplus?code=a`)).rejects.toThrow();
  });
});
