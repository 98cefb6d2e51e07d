// The sandbox itself must behave like the real API where the client relies on it: XML unless
// asked otherwise, bodies read by Content-Type, status -1 on HTTP 200 for any refused token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../fakes/fake-clock';
import type { SmsfactorSandbox } from '../../sandbox/smsfactor';
import { startSmsfactorSandbox } from '../../sandbox/smsfactor';

describe('SMSFactor sandbox', () => {
  let sb: SmsfactorSandbox;
  const clock = new FakeClock();
  beforeAll(async () => {
    sb = await startSmsfactorSandbox({ clock });
  });
  afterAll(async () => {
    await sb.close();
  });

  const get = (path: string, token: string, accept?: string): Promise<Response> =>
    fetch(`${sb.apiUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, ...(accept ? { Accept: accept } : {}) },
    });

  it('answers XML when no Accept asks for JSON, JSON when asked', async () => {
    const xml = await get('/credits', sb.control.seed.parentToken);
    expect(xml.headers.get('content-type')).toMatch(/application\/xml/);
    expect(await xml.text()).toMatch(
      /^<\?xml[^>]*\?><response><status>1<\/status>.*<credits>44690<\/credits>/,
    );
    const json = await get('/credits', sb.control.seed.parentToken, 'application/json');
    expect(await json.json()).toMatchObject({ status: 1, credits: '44690' });
  });

  it.each([
    ['unknown', () => 'sf_nope'],
    ['expired', () => sb.control.createPlatformToken('1001', { ttl: 1 }).secret],
    [
      'outside allowed_ips',
      () => sb.control.createPlatformToken('1001', { allowedIps: ['10.0.0.0/8'] }).secret,
    ],
  ])('%s token -> HTTP 200 with status -1 "Token invalide"', async (_what, token) => {
    const secret = token();
    clock.advance(2000);
    const res = await get('/account', secret, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: -1, details: 'Token invalide' });
  });

  it('reads an XML mint body and a JSON one', async () => {
    const post = (type: string, body: string): Promise<unknown> =>
      fetch(`${sb.apiUrl}/token`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${sb.control.seed.parentToken}`,
          Accept: 'application/json',
          'Content-Type': type,
        },
        body,
      }).then((r) => r.json());
    expect(
      await post(
        'application/xml',
        '<token><name>x</name><ttl>60</ttl><allowed_ips>::1</allowed_ips></token>',
      ),
    ).toMatchObject({ status: 1, allowed_ips: ['::1'] });
    expect(await post('application/json', JSON.stringify({ token: { name: 'y' } }))).toMatchObject({
      status: 1,
    });
    expect(
      await post('application/json', JSON.stringify({ token: { name: 'z', ttl: -5 } })),
    ).toMatchObject({
      status: -7,
    });
  });

  it("another customer cannot see or delete this account's tokens", async () => {
    const del = await fetch(`${sb.apiUrl}/token/${sb.control.seed.parentTokenId}`, {
      method: 'DELETE',
      headers: {
        Authorization: `Bearer ${sb.control.seed.otherToken}`,
        Accept: 'application/json',
      },
    });
    expect(await del.json()).toMatchObject({ status: -5 });
    expect(sb.control.tokens().some((t) => t.tokenId === sb.control.seed.parentTokenId)).toBe(true);
  });
});
