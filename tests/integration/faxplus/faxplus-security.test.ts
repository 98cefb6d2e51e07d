// security.md 11-17 and 34 against the real service and sandbox: deep-link fuzz changes
// nothing, the loopback path works and closes, and no seeded secret appears anywhere a user,
// a log or the disk could show it in clear.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxClient } from '../../sandbox/faxplus/faxplus.sandbox';
import { malformedRedirects } from '../../unit/core/oauth/redirect-fuzz.cases';
import type { Harness } from './faxplus.harness';
import { demoConnect, startHarness } from './faxplus.harness';
import { freePort } from '../../fakes/free-port';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('deep links (security.md 14)', () => {
  it('rejects 2,000 malformed callbacks without crashing or changing any state', async () => {
    h = await startHarness();
    const pending = await h.service.connect(demoConnect('billing'));
    const before = JSON.stringify(h.vault.list());
    for (const url of malformedRedirects(2000)) {
      const report = await h.service.handleRedirect(url);
      expect(report.handled).toBe(false);
    }
    // Valid shape, but states nobody issued.
    for (let i = 0; i < 50; i++) {
      const state = Buffer.alloc(32, i).toString('base64url');
      const report = await h.service.handleRedirect(
        `dev.tokenvault:/oauth/faxplus?code=c${i}&state=${state}`,
      );
      expect(report).toEqual({ handled: false, reason: 'callback with unknown state' });
    }
    expect(h.sandbox.control.requests('/token')).toHaveLength(0);
    expect(h.events).toHaveLength(0);
    expect(JSON.stringify(h.vault.list())).toBe(before);
    expect(h.flows.get(pending.flowId)).toBeDefined();
    // The genuine callback still works afterwards.
    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    expect(await h.service.handleRedirect(redirect)).toMatchObject({ outcome: 'connected' });
  });
});

describe('loopback redirect (security.md 16)', () => {
  it('listens on 127.0.0.1 only during the flow and closes after one callback', async () => {
    const port = await freePort();
    h = await startHarness({ loopbackPort: port });
    const pending = await h.service.connect(demoConnect('loop', { redirectMode: 'loopback' }));
    expect(pending.redirectUri).toBe(`http://127.0.0.1:${port}/oauth/faxplus`);

    const other = await fetch(`http://127.0.0.1:${port}/favicon.ico`);
    expect(other.status).toBe(404);

    const redirect = await h.sandbox.control.authorize(pending.authorizeUrl);
    expect(redirect.startsWith(pending.redirectUri)).toBe(true);
    const connected = h.nextEvent();
    const page = await fetch(redirect);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You can close this tab');
    expect(await connected).toMatchObject({
      outcome: 'connected',
      entry: { redirectMode: 'loopback', loopbackPort: port },
    });
    await expect(fetch(`http://127.0.0.1:${port}/oauth/faxplus?code=x`)).rejects.toThrow();
  });

  it('closes the listener when the flow times out or is cancelled', async () => {
    const port = await freePort();
    h = await startHarness({ loopbackPort: port });
    await h.service.connect(demoConnect('a', { redirectMode: 'loopback' }));
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
    h.clock.advance(10 * 60 * 1000);
    expect(h.events.at(-1)).toMatchObject({ outcome: 'expired' });
    await expect(fetch(`http://127.0.0.1:${port}/nope`)).rejects.toThrow();

    const second = await h.service.connect(demoConnect('b', { redirectMode: 'loopback' }));
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
    h.service.cancel(second.flowId);
    await new Promise((r) => setImmediate(r));
    await expect(fetch(`http://127.0.0.1:${port}/nope`)).rejects.toThrow();
  });

  it('closes the listener of every waiting flow when the app quits', async () => {
    const port = await freePort();
    h = await startHarness({ loopbackPort: port });
    await h.service.connect(demoConnect('quit', { redirectMode: 'loopback' }));
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
    h.service.stop();
    await new Promise((r) => setImmediate(r));
    expect(h.events.at(-1)).toMatchObject({ outcome: 'cancelled' });
    expect(h.flows.list()).toHaveLength(0);
    await expect(fetch(`http://127.0.0.1:${port}/nope`)).rejects.toThrow();
  });

  it('fails to start cleanly when the port is taken', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as AddressInfo).port)),
    );
    try {
      h = await startHarness({ loopbackPort: port });
      await expect(
        h.service.connect(demoConnect('x', { redirectMode: 'loopback' })),
      ).rejects.toMatchObject({ message: expect.stringContaining(`Port ${port}`) });
      expect(h.opened).toHaveLength(0);
      expect(h.flows.list()).toHaveLength(0);
    } finally {
      blocker.close();
    }
  });
});

