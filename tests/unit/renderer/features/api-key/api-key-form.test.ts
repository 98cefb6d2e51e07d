// The API-key dialog's inline checks, its request and its masked header preview.
import { describe, expect, it } from 'vitest';
import {
  checkApiKeyForm,
  EMPTY_FORM,
  parseExtra,
  previewLines,
  toRequest,
  type ApiKeyForm,
} from '../../../../../renderer/features/api-key/api-key-form';

const NOW = new Date(2026, 11, 6, 12).getTime();
const KEY = 'sk_live_0123456789abcdefWXYZ';
const form = (extra: Partial<ApiKeyForm> = {}): ApiKeyForm => ({
  ...EMPTY_FORM,
  label: 'Stripe',
  secret: KEY,
  ...extra,
});

describe('the request each header style sends', () => {
  it.each([
    ['bearer', {}, { headerName: 'Authorization', template: 'Bearer {token}' }],
    ['token', {}, { headerName: 'Authorization', template: 'token {token}' }],
    ['x-api-key', {}, { headerName: 'X-Api-Key', template: '{token}' }],
    [
      'basic',
      { basicUser: ' acct ' },
      { headerName: 'Authorization', template: 'Basic {basic}', basicUser: 'acct' },
    ],
    [
      'custom',
      { headerName: ' X-Auth ', template: ' Key {token} ' },
      { headerName: 'X-Auth', template: 'Key {token}' },
    ],
  ] as const)('%s', (style, extra, header) => {
    const request = toRequest(form({ style, ...extra }));
    expect(request).toEqual({
      label: 'Stripe',
      secret: KEY,
      ...header,
      extraHeaders: [],
      expiresAt: null,
    });
  });

  it('carries extra headers, the end of the expiry day and the verification URL', () => {
    const request = toRequest(
      form({
        extra: 'Stripe-Version: 2024-06-20\n\n  Idempotency: on ',
        expiry: '2027-01-31',
        verifyUrl: ' https://api.stripe.com/v1/balance ',
      }),
    );
    expect(request.extraHeaders).toEqual([
      { name: 'Stripe-Version', value: '2024-06-20' },
      { name: 'Idempotency', value: 'on' },
    ]);
    expect(request.expiresAt).toBe(new Date(2027, 0, 31, 23, 59, 59, 999).getTime());
    expect(request.verifyUrl).toBe('https://api.stripe.com/v1/balance');
  });
});

describe('inline checks', () => {
  it('a complete form has none', () => {
    expect(checkApiKeyForm(form(), NOW)).toEqual({});
  });

  it('names each field at fault', () => {
    expect(
      checkApiKeyForm(
        {
          ...EMPTY_FORM,
          secret: 'two words',
          style: 'custom',
          headerName: 'Bad Name',
          template: 'Bearer',
          extra: 'ok: 1\nno colon',
          expiry: '2020-01-01',
          verifyUrl: 'api.example.com',
        },
        NOW,
      ),
    ).toEqual({
      label: { key: 'apikey.error.label' },
      secret: { key: 'apikey.error.spaces' },
      headerName: { key: 'apikey.error.headerName' },
      template: { key: 'apikey.error.template' },
      extraHeaders: { key: 'apikey.error.extra', params: { line: 2 } },
      expiresAt: { key: 'apikey.error.pastDate' },
      verifyUrl: { key: 'apikey.error.url' },
    });
    expect(checkApiKeyForm(form({ style: 'basic', basicUser: 'a:b' }), NOW)).toEqual({
      basicUser: { key: 'apikey.error.basicUser' },
    });
    expect(checkApiKeyForm(form({ secret: ' ' }), NOW)).toEqual({
      secret: { key: 'apikey.error.secret' },
    });
  });

  it('parses header lines, reporting the first bad one', () => {
    expect(parseExtra('A: 1\nB:2')).toEqual({
      lines: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
    });
    expect(parseExtra('A: 1\nB:')).toEqual({ badLine: 2 });
  });
});

describe('the header preview', () => {
  it('masks the key but its last 4 characters', () => {
    expect(previewLines(form({ extra: 'Stripe-Version: 2024-06-20' }))).toEqual([
      'Authorization: Bearer ••••••••WXYZ',
      'Stripe-Version: 2024-06-20',
    ]);
    expect(previewLines(form({ style: 'basic', basicUser: 'acct' }))).toEqual([
      'Authorization: Basic base64(acct:••••••••WXYZ)',
    ]);
    expect(previewLines(form({ secret: 'short' }))).toEqual(['Authorization: Bearer ••••••••']);
    expect(previewLines(form()).join('\n')).not.toContain(KEY);
  });
});
