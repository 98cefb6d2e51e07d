// Every sandbox fault, in JSON and in XML: the user gets a clear, typed error, GETs are tried
// twice at most, a POST exactly once, and nothing is stored from a failed answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SmsfactorTokenEntry, WireFormat } from '../../../preload/api';
import type { FaultRule, SmsfactorFault } from '../../sandbox/smsfactor';
import type { Harness } from './smsfactor.harness';
import { startHarness } from './smsfactor.harness';

type Op = 'add' | 'mint' | 'list';

interface Case {
  fault: SmsfactorFault;
  match: Omit<FaultRule, 'kind'>;
  op: Op;
  code: string;
  message: RegExp;
  /** How many requests the faulty route must have seen. */
  attempts: number;
}

const UNKNOWN_OUTCOME = /may have created the token anyway/;

const cases: Case[] = [
  {
    fault: 'status-7',
    match: { path: '/token', method: 'POST' },
    op: 'mint',
    code: 'provider-error',
    message: /status -7\).*données envoyées sont invalides/,
    attempts: 1,
  },
  {
    fault: 'status-99',
    match: { path: '/credits' },
    op: 'add',
    code: 'provider-error',
    message: /status -99\): Unknown error/,
    attempts: 1,
  },
  {
    fault: 'only-error',
    match: { path: '/account' },
    op: 'add',
    code: 'provider-error',
    message: /Internal failure/,
    attempts: 1,
  },
  {
    fault: 'html-502',
    match: { path: '/token', method: 'GET' },
    op: 'list',
    code: 'provider-error',
    message: /HTTP 502, an HTML error page/,
    attempts: 2,
  },
  {
    fault: 'html-502',
    match: { path: '/token', method: 'POST' },
    op: 'mint',
    code: 'provider-error',
    message: UNKNOWN_OUTCOME,
    attempts: 1,
  },
  {
    fault: 'malformed-xml',
    match: { path: '/account' },
    op: 'add',
    code: 'provider-error',
    message: /could not be read \(the XML is malformed\)/,
    attempts: 1,
  },
  {
    fault: 'malformed-xml',
    match: { path: '/token', method: 'POST' },
    op: 'mint',
    code: 'provider-error',
    message: UNKNOWN_OUTCOME,
    attempts: 1,
  },
  {
    fault: 'hostile-xml',
    match: { path: '/account' },
    op: 'add',
    code: 'provider-error',
    message: /DOCTYPE or entities, which are refused/,
    attempts: 1,
  },
  {
    fault: 'hostile-xml',
    match: { path: '/token', method: 'POST' },
    op: 'mint',
    code: 'provider-error',
    message: /DOCTYPE/,
    attempts: 1,
  },
  {
    fault: 'slow',
    match: { path: '/credits' },
    op: 'add',
    code: 'timeout',
    message: /did not answer within/,
    attempts: 2,
  },
  {
    fault: 'slow',
    match: { path: '/token', method: 'POST' },
    op: 'mint',
    code: 'timeout',
    message: UNKNOWN_OUTCOME,
    attempts: 1,
  },
  {
    fault: 'reset-after-store',
    match: { path: '/token', method: 'POST' },
    op: 'mint',
    code: 'network-error',
    message: UNKNOWN_OUTCOME,
    attempts: 1,
  },
];

describe.each<WireFormat>(['json', 'xml'])('SMSFactor faults over %s', (format) => {
  let h: Harness;
  let parent: SmsfactorTokenEntry | undefined;
  beforeEach(async () => {
    h = await startHarness();
    parent = undefined;
  });
  afterEach(async () => {
    await h.close();
  });

  async function run(op: Op): Promise<unknown> {
    if (op === 'add') {
      return h.service.addToken({
        label: 'Added',
        token: h.sandbox.control.seed.parentToken,
        format,
      });
    }
    const id = parent?.id ?? '';
    if (op === 'mint')
      return h.service.mint({ parentId: id, name: 'minted', ttlSeconds: 3600, allowedIps: [] });
    return h.service.listRemote(id);
  }

  it.each(cases)('$fault on $match.method $match.path ($op) -> $code', async (c) => {
    if (c.op !== 'add') parent = await h.addParent(format);
    const entriesBefore = h.vault.list().length;
    const seenBefore = h.sandbox.control.requests.length;
    h.sandbox.control.fault(c.fault, c.match);
    // A short real timeout only where the sandbox holds the answer (until close).
    if (c.fault === 'slow') h.net.slowPath = c.match.path as string;

    const err = await run(c.op).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(err).toMatchObject({ code: c.code, message: expect.stringMatching(c.message) });
    expect(h.vault.list()).toHaveLength(entriesBefore);
    const hits = h.sandbox.control.requests
      .slice(seenBefore)
      .filter((r) => r.path === c.match.path && (!c.match.method || r.method === c.match.method));
    expect(hits).toHaveLength(c.attempts);
  });

  it('a single 502 on a GET is retried once and the list arrives', async () => {
    parent = await h.addParent(format);
    h.sandbox.control.fault('html-502', { path: '/token', method: 'GET', times: 1 });
    await expect(h.service.listRemote(parent.id)).resolves.toContainEqual(
      expect.objectContaining({ name: 'Platform token' }),
    );
  });

  it('a connection reset after SMSFactor stored the token: one POST, the orphan shows as not held', async () => {
    parent = await h.addParent(format);
    h.sandbox.control.fault('reset-after-store', { path: '/token', method: 'POST', times: 1 });
    await expect(run('mint')).rejects.toMatchObject({ code: 'network-error' });
    const orphan = h.sandbox.control.tokens().find((t) => t.name === 'minted');
    expect(orphan).toBeDefined();
    const remote = await h.service.listRemote(parent.id);
    expect(remote.find((t) => t.tokenId === orphan?.tokenId)).toMatchObject({ entryId: undefined });
  });

  it('ids sent as numbers are read as strings everywhere', async () => {
    h.sandbox.control.fault('numeric-ids');
    parent = await h.addParent(format);
    expect(parent.account?.id).toBe('1001');
    const minted = await h.service.mint({
      parentId: parent.id,
      name: 'numeric',
      ttlSeconds: null,
      allowedIps: [],
    });
    expect(typeof minted.entry.tokenId).toBe('string');
    const remote = await h.service.listRemote(parent.id);
    expect(remote.find((t) => t.name === 'numeric')).toMatchObject({
      tokenId: minted.entry.tokenId,
      entryId: minted.entry.id,
    });
    expect((await h.service.subAccounts(parent.id)).map((s) => s.id)).toEqual(['2001', '2002']);
    await expect(h.service.revoke(minted.entry.id)).resolves.toMatchObject({ status: 'revoked' });
  });

  it('HTTP 200 with status -1 is an authentication error showing the details, through IPC too', async () => {
    const res = await h.call('smsfactor:add-token', {
      label: 'Bad',
      token: 'sf_not-a-real-token',
      format,
    });
    expect(res).toEqual({
      ok: false,
      error: { code: 'auth-error', message: 'SMSFactor refused the token: Token invalide.' },
    });
    expect(h.vault.list()).toHaveLength(0);
  });
});
