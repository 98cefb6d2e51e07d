// Provider-body fuzz (security.md 29, issue 7 item 6): 6,000 hostile answers through the real
// Fax.Plus and SMSFactor clients (JSON and XML) over a fake transport -> a ProviderError every
// time, never a crash or a value.
import { afterAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../preload/api';
import { smsEntry } from '../unit/core/vault/vault-helpers';
import { MASTER, ScriptedTransport as CoreTransport, startSecurityCore } from './core-harness';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../main/core/ports';
import { FaxplusClient } from '../../main/core/providers/faxplus/faxplus.client';
import { HttpClient, ProviderError } from '../../main/core/providers/http';
import { SmsfactorClient } from '../../main/core/providers/smsfactor/smsfactor.client';
import { HUGE_RESPONSES, hostileResponse } from './hostile-bodies';
import { mulberry32 } from './prng';

const CASES = 6000;

class ScriptedTransport implements HttpTransport {
  next: HttpResponse = { status: 500, headers: {}, body: '' };
  requests = 0;
  send(_request: HttpRequest): Promise<HttpResponse> {
    this.requests += 1;
    return Promise.resolve(this.next);
  }
}

const transport = new ScriptedTransport();
const http = new HttpClient({ transport });
const faxplus = new FaxplusClient({
  http,
  endpoints: () => ({
    accountsUrl: 'https://accounts.fax.plus',
    apiUrl: 'https://restapi.fax.plus/v3',
  }),
});
const sms = {
  json: new SmsfactorClient({ http, baseUrl: 'https://api.smsfactor.com', format: 'json' }),
  xml: new SmsfactorClient({ http, baseUrl: 'https://api.smsfactor.com', format: 'xml' }),
};
const pat = { kind: 'pat', pat: 'alohi_pat_fuzz' } as const;

const calls: Array<[string, () => Promise<unknown>]> = [
  ['faxplus tokenInfo', () => faxplus.tokenInfo(pat)],
  ['faxplus accountSelf', () => faxplus.accountSelf(pat)],
  [
    'faxplus exchangeCode',
    () =>
      faxplus.exchangeCode({
        clientId: 'id',
        clientSecret: 'secret',
        code: 'code',
        redirectUri: 'dev.tokenvault:/oauth/faxplus',
      }),
  ],
  [
    'faxplus refresh',
    () => faxplus.refresh({ clientId: 'id', clientSecret: 'secret', refreshToken: 'r' }),
  ],
  ...(['json', 'xml'] as const).flatMap((format): Array<[string, () => Promise<unknown>]> => [
    [`smsfactor ${format} account`, () => sms[format].account('tok')],
    [`smsfactor ${format} listTokens`, () => sms[format].listTokens('tok')],
    [
      `smsfactor ${format} createToken`,
      () => sms[format].createToken('tok', { name: 'n', ttlSeconds: 60, allowedIps: [] }),
    ],
  ]),
];

describe('provider body fuzz', () => {
  it(`${CASES} hostile answers -> ProviderError each time`, async () => {
    const rng = mulberry32(0x7e57ab1e);
    const accepted: string[] = [];
    for (let i = 0; i < CASES; i += 1) {
      transport.next = hostileResponse(rng);
      const [name, call] = rng.pick(calls);
      const outcome = await call().then(
        () => 'value',
        (error: unknown) => (error instanceof ProviderError ? 'provider-error' : String(error)),
      );
      if (outcome !== 'provider-error') {
        accepted.push(
          `#${i} ${name} ${transport.next.status} ${transport.next.body.slice(0, 80)} -> ${outcome}`,
        );
      }
    }
    expect(accepted.slice(0, 20)).toEqual([]);
    expect(transport.requests).toBeGreaterThanOrEqual(CASES);
  });

  // Separate from the random loop because each 600 KB body costs the Fax.Plus client about
  // 0.1 s to reject (it has no size cap before parsing; SMSFactor's XML path refuses > 512 KB).
  it.each(HUGE_RESPONSES.map((r, i) => [i, r] as const))(
    'huge body #%i -> ProviderError from every call',
    async (_i, response) => {
      transport.next = response;
      for (const [, call] of calls) {
        await expect(call()).rejects.toBeInstanceOf(ProviderError);
      }
    },
  );
});

describe('provider body fuzz through the core (nothing stored)', () => {
  const wire = new CoreTransport();
  const h = startSecurityCore({ http: wire });
  afterAll(() => h.stop());

  it('1,500 hostile answers to add-pat / add-token / mint -> error Result, vault unchanged', async () => {
    await h.core.vault.create(MASTER);
    const parent = h.core.vault.add(smsEntry('Parent'), { token: 'parent-sms-token' });
    const requests: Array<[Channel, unknown]> = [
      ['faxplus:add-pat', { label: 'New PAT', pat: 'alohi_pat_fuzzed_value' }],
      ['smsfactor:add-token', { label: 'New SMS', token: 'sms-fuzzed-token', format: 'xml' }],
      ['smsfactor:add-token', { label: 'New SMS', token: 'sms-fuzzed-token', format: 'json' }],
      ['smsfactor:mint', { parentId: parent.id, name: 'ci', ttlSeconds: 60, allowedIps: [] }],
    ];
    const before = h.vaultBytes();
    const rng = mulberry32(0xb0d1e5);
    const accepted: string[] = [];
    for (let i = 0; i < 1500; i += 1) {
      wire.next = hostileResponse(rng);
      const [channel, payload] = rng.pick(requests);
      const answer = (await h.call(channel, payload)) as { ok: boolean; error?: { code: string } };
      if (answer.ok || !answer.error || answer.error.code === 'internal') {
        accepted.push(`#${i} ${channel} -> ${JSON.stringify(answer).slice(0, 120)}`);
      }
    }
    expect(accepted.slice(0, 10)).toEqual([]);
    expect(h.vaultBytes().equals(before)).toBe(true);
    expect(h.core.vault.list().map((e) => e.label)).toEqual(['Parent']);
  });
});
