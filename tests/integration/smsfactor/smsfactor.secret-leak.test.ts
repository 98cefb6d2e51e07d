// security.md 34 for the SMSFactor flows: unique secrets are seeded, every flow runs (the
// happy paths, the faults, the disk-full mint), and everything a user, a log or a crash
// report could see is searched for them. The only place a token may appear is the one-time
// `MintedToken.token` of a mint reply, which is removed before the search.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WireFormat } from '../../../preload/api';
import type { Harness } from './smsfactor.harness';
import { startHarness } from './smsfactor.harness';

describe.each<WireFormat>(['json', 'xml'])('no SMSFactor secret leaks (%s)', (format) => {
  let h: Harness;
  const captured: string[] = [];
  beforeEach(async () => {
    captured.length = 0;
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) => void captured.push(args.map(String).join(' ')),
      );
    }
    const capture = (chunk: unknown): boolean => {
      captured.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    h = await startHarness();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.close();
  });

  it('keeps every token out of replies, errors, audit, events, metadata, requests and files', async () => {
    const ctl = h.sandbox.control;
    const record = (what: unknown): void => {
      if (what instanceof Error)
        captured.push(`${what.message}\n${what.stack ?? ''}\n${JSON.stringify(what)}`);
      else captured.push(JSON.stringify(what));
    };
    const call: Harness['call'] = async (channel, payload) => {
      const res = await h.call(channel, payload);
      // The one sanctioned exception: the freshly minted token shown once.
      const shown =
        res.ok && channel === 'smsfactor:mint'
          ? { ...(res.value as object), token: '(shown once)' }
          : res;
      record(shown);
      return res;
    };
    const swallow = (p: Promise<unknown>): Promise<void> => p.then(record, record);

    const added = await call('smsfactor:add-token', {
      label: 'Parent',
      token: ctl.seed.parentToken,
      format,
    });
    const parentId = (added as { value: { id: string } }).value.id;
    await call('smsfactor:add-token', { label: 'Other', token: ctl.seed.otherToken, format });
    await call('smsfactor:add-token', {
      label: 'Wrong',
      token: `${ctl.seed.parentToken}x`,
      format,
    });
    await call('smsfactor:mint', {
      parentId,
      name: 'with ips',
      ttlSeconds: 3600,
      allowedIps: ['10.0.0.0/8', '::1'],
    });
    const minted = await call('smsfactor:mint', {
      parentId,
      name: 'plain',
      ttlSeconds: 60,
      allowedIps: [],
    });
    const mintedId = (minted as { value: { entry: { id: string } } }).value.entry.id;
    await call('smsfactor:mint', {
      parentId,
      name: 'sub',
      ttlSeconds: null,
      allowedIps: [],
      subAccountId: '2002',
    });
    await call('smsfactor:mint', {
      parentId,
      name: 'bad ip',
      ttlSeconds: null,
      allowedIps: ['300.1.1.1'],
    });
    await call('smsfactor:list-remote', { parentId });
    await call('smsfactor:sub-accounts', { parentId });
    await swallow(h.service.verify(mintedId));
    h.clock.advance(61_000);
    await swallow(h.service.verify(mintedId));
    await call('smsfactor:set-format', {
      id: parentId,
      format: format === 'json' ? 'xml' : 'json',
    });
    await call('smsfactor:set-format', { id: parentId, format });
    for (const fault of [
      'status-7',
      'html-502',
      'hostile-xml',
      'malformed-xml',
      'reset-after-store',
      'slow',
    ] as const) {
      ctl.fault(fault, { method: 'POST', times: 1 });
      h.net.slowPath = fault === 'slow' ? '/token' : undefined;
      await call('smsfactor:mint', {
        parentId,
        name: `fault ${fault}`,
        ttlSeconds: null,
        allowedIps: [],
      });
    }
    h.disk.full = true;
    await call('smsfactor:mint', { parentId, name: 'disk full', ttlSeconds: null, allowedIps: [] });
    h.disk.full = false;
    await call('smsfactor:revoke', { id: mintedId });
    await call('smsfactor:revoke', { id: parentId });

    record(h.vault.list());
    record(h.vault.audit());
    record(h.emitted);
    record(ctl.requests);
    for (const f of readdirSync(h.dir)) captured.push(readFileSync(join(h.dir, f), 'utf8'));

    const secrets = [
      ctl.seed.parentToken,
      ctl.seed.otherToken,
      ...ctl.tokens().map((t) => t.secret),
    ];
    expect(secrets.length).toBeGreaterThan(6);
    const haystack = captured.join('\n');
    expect(haystack.length).toBeGreaterThan(1000);
    for (const s of new Set(secrets))
      expect(haystack.includes(s), `secret ${s.slice(0, 6)}… leaked`).toBe(false);
  });
});
