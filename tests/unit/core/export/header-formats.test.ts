import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { EntryView, HeaderFormat } from '../../../../preload/api';
import {
  HEADER_FORMATS,
  curlArgs,
  envName,
  formatHeaders,
  formatPreview,
  headerPairs,
  maskSecret,
  shellWord,
} from '../../../../main/core/export/header-formats';

const base = { id: 'e1', status: 'active', createdAt: 0, updatedAt: 0 } as const;
const oauth: EntryView = {
  ...base,
  label: 'billing',
  provider: 'faxplus',
  kind: 'faxplus-oauth',
  clientId: 'APIKabc123',
  redirectMode: 'loopback',
  allowMissingState: false,
  advancedSecurity: false,
  authorizedAt: 0,
  refreshExpiresAt: null,
};
const pat: EntryView = {
  ...base,
  label: 'ops',
  provider: 'faxplus',
  kind: 'faxplus-pat',
  expiresAt: null,
  scopes: [],
};
const sms = (format: 'json' | 'xml'): EntryView => ({
  ...base,
  label: 'sms',
  provider: 'smsfactor',
  kind: 'smsfactor-token',
  ttlSeconds: null,
  expiresAt: null,
  allowedIps: [],
  format,
});

const SECRET = 'tok_0123456789abcdefWXYZ';

describe('headerPairs per entry kind', () => {
  it.each([
    [
      'faxplus-oauth',
      oauth,
      [
        ['Authorization', `Bearer ${SECRET}`],
        ['x-fax-clientid', 'APIKabc123'],
      ],
    ],
    ['faxplus-pat', pat, [['Authorization', `Bearer ${SECRET}`]]],
    [
      'smsfactor json',
      sms('json'),
      [
        ['Authorization', `Bearer ${SECRET}`],
        ['Accept', 'application/json'],
      ],
    ],
    [
      'smsfactor xml',
      sms('xml'),
      [
        ['Authorization', `Bearer ${SECRET}`],
        ['Accept', 'application/xml'],
      ],
    ],
  ] as const)('%s', (_name, entry, expected) => {
    const { pairs } = headerPairs(entry, SECRET);
    expect(pairs.map((p) => [p.name, p.value])).toEqual(expected);
  });

  it.each(['a\r\nX-Evil: 1', 'a\nb', 'a\u0000b', ''])(
    'refuses a value that would inject headers: %j',
    (bad) => {
      expect(() => headerPairs(pat, bad)).toThrow(/cannot be used/);
    },
  );
});

describe('formatHeaders', () => {
  const { pairs } = headerPairs(oauth, SECRET);
  const table: [HeaderFormat, string][] = [
    ['http', `Authorization: Bearer ${SECRET}\nx-fax-clientid: APIKabc123`],
    ['curl', `--oauth2-bearer ${SECRET} -H x-fax-clientid:APIKabc123`],
    ['json', `{\n  "Authorization": "Bearer ${SECRET}",\n  "x-fax-clientid": "APIKabc123"\n}`],
    ['env', `TOKENVAULT_AUTHORIZATION='Bearer ${SECRET}'\nTOKENVAULT_X_FAX_CLIENTID='APIKabc123'`],
    [
      'fetch',
      `{\n  headers: {\n    "Authorization": "Bearer ${SECRET}",\n    "x-fax-clientid": "APIKabc123",\n  },\n}`,
    ],
    [
      'python',
      `{\n    "Authorization": "Bearer ${SECRET}",\n    "x-fax-clientid": "APIKabc123",\n}`,
    ],
  ];
  it.each(table)('%s', (format, expected) => {
    expect(formatHeaders(pairs, format)).toBe(expected);
  });

  it('covers every format of the contract', () => {
    expect(table.map(([f]) => f).sort()).toEqual([...HEADER_FORMATS].sort());
  });

  it('json, fetch and python outputs evaluate to the same headers', () => {
    const expected = { Authorization: `Bearer ${SECRET}`, 'x-fax-clientid': 'APIKabc123' };
    expect(JSON.parse(formatHeaders(pairs, 'json'))).toEqual(expected);
    const init = new Function(`return (${formatHeaders(pairs, 'fetch')});`)() as unknown;
    expect(init).toEqual({ headers: expected });
    const py = new Function(`return (${formatHeaders(pairs, 'python')});`)() as unknown;
    expect(py).toEqual(expected);
  });
});

describe('shell safety', () => {
  const nasty = ["it's", '$(touch /tmp/pwned)', '`id`', 'a b\tc', '*', '"quoted"', 'back\\slash'];

  it.each(nasty)('shellWord round-trips %j through sh', (word) => {
    const out = execFileSync('sh', ['-c', `printf '%s' ${shellWord(word)}`], { encoding: 'utf8' });
    expect(out).toBe(word);
  });

  it.each(nasty)('env line for %j reads back literally through sh', (value) => {
    const text = formatHeaders([{ name: 'X-Test', value }], 'env');
    const out = execFileSync('sh', ['-c', `${text}\nprintf '%s' "$TOKENVAULT_X_TEST"`], {
      encoding: 'utf8',
    });
    expect(out).toBe(value);
  });

  it('curl args of ordinary tokens contain no whitespace, so $(...) splitting keeps them whole', () => {
    const args = curlArgs(headerPairs(sms('json'), 'AbC-_.+/=09').pairs);
    expect(args).toEqual(['--oauth2-bearer', 'AbC-_.+/=09', '-H', 'Accept:application/json']);
  });

  it.each([
    ['Authorization', 'TOKENVAULT_AUTHORIZATION'],
    ['x-fax-clientid', 'TOKENVAULT_X_FAX_CLIENTID'],
    ['Accept', 'TOKENVAULT_ACCEPT'],
  ])('envName(%s) = %s', (name, expected) => {
    expect(envName(name)).toBe(expected);
  });
});

describe('masked previews', () => {
  it.each(HEADER_FORMATS)(
    '%s preview never shows the secret but keeps its last 4 chars',
    (format) => {
      const text = formatPreview(headerPairs(oauth, SECRET), format);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SECRET.slice(0, 8));
      expect(text).toContain('WXYZ');
      expect(text).toContain('APIKabc123');
    },
  );

  it.each([
    ['short', '••••••••'],
    ['exactly15chars!', '••••••••'],
    ['sixteen-chars-ok', '••••••••s-ok'],
  ])('maskSecret(%s)', (secret, expected) => {
    expect(maskSecret(secret)).toBe(expected);
  });
});
