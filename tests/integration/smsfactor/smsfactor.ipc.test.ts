// The smsfactor:* channels through the real dispatcher: bad form input comes back as
// invalid-input naming the field (for the inline error) and no request leaves the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Req, SmsfactorTokenEntry } from '../../../preload/api';
import type { Harness } from './smsfactor.harness';
import { startHarness } from './smsfactor.harness';

describe('smsfactor IPC input checks', () => {
  let h: Harness;
  let parent: SmsfactorTokenEntry;
  beforeAll(async () => {
    h = await startHarness();
    parent = await h.addParent('json');
  });
  afterAll(async () => {
    await h.close();
  });

  const base = (): Req<'smsfactor:mint'> => ({
    parentId: parent.id,
    name: 'ok',
    ttlSeconds: 3600,
    allowedIps: [],
  });

  it.each<[string, Partial<Req<'smsfactor:mint'>>, string, string | undefined]>([
    ['bad IPv4', { allowedIps: ['300.1.1.1'] }, 'allowedIps.0', '300.1.1.1'],
    ['bad prefix', { allowedIps: ['10.0.0.0/8', '1.2.3.4/33'] }, 'allowedIps.1', '1.2.3.4/33'],
    ['bad IPv6', { allowedIps: ['::g'] }, 'allowedIps.0', '::g'],
    ['empty IP', { allowedIps: [''] }, 'allowedIps.0', undefined],
    ['zero TTL', { ttlSeconds: 0 }, 'ttlSeconds', undefined],
    ['fractional TTL', { ttlSeconds: 1.5 }, 'ttlSeconds', undefined],
    ['empty name', { name: '' }, 'name', undefined],
    ['long name', { name: 'n'.repeat(101) }, 'name', undefined],
    ['account id with letters', { subAccountId: '20a1' }, 'subAccountId', '20a1'],
    [
      'IPs on a sub-account token',
      { subAccountId: '2001', allowedIps: ['::1'] },
      'allowedIps',
      '::1',
    ],
  ])('%s -> invalid-input on its field, nothing sent', async (_name, patch, field, quoted) => {
    const before = h.sandbox.control.requests.length;
    const res = await h.call('smsfactor:mint', { ...base(), ...patch });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-input', field } });
    if (quoted !== undefined && !res.ok) expect(res.error.message).toContain(quoted);
    expect(h.sandbox.control.requests.length).toBe(before);
  });

  it('a valid form goes through and comes back normalised', async () => {
    const res = await h.call('smsfactor:mint', {
      ...base(),
      name: 'norm',
      allowedIps: ['10.2.3.4/8', '2001:DB8::1'],
    });
    expect(res).toMatchObject({
      ok: true,
      value: { entry: { allowedIps: ['10.0.0.0/8', '2001:db8::1'] } },
    });
  });

  it('an unknown entry id names the field', async () => {
    expect(await h.call('smsfactor:list-remote', { parentId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'parentId' },
    });
  });
});
