// The SMSFactor client against a scripted transport: what goes on the wire, how answers are
// judged (status 1 only), retries (GETs once, POSTs never), redaction, and fuzzed bodies.
import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../../../../main/core/ports';
import { HttpClient, ProviderError } from '../../../../../main/core/providers/http';
import { SmsfactorClient } from '../../../../../main/core/providers/smsfactor/smsfactor.client';

const TOKEN = 'sf_unit_secret_token_0123456789';

type Step = HttpResponse | Error;

function scripted(...steps: Step[]): { transport: HttpTransport; sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  const transport: HttpTransport = {
    send(req) {
      sent.push(req);
      const step = steps[Math.min(sent.length - 1, steps.length - 1)];
      if (!step) throw new Error('no step');
      return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
    },
  };
  return { transport, sent };
}

const json = (body: unknown, status = 200): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const xml = (body: string): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'application/xml' },
  body,
});

function client(transport: HttpTransport, format: 'json' | 'xml' = 'json'): SmsfactorClient {
  return new SmsfactorClient({
    http: new HttpClient({ transport }),
    baseUrl: 'http://127.0.0.1:9/',
    format,
  });
}

async function errorOf(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProviderError))
    throw new Error(`expected a ProviderError, got ${String(err)}`);
  return err;
}

describe('what goes on the wire', () => {
  it('JSON mint: Accept and Content-Type JSON, bearer header, the documented body, no secret in the URL', async () => {
    const { transport, sent } = scripted(
      json({ status: 1, token: 'new', token_id: '7', allowed_ips: ['::1'] }),
    );
    const answer = await client(transport).createToken(TOKEN, {
      name: 'n',
      ttlSeconds: 60,
      allowedIps: ['::1'],
    });
    expect(answer).toEqual({ token: 'new', tokenId: '7', allowedIps: ['::1'] });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:9/token',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        Authorization: `Bearer ${TOKEN}`,
      },
    });
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      token: { name: 'n', ttl: 60, allowed_ips: ['::1'] },
    });
    expect(sent[0]?.url).not.toContain(TOKEN);
  });

  it('XML mint for a sub-account: XML both ways, no ttl when unlimited, no allowed_ips', async () => {
    const { transport, sent } = scripted(
      xml('<response><status>1</status><token>00123</token><token_id>8</token_id></response>'),
    );
    const answer = await client(transport, 'xml').createSubAccountToken(TOKEN, '2001', {
      name: 'n',
      ttlSeconds: null,
    });
    expect(answer).toEqual({ token: '00123', tokenId: '8', allowedIps: [] });
    expect(sent[0]?.url).toBe('http://127.0.0.1:9/token/account/2001');
    expect(sent[0]?.headers).toMatchObject({
      Accept: 'application/xml',
      'Content-Type': 'application/xml',
    });
    expect(sent[0]?.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><token><name>n</name></token>',
    );
  });
});

describe('judging answers', () => {
  it.each([
    ['number', { status: 1, credits: '5' }],
    ['string', { status: '1', credits: '5' }],
  ])('status 1 as a %s is success', async (_kind, body) => {
    await expect(client(scripted(json(body)).transport).credits(TOKEN)).resolves.toEqual({
      credits: '5',
    });
  });

  it.each([
    [
      { status: -1, message: 'Unauthorized', details: 'Token invalide' },
      'auth-error',
      'Token invalide',
      '-1',
    ],
    [{ status: '-1', message: 'Unauthorized' }, 'auth-error', 'Unauthorized', '-1'],
    [{ status: -8, message: 'Sous modération' }, 'provider-error', 'status -8', '-8'],
    [
      { status: -3, message: 'Not enough credits', details: 'Crédits insuffisants' },
      'provider-error',
      'Crédits insuffisants',
      '-3',
    ],
    [{ error: 'Something broke' }, 'provider-error', 'Something broke', undefined],
    [{ status: 2, message: 'odd' }, 'provider-error', 'status 2', '2'],
    [{ credits: '5' }, 'provider-error', 'no status', undefined],
  ])('%j -> %s showing %j', async (body, code, text, providerCode) => {
    const err = await errorOf(client(scripted(json(body)).transport).credits(TOKEN));
    expect(err).toMatchObject({ code, providerCode });
    expect(err.message).toContain(text);
  });

  it('a JSON answer labelled text/html is still read (judged by the body)', async () => {
    const res = {
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '{"status":1,"credits":"3"}',
    };
    await expect(client(scripted(res).transport).credits(TOKEN)).resolves.toEqual({ credits: '3' });
  });

  it('an error text that quotes the token is redacted', async () => {
    const body = { status: -1, details: `Token invalide: ${TOKEN}` };
    const err = await errorOf(client(scripted(json(body)).transport).account(TOKEN));
    expect(err.message).not.toContain(TOKEN);
    expect(err.message).toContain('[redacted]');
  });

  it('reads an XML list given as a wrapper element, and single items as one-element lists', async () => {
    const body =
      '<response><status>1</status><tokens><token><name>a</name><api_token_id>1</api_token_id><is_active>1</is_active>' +
      '<expired_at>null</expired_at><ttl>null</ttl><allowed_ips>null</allowed_ips></token>' +
      '<token><name>b</name><api_token_id>2</api_token_id><is_active>0</is_active><ttl>60</ttl>' +
      '<allowed_ips>::1</allowed_ips></token></tokens></response>';
    const list = await client(scripted(xml(body)).transport, 'xml').listTokens(TOKEN);
    expect(list).toEqual([
      {
        tokenId: '1',
        name: 'a',
        createdAt: undefined,
        expiresAt: null,
        ttlSeconds: null,
        active: true,
        allowedIps: [],
      },
      {
        tokenId: '2',
        name: 'b',
        createdAt: undefined,
        expiresAt: null,
        ttlSeconds: 60,
        active: false,
        allowedIps: ['::1'],
      },
    ]);
  });

  it('a success without a token is an error that says where to look', async () => {
    const err = await errorOf(
      client(scripted(json({ status: 1 })).transport).createToken(TOKEN, {
        name: 'n',
        ttlSeconds: null,
        allowedIps: [],
      }),
    );
    expect(err.message).toMatch(/sent no token.*remote token list/);
  });
});

