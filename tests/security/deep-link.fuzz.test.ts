// Deep-link fuzz (security.md 14-15, issue 7 item 6): 12,000 hostile URLs, each handed to the
// real core the way the shell does — through findDeepLink over an argv with Chromium flags,
// then the Fax.Plus redirect handler — while a genuine flow is pending. Every one is rejected
// with a typed report; no token request, no event, no vault write, and the flow stays usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDeepLink } from '../../main/core/oauth/deep-link.finder';
import { malformedRedirects } from '../unit/core/oauth/redirect-fuzz.cases';
import { MASTER, ScriptedTransport, startSecurityCore, type SecurityCore } from './core-harness';
import { mulberry32, type Prng } from './prng';

const CASES = 12_000;
const FAKE_STATE = Buffer.alloc(32, 7).toString('base64url');
const BASE = `dev.tokenvault:/oauth/faxplus?code=abc123&state=${FAKE_STATE}`;
const HOSTILE = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(document.cookie)//dev.tokenvault:/oauth/faxplus',
  'file:///etc/passwd',
  'dev.tokenvault://evil.example/oauth/faxplus?code=a&state=b',
  'dev.tokenvault:/oauth/faxplus?code=%00&state=%ZZ',
  'dev.tokenvault:/oauth/faxplus?code=a&state=' + 'A'.repeat(100_000),
  'dev.tokenvault:' + '/'.repeat(5000),
  'dev.tokenvault:/oauth/faxplus#code=a&state=b',
  'dev.tokenvault:/oauth/faxplus?__proto__[x]=1&constructor=2',
  'http://127.0.0.1:1/oauth/faxplus?code=a&state=b',
  '\u202edev.tokenvault:/oauth/faxplus',
];
const FLAGS = [
  '--allow-file-access-from-files',
  '--original-process-start-time=13300000000000000',
  '--inspect=0',
  '-psn_0_12345',
  '/usr/lib/tokenvault/tokenvault',
  '.',
];

/** One random edit (insert, delete, replace, duplicate a span) of a URL. */
function mutate(rng: Prng, url: string): string {
  const at = rng.int(url.length + 1);
  switch (rng.int(5)) {
    case 0:
      return url.slice(0, at) + rng.string(6) + url.slice(at);
    case 1:
      return url.slice(0, at) + url.slice(at + 1 + rng.int(8));
    case 2:
      return (
        url.slice(0, at) +
        rng.pick(['%', '%2e', '%00', '/', '?', '&', '#', '\\', ':', '@', '=']) +
        url.slice(at + 1)
      );
    case 3:
      return url + rng.pick(['&code=x', '&state=' + FAKE_STATE, '&error=x', '#frag', '?', '&&']);
    default:
      return url.slice(0, at) + url.slice(at, at + 10).repeat(1 + rng.int(50)) + url.slice(at);
  }
}

function hostileUrls(count: number): string[] {
  const rng = mulberry32(0xdee9111c);
  const out = [...HOSTILE, ...malformedRedirects(4000, 0x5eed)];
  while (out.length < count) {
    let url = rng.chance(0.7) ? BASE : rng.pick(out);
    for (let edits = 1 + rng.int(3); edits > 0; edits -= 1) url = mutate(rng, url);
    out.push(url);
  }
  return out;
}

let h: SecurityCore;
let flowId: string;

beforeAll(async () => {
  h = startSecurityCore({ http: new ScriptedTransport() });
  await h.core.vault.create(MASTER);
  const pending = (await h.call('faxplus:connect', {
    label: 'billing',
    clientId: 'APIKfuzz',
    clientSecret: 'fuzz-client-secret',
    redirectMode: 'scheme',
    advancedSecurity: false,
    allowMissingState: false,
  })) as { ok: boolean; value: { flowId: string } };
  expect(pending.ok).toBe(true);
  flowId = pending.value.flowId;
});
afterAll(() => h.stop());

describe('deep-link fuzz', () => {
  it(`${CASES} hostile URLs -> typed rejection, no request, no event, no write`, async () => {
    const rng = mulberry32(42);
    const before = h.vaultBytes();
    const eventsBefore = h.events.length;
    const transport = h.http as ScriptedTransport;
    const urls = hostileUrls(CASES);
    expect(urls.length).toBeGreaterThanOrEqual(10_000);
    const accepted: string[] = [];
    for (const [i, url] of urls.entries()) {
      // The shell's path: argv with Chromium flags around the URL, found by its prefix.
      const argv = [rng.pick(FLAGS), url, rng.pick(FLAGS)];
      const found = findDeepLink(argv) ?? url;
      const report = await h.core.faxplus.handleRedirect(found);
      if (report.handled || typeof report.reason !== 'string' || report.reason === '') {
        accepted.push(`#${i} ${url.slice(0, 120)}`);
      }
      h.core.handleDeepLink(url); // the fire-and-forget entry point must not throw either
    }
    expect(accepted.slice(0, 10)).toEqual([]);
    expect(transport.requests).toHaveLength(0);
    expect(h.events.slice(eventsBefore)).toEqual([]);
    expect(h.vaultBytes().equals(before)).toBe(true);
    expect(h.core.vault.list()).toEqual([]);
    // The pending flow was not consumed: cancelling it still finds it and emits 'cancelled'.
    expect(await h.call('faxplus:cancel-connect', { flowId })).toMatchObject({ ok: true });
    expect(h.events.slice(eventsBefore)).toContainEqual(
      expect.objectContaining({
        event: 'event:connect',
        payload: expect.objectContaining({ flowId, outcome: 'cancelled' }),
      }),
    );
  });
});
