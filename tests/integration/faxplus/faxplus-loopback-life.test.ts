// security.md 16, the listener's life: nothing listens on the configured loopback port until
// the user starts a loopback sign-in, and nothing once that sign-in has ended, however it ended
// (connected, denied, cancelled, expired, app quit). While it waits it answers on 127.0.0.1
// only, never on [::1]. Probed with a bare TCP connect, so any listener at all would show.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './faxplus.harness';
import { demoConnect, startHarness } from './faxplus.harness';
import { freePort } from '../../fakes/free-port';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** True when something accepts a TCP connection on host:port. */
function listening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Lets a close() started by the service finish its callbacks. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

async function loopbackHarness(): Promise<{ h: Harness; port: number }> {
  const port = await freePort();
  h = await startHarness({ loopbackPort: port });
  return { h, port };
}

describe('loopback listener life (security.md 16)', () => {
  it('nothing listens before connect(), nor for a deep-link (scheme) sign-in', async () => {
    const { h, port } = await loopbackHarness();
    expect(await listening(port)).toBe(false);
    const pending = await h.service.connect(demoConnect('scheme'));
    expect(pending.redirectUri.startsWith('dev.tokenvault:')).toBe(true);
    expect(await listening(port)).toBe(false);
  });

  it('listens on 127.0.0.1 only while waiting, and on nothing after the callback', async () => {
    const { h, port } = await loopbackHarness();
    expect(await listening(port)).toBe(false);
    const pending = await h.service.connect(demoConnect('loop', { redirectMode: 'loopback' }));
    expect(await listening(port)).toBe(true);
    expect(await listening(port, '::1')).toBe(false);

    const connected = h.nextEvent();
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    expect((await fetch(redirect)).status).toBe(200);
    expect(await connected).toMatchObject({ outcome: 'connected' });
    await settled();
    expect(await listening(port)).toBe(false);
  });

  it.each([
    [
      'denied at the provider',
      async (h: Harness, pending: { authorizeUrl: string }) => {
        const failed = h.nextEvent();
        const redirect = await h.sandbox.control.authorize(pending.authorizeUrl, 'deny');
        await fetch(redirect);
        expect(await failed).toMatchObject({ outcome: 'failed' });
      },
    ],
    [
      'cancelled by the user',
      async (h: Harness, pending: { flowId: string }) => {
        h.service.cancel(pending.flowId);
      },
    ],
    [
      'expired after 10 minutes',
      async (h: Harness) => {
        h.clock.advance(10 * 60_000);
        expect(h.events.at(-1)).toMatchObject({ outcome: 'expired' });
      },
    ],
    [
      'ended by the app quitting',
      async (h: Harness) => {
        h.service.stop();
      },
    ],
  ])('a loopback sign-in %s leaves nothing listening', async (_how, end) => {
    const { h, port } = await loopbackHarness();
    const pending = await h.service.connect(demoConnect('loop', { redirectMode: 'loopback' }));
    expect(await listening(port)).toBe(true);
    await end(h, pending);
    await settled();
    expect(await listening(port)).toBe(false);
    expect(h.flows.list()).toHaveLength(0);
  });
});
