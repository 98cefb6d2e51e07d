// Provider answers that no correct client may accept (security.md 29): every body here is
// unusable by construction — not JSON/XML at all, truncated, an HTML error page, XML with a
// DOCTYPE or entities, huge (HUGE_RESPONSES), the wrong top-level type, or an HTTP error status.
import type { HttpResponse } from '../../main/core/ports';
import { randomJson, type Prng } from './prng';

const HTML = [
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>',
  '<html><body>Service Unavailable</body></html>',
  '<h1>Maintenance</h1><script>alert(1)</script>',
];

const XML_ATTACKS = [
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><response><status>&lol3;</status></response>',
  '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><response><token>&xxe;</token></response>',
  '<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:1/evil.dtd"><response/>',
  '<!DOCTYPE response [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x">%p;]><response/>',
  '<response><status>1</status>',
  '<response><a><b></a></b></response>',
  '<?xml version="1.0"?>',
];

const WRONG_TOP_LEVEL = ['[]', '[1,2,3]', '"text"', '42', 'null', 'true', '""', '[{"token":"x"}]'];

function truncated(rng: Prng): string {
  const full = JSON.stringify({
    access_token: 'a'.repeat(20),
    token_type: 'pat',
    status: 1,
    token: { token: 'x', token_id: 7 },
    account: { client_id: 1, email: 'a@b.c' },
  });
  return full.slice(0, 1 + rng.int(full.length - 2));
}

/** 600 KB bodies, sent to every call once (they are slow to reject, see the test). */
export const HUGE_RESPONSES: HttpResponse[] = ['{"a":', '[', '<a>', 'x', '{"token":"'].map(
  (unit) => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: unit.repeat(Math.ceil((600 * 1024) / unit.length)),
  }),
);

/** One hostile response; the status is 200 unless the case is an HTTP error. */
export function hostileResponse(rng: Prng): HttpResponse {
  const json = { 'content-type': 'application/json' };
  const html = { 'content-type': 'text/html' };
  const xml = { 'content-type': 'application/xml' };
  switch (rng.int(7)) {
    case 0:
      return { status: 200, headers: json, body: truncated(rng) };
    case 1:
      return { status: 200, headers: html, body: rng.pick(HTML) };
    case 2:
      return { status: 200, headers: xml, body: rng.pick(XML_ATTACKS) };
    case 3:
      return { status: 200, headers: json, body: rng.pick(WRONG_TOP_LEVEL) };
    case 4:
      return { status: 200, headers: json, body: rng.string(40).replace(/^[[{"\d tfn-]/, '#') };
    case 5:
      return { status: 200, headers: json, body: '' };
    default:
      return {
        status: rng.pick([400, 401, 403, 404, 409, 422, 429, 500, 502, 503]),
        headers: rng.chance(0.5) ? json : html,
        body: rng.chance(0.5) ? JSON.stringify(randomJson(rng)) : rng.pick(HTML),
      };
  }
}
