// The API-key kind's pure rules: how each template fills, what the stored preview shows,
// which verification addresses are allowed, and the defaults the CLI applies.
import { describe, expect, it } from 'vitest';
import {
  defaultTemplate,
  fillTemplate,
  keyPreview,
  parseHeaderLine,
  verifyUrl,
} from '../../../../main/core/providers/api-key/api-key.rules';
import { apiKey } from '../../../../main/core/providers/api-key/api-key.entries';
import { kindModule } from '../../../../main/core/providers/registry';
import type { ApiKeyEntry } from '../../../../preload/api';

const entry = (extra: Partial<ApiKeyEntry> = {}): ApiKeyEntry => ({
  id: 'e1',
  kind: 'api-key',
  provider: 'api-key',
  label: 'k',
  status: 'active',
  createdAt: 0,
  updatedAt: 0,
  headerName: 'Authorization',
  template: 'Bearer {token}',
  extraHeaders: [],
  expiresAt: null,
  ...extra,
});

describe('fillTemplate', () => {
  it.each([
    [{}, 'Authorization', 'Bearer s3cr3t', 's3cr3t'],
    [{ template: 'token {token}' }, 'Authorization', 'token s3cr3t', 's3cr3t'],
    [{ headerName: 'X-Api-Key', template: '{token}' }, 'X-Api-Key', 's3cr3t', 's3cr3t'],
    [
      { template: 'Basic {basic}', basicUser: 'acct' },
      'Authorization',
      `Basic ${Buffer.from('acct:s3cr3t').toString('base64')}`,
      Buffer.from('acct:s3cr3t').toString('base64'),
    ],
  ])('%j', (extra, name, value, sensitive) => {
    expect(fillTemplate(entry(extra), 's3cr3t')).toEqual({ name, value, sensitive });
  });
});

describe('the api-key module in the registry', () => {
  it('is the module the registry gives for the kind, and exports the entry’s headers', () => {
    expect(kindModule('api-key')).toBe(apiKey);
    const e = entry({ extraHeaders: [{ name: 'Stripe-Version', value: '2024-06-20' }] });
    expect(apiKey.extraHeaders(e)).toEqual([{ name: 'Stripe-Version', value: '2024-06-20' }]);
    expect(apiKey.deadlineAt(entry({ expiresAt: 5 }))).toBe(5);
    expect(apiKey.deadlineAt(entry())).toBeNull();
    expect(apiKey.fields(entry({ basicUser: 'acct', template: 'Basic {basic}' }))).toEqual({
      user: 'acct',
    });
  });
});

describe('keyPreview', () => {
  it.each([
    ['sk_live_51HxYzAbCdEfGhIjKlMn', 'sk_live_…KlMn'],
    ['ghp_0123456789abcdefghijklmnopqrstuvwxyz', 'ghp_…wxyz'],
    ['xoxb-1234-5678-abcdefgh', 'xoxb-…efgh'],
    ['0123456789abcdef0123', '…0123'],
    ['short', '…'],
  ])('%s -> %s', (key, preview) => {
    expect(keyPreview(key)).toBe(preview);
  });

  it('never shows more than a short prefix of random characters', () => {
    expect(keyPreview('abcdefgh_ijklmnop')).toBe('…mnop');
  });
});

describe('verifyUrl', () => {
  it.each([
    ['https://api.stripe.com/v1/balance', 'https://api.stripe.com/v1/balance'],
    ['  https://api.github.com/user#frag ', 'https://api.github.com/user'],
    ['http://127.0.0.1:8080/me', 'http://127.0.0.1:8080/me'],
    ['http://127.5.6.7/me', 'http://127.5.6.7/me'],
    ['http://localhost:3000/me', 'http://localhost:3000/me'],
    ['http://[::1]:3000/me', 'http://[::1]:3000/me'],
    ['', undefined],
  ])('%j is allowed as %j', (input, out) => {
    expect(verifyUrl(input)).toBe(out);
  });

  it.each([
    'http://api.example.com/me',
    'http://127.0.0.1.example.com/me',
    'ftp://example.com/',
    'file:///etc/passwd',
    'https://user:pw@example.com/',
    'not a url',
  ])('%j is refused, naming the field', (input) => {
    expect(() => verifyUrl(input)).toThrow(expect.objectContaining({ field: 'verifyUrl' }));
  });
});

describe('defaults and header lines', () => {
  it('picks Bearer for Authorization, the bare key for another header, Basic with a user', () => {
    expect(defaultTemplate('Authorization', undefined)).toBe('Bearer {token}');
    expect(defaultTemplate('authorization', undefined)).toBe('Bearer {token}');
    expect(defaultTemplate('X-Api-Key', undefined)).toBe('{token}');
    expect(defaultTemplate('Authorization', 'acct')).toBe('Basic {basic}');
  });

  it('splits "Name: value" at the first colon', () => {
    expect(parseHeaderLine('Notion-Version: 2022-06-28')).toEqual({
      name: 'Notion-Version',
      value: '2022-06-28',
    });
    expect(parseHeaderLine('X-Time:12:30')).toEqual({ name: 'X-Time', value: '12:30' });
    expect(() => parseHeaderLine(': value')).toThrow('": value" is not "Name: value".');
  });
});