describe('retries', () => {
  const reset = new ProviderError('network-error', 'Could not reach http://127.0.0.1:9/token.');

  it.each([
    ['a network error', reset],
    [
      'an HTML 502',
      { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>bad gateway</html>' },
    ],
  ])('a POST is never retried after %s', async (_what, failure) => {
    const { transport, sent } = scripted(
      failure,
      json({ status: 1, token: 'second', token_id: '9' }),
    );
    await errorOf(
      client(transport).createToken(TOKEN, { name: 'n', ttlSeconds: null, allowedIps: [] }),
    );
    expect(sent).toHaveLength(1);
  });

  it('a GET is retried once after a network error', async () => {
    const { transport, sent } = scripted(reset, json({ status: 1, credits: '1' }));
    await expect(client(transport).credits(TOKEN)).resolves.toEqual({ credits: '1' });
    expect(sent).toHaveLength(2);
  });
});

describe('fuzzed bodies (security.md 29)', () => {
  // Deterministic PRNG so a failure can be replayed.
  function rng(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const valid = [
    JSON.stringify({ status: 1, token: 'abc', token_id: '1', allowed_ips: ['::1'] }),
    '<?xml version="1.0"?><response><status>1</status><token>abc</token><token_id>1</token_id></response>',
  ];
  const random = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const bodies: string[] = [];
  for (let i = 0; i < 400; i++) {
    const base = pick(valid);
    const kind = pick(['truncate', 'garbage', 'types', 'html', 'mutate'] as const);
    if (kind === 'truncate') bodies.push(base.slice(0, Math.floor(random() * base.length)));
    else if (kind === 'garbage')
      bodies.push(
        Array.from({ length: 40 }, () => String.fromCharCode(Math.floor(random() * 256))).join(''),
      );
    else if (kind === 'types')
      bodies.push(
        JSON.stringify(
          pick([
            [],
            1,
            'x',
            null,
            true,
            { status: [1] },
            { status: { a: 1 } },
            { status: 1, token: 5 },
            { status: 1, token: {} },
          ]),
        ),
      );
    else if (kind === 'html') bodies.push(`<!DOCTYPE html><html><body>${i}</body></html>`);
    else {
      const at = Math.floor(random() * base.length);
      bodies.push(
        base.slice(0, at) +
          pick(['<', '>', '&', '"', '{', '}', '<!DOCTYPE x>', '&x;', '\u0000']) +
          base.slice(at + 1),
      );
    }
  }

  it('every body ends in a token or a ProviderError, never a crash', async () => {
    let errors = 0;
    for (const body of bodies) {
      const { transport } = scripted({ status: 200, headers: {}, body });
      const outcome = await client(transport)
        .createToken(TOKEN, { name: 'n', ttlSeconds: null, allowedIps: [] })
        .then(
          (a) => (typeof a.token === 'string' && a.token.length > 0 ? 'token' : 'bad'),
          (e: unknown) => (e instanceof ProviderError ? 'error' : `crash: ${String(e)}`),
        );
      if (outcome === 'error') errors += 1;
      expect(['token', 'error']).toContain(outcome);
    }
    expect(errors).toBeGreaterThan(300);
  });
});
