// Seeded generator of malformed or hostile callback URLs (security.md 14). Every case is
// invalid by construction, so "all rejected" is a real assertion, and the seed makes a
// failure reproducible.

/** mulberry32: small, seedable, good enough to spread test inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATE = 'Q2hlY2tpbmctc3RhdGUtdmFsdWUtb2YtNDMtY2hhcnM';
export const VALID_URL = `dev.tokenvault:/oauth/faxplus?code=abc123&state=${STATE}`;

const SCHEMES = [
  'http:',
  'https:',
  'javascript:',
  'file:',
  'data:',
  'vbscript:',
  'dev.tokenvaul:',
  'dev.tokenvault.evil:',
  'dev-tokenvault:',
  'tokenvault:',
  'dev.tokenvault::',
  'dev%2Etokenvault:',
  'xdev.tokenvault:',
];
const PATHS = [
  '/oauth/faxplus/',
  '/oauth/Faxplus',
  '//oauth/faxplus',
  '///evil.example/oauth/faxplus',
  '/oauth/../oauth/faxplus',
  '/oauth/./faxplus',
  '/oauth%2Ffaxplus',
  '/oauth/faxplus;x=1',
  '/oauth/faxplus%00',
  '/OAUTH/FAXPLUS',
  '/oauth/smsfactor',
  '',
  '/',
  '//127.0.0.1:1/oauth/faxplus',
];
const BAD_QUERIES = [
  '',
  `state=${STATE}`,
  `code=abc&error=access_denied&state=${STATE}`,
  `code=abc&code=def&state=${STATE}`,
  `code=abc&state=${STATE}&state=${STATE}`,
  `code=abc&state=${STATE}&redirect_uri=https://evil.example`,
  `code=abc&state=${STATE}&foo=bar`,
  `code=abc&state=${STATE}&`,
  `&code=abc&state=${STATE}`,
  `code&state=${STATE}`,
  `=abc&state=${STATE}`,
  `code=%zz&state=${STATE}`,
  `code=%00abc&state=${STATE}`,
  `code=abc%0d%0aSet-Cookie:x&state=${STATE}`,
  `code=<script>&state=${STATE}`,
  `code=abc&state=${STATE}%00`,
  `code=abc&state=${STATE}%2F..`,
  `code=abc&state=${STATE}'"`,
  `code=abc&st%61te=${STATE}`,
  `co%64e=abc&state=${STATE}`,
  `CODE=abc&state=${STATE}`,
  `code=&state=${STATE}`,
  `code=abc&state=`,
  `error=ACCESS_DENIED&state=${STATE}`,
  `error=access_denied&error_description=%0a&state=${STATE}`,
  `code=abc&state=${STATE}&error_uri=javascript:alert(1)`,
  `code=${'%E2%80%AE'}abc&state=${STATE}`,
  `code=abc;state=${STATE}`,
];
/** Characters that can never appear in an accepted callback, wherever they land. */
const HOSTILE = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\0',
  '#',
  '\\',
  '<',
  '>',
  '`',
  '{',
  '}',
  '|',
  '^',
  '"',
  'é',
  '\u2028',
  '\u202e',
  '\uff0f',
  '\ud83d\ude00',
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function insertAt(rnd: () => number, text: string, piece: string): string {
  const at = Math.floor(rnd() * (text.length + 1));
  return text.slice(0, at) + piece + text.slice(at);
}

export function malformedRedirects(count: number, seed = 20261122): string[] {
  const rnd = seededRandom(seed);
  const out: string[] = [];
  const query = `code=abc123&state=${STATE}`;
  const makers: (() => string)[] = [
    () => `${pick(rnd, SCHEMES)}/oauth/faxplus?${query}`,
    () => `dev.tokenvault:${pick(rnd, PATHS)}?${query}`,
    () => `dev.tokenvault:/oauth/faxplus?${pick(rnd, BAD_QUERIES)}`,
    () => `${VALID_URL}&pad=${'x'.repeat(4096 + Math.floor(rnd() * 4096))}`,
    () => `dev.tokenvault:/oauth/faxplus?code=${'a'.repeat(4100)}&state=${STATE}`,
    () => `javascript:alert(document.cookie)//${VALID_URL}`,
    () => `${VALID_URL}#${pick(rnd, ['', 'x', '_=_', 'access_token=abc'])}`,
    () => insertAt(rnd, VALID_URL, pick(rnd, HOSTILE)),
    () =>
      `http://${pick(rnd, ['localhost', '0.0.0.0', '127.0.0.2', '[::1]', 'evil.example', '127.0.0.1@evil.example'])}:8080/oauth/faxplus?${query}`,
    () =>
      `http://127.0.0.1:${pick(rnd, ['0', '65536', '99999', '08080', 'abc', ''])}/oauth/faxplus?${query}`,
    () => `https://127.0.0.1:8080/oauth/faxplus?${query}`,
    () => `http://127.0.0.1:8080${pick(rnd, PATHS)}?${query}`,
    () => VALID_URL.slice(0, Math.floor(rnd() * 30)),
    () => `dev.tokenvault:/oauth/faxplus`,
    () => encodeURIComponent(VALID_URL),
  ];
  while (out.length < count) out.push(pick(rnd, makers)());
  return out;
}