describe('no secret leaks (security.md 34)', () => {
  it('never shows a seeded secret in errors, events, logs, audit or the vault file', async () => {
    const client: SandboxClient = {
      clientId: 'APIKleakcheck0client',
      clientSecret: 'LEAKCHECK-client-secret-7f3a9c1e5b',
      redirectUris: ['dev.tokenvault:/oauth/faxplus', 'http://127.0.0.1/oauth/faxplus'],
    };
    const patToken = 'alohi_pat_LEAKCHECKpat0123456789abcdef';
    h = await startHarness({
      timeoutMs: 300,
      sandbox: { clients: [client], pats: [{ token: patToken, name: 'leak' }] },
    });
    const hx = h;
    const ctl = hx.sandbox.control;
    const seen: string[] = [];
    const attempt = async (run: () => Promise<unknown>) => {
      try {
        seen.push(JSON.stringify(await run()));
      } catch (err) {
        seen.push(String(err), err instanceof Error ? (err.stack ?? '') : '');
      }
    };
    const req = (label: string) => ({
      ...demoConnect(label),
      clientId: client.clientId,
      clientSecret: client.clientSecret,
    });
    const connect = async (label: string, fault?: Parameters<typeof ctl.setFault>[0]) => {
      const pending = await hx.service.connect(req(label));
      const redirect = await ctl.authorize(pending.authorizeUrl);
      if (fault) ctl.setFault(fault, { target: 'token', times: 1 });
      await hx.service.handleRedirect(redirect);
      await hx.service.handleRedirect(redirect);
    };

    for (const fault of [
      'server-error',
      'unauthorized',
      'invalid-grant',
      'html',
      'slow',
    ] as const) {
      await connect(`f-${fault}`, fault);
    }
    await connect('good');
    const good = hx.vault.findByLabel('faxplus', 'good');
    if (!good) throw new Error('connect failed');
    for (const fault of ['server-error', 'html', 'slow', 'unauthorized'] as const) {
      hx.clock.advance(2 * 3600 * 1000);
      ctl.setFault(fault, { target: 'token', times: 1 });
      await attempt(() => hx.service.getAccessToken(good.id));
      ctl.setFault(fault, { target: 'api', times: 2 });
      await attempt(() => hx.service.verify(good.id));
    }
    await attempt(() => hx.service.addPat({ label: 'pat', pat: patToken }));
    await attempt(() => hx.service.addPat({ label: 'pat2', pat: `${patToken}x` }));
    ctl.revokeRefreshTokens();
    hx.clock.advance(2 * 3600 * 1000);
    await attempt(() => hx.service.getAccessToken(good.id));
    await attempt(() => hx.service.reauthorize(good.id));
    await hx.sandbox.close();
    await attempt(() => hx.service.verify(hx.vault.findByLabel('faxplus', 'pat')?.id ?? ''));

    // Every secret that crossed the wire: client secret, PAT, codes, access and refresh tokens.
    const secrets = new Set([client.clientSecret, patToken]);
    for (const r of ctl.requests()) {
      for (const key of ['code', 'refresh_token'] as const) {
        const v = r.query[key] ?? new URLSearchParams(r.body).get(key);
        if (v) secrets.add(v);
      }
      const auth = r.headers.authorization;
      if (typeof auth === 'string' && auth.startsWith('Bearer ')) secrets.add(auth.slice(7));
    }
    for (const e of hx.vault.list()) {
      for (const f of ['accessToken', 'refreshToken'] as const) {
        const v = e.kind === 'faxplus-oauth' ? hx.vault.readSecret(e.id, f) : undefined;
        if (v) secrets.add(v);
      }
    }
    expect(secrets.size).toBeGreaterThan(10);

    const files = readdirSync(hx.dir).map((f) => readFileSync(join(hx.dir, f), 'utf8'));
    const haystack = [
      ...seen,
      ...hx.logs,
      JSON.stringify(hx.events),
      JSON.stringify(hx.alerts.map((a) => a.message)),
      JSON.stringify(hx.vault.audit()),
      JSON.stringify(hx.vault.list()),
      ...files,
    ].join('\n');
    expect(hx.events.some((e) => e.outcome === 'failed')).toBe(true);
    expect(hx.logs.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(haystack).not.toContain(secret);
  });
});
