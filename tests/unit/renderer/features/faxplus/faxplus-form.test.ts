import { describe, expect, it } from 'vitest';
import {
  checkConnect,
  checkPat,
  clientIdError,
  errorField,
  expiryFromDate,
  formatCountdown,
  hasErrors,
  toggleScope,
} from '../../../../../renderer/features/faxplus/faxplus-form';

const now = new Date(2026, 10, 22, 12, 0, 0).getTime();

describe('Fax.Plus dialog checks', () => {
  it.each([
    ['', undefined],
    ['APIKdemo0client', undefined],
    ['  APIK_x.y-z  ', undefined],
    ['apikdemo', 'faxplus.error.clientId'],
    ['XYZ123', 'faxplus.error.clientId'],
    ['APIK', 'faxplus.error.clientId'],
    ['APIK with space', 'faxplus.error.clientId'],
  ])('client id %j -> %j', (value, expected) => {
    expect(clientIdError(value)).toBe(expected);
  });

  it.each([
    [{ label: 'billing', clientId: 'APIKabc', clientSecret: 's3cret' }, {}],
    [
      { label: ' ', clientId: '', clientSecret: '' },
      {
        label: 'faxplus.error.label',
        clientId: 'faxplus.error.clientId',
        clientSecret: 'faxplus.error.clientSecret',
      },
    ],
    [
      { label: 'x', clientId: 'APIKabc', clientSecret: 'two words' },
      { clientSecret: 'faxplus.error.spaces' },
    ],
  ])('connect form %j', (input, expected) => {
    expect(checkConnect(input)).toEqual(expected);
  });

  it.each([
    [{ label: 'reports', pat: 'alohi_pat_x', expiry: '' }, {}],
    [{ label: 'reports', pat: 'alohi_pat_x', expiry: '2026-12-31' }, {}],
    // Today still counts: the token works until the end of the chosen day.
    [{ label: 'reports', pat: 'alohi_pat_x', expiry: '2026-11-22' }, {}],
    [
      { label: 'reports', pat: 'alohi_pat_x', expiry: '2026-11-21' },
      { expiry: 'faxplus.error.pastDate' },
    ],
    [
      { label: '', pat: '', expiry: 'garbage' },
      { label: 'faxplus.error.label', pat: 'faxplus.error.pat', expiry: 'faxplus.error.pastDate' },
    ],
  ])('PAT form %j', (input, expected) => {
    expect(checkPat(input, now)).toEqual(expected);
  });

  it('reads a date as the end of that local day', () => {
    const at = expiryFromDate('2026-12-31');
    expect(at).toBeDefined();
    const date = new Date(at ?? 0);
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([
      2026, 11, 31, 23,
    ]);
    expect(expiryFromDate('31/12/2026')).toBeUndefined();
  });

  it('keeps scopes in the catalog order without duplicates', () => {
    let scopes = toggleScope([], 'fax:user:edit', true);
    scopes = toggleScope(scopes, 'fax:all:read', true);
    scopes = toggleScope(scopes, 'fax:all:read', true);
    expect(scopes).toEqual(['fax:all:read', 'fax:user:edit']);
    expect(toggleScope(scopes, 'fax:all:read', false)).toEqual(['fax:user:edit']);
  });

  it.each([
    [{ code: 'duplicate-label' as const, message: 'taken' }, 'label'],
    [{ code: 'invalid-input' as const, message: 'bad', field: 'clientId' }, 'clientId'],
    [{ code: 'invalid-input' as const, message: 'bad', field: 'elsewhere' }, undefined],
    [{ code: 'network-error' as const, message: 'down' }, undefined],
  ])('puts main error %j beside %j', (error, field) => {
    expect(errorField(error, ['label', 'clientId', 'clientSecret'])).toBe(field);
  });

  it.each([
    [600_000, '10:00'],
    [599_001, '10:00'],
    [599_000, '9:59'],
    [61_000, '1:01'],
    [500, '0:01'],
    [-5_000, '0:00'],
  ])('countdown %j ms -> %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });

  it('hasErrors ignores cleared fields', () => {
    expect(hasErrors({ label: undefined })).toBe(false);
    expect(hasErrors({ label: 'faxplus.error.label' })).toBe(true);
  });
});
