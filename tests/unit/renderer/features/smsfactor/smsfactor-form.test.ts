// The mint and add forms' own checks: what the user sees beside a field before anything is
// sent, and where main's field errors land.
import { describe, expect, it } from 'vitest';
import {
  checkAdd,
  checkIpRows,
  checkMint,
  ipsFromText,
  isAllowedIp,
  placeMainError,
  ttlSecondsOf,
  type MintForm,
} from '../../../../../renderer/features/smsfactor/smsfactor-form';

const base: MintForm = {
  name: 'webhooks',
  ttl: '7d',
  customSeconds: '',
  ipRows: [''],
  target: 'account',
  subAccountId: '',
  label: '',
};

describe('isAllowedIp', () => {
  it.each([
    ['203.0.113.7', true],
    ['10.0.0.0/8', true],
    ['0.0.0.0/0', true],
    ['2001:db8::1', true],
    ['2001:DB8::/32', true],
    ['::ffff:192.0.2.1', true],
    [' 198.51.100.2 ', true],
    ['203.0.113.300', false],
    ['10.0.0.0/33', false],
    ['2001:db8::/129', false],
    ['10.1', false],
    ['0x7f.0.0.1', false],
    ['fe80::1%eth0', false],
    ['10.0.0.0/', false],
    ['/24', false],
    ['example.com', false],
    ['', false],
  ])('%s -> %s', (value, ok) => {
    expect(isAllowedIp(value)).toBe(ok);
  });
});

describe('checkIpRows', () => {
  it('names the bad value beside its own row and ignores empty rows', () => {
    const errors = checkIpRows(['203.0.113.0/24', '', 'nope', '2001:db8::1']);
    expect(errors[0]).toBeUndefined();
    expect(errors[1]).toBeUndefined();
    expect(errors[2]).toContain('“nope” is not an IPv4 or IPv6 address');
    expect(errors[3]).toBeUndefined();
  });

  it('flags a repeated address on its second row', () => {
    expect(checkIpRows(['10.0.0.1', '10.0.0.1'])).toEqual([
      undefined,
      '“10.0.0.1” is already in the list.',
    ]);
  });
});

describe('ttlSecondsOf', () => {
  it.each([
    [{ ttl: '1h', customSeconds: '' }, 3600],
    [{ ttl: '1y', customSeconds: '' }, 365 * 86400],
    [{ ttl: 'unlimited', customSeconds: '' }, null],
    [{ ttl: 'custom', customSeconds: ' 5000 ' }, 5000],
  ] as const)('%j -> %s seconds', (form, seconds) => {
    expect(ttlSecondsOf(form)).toEqual({ seconds });
  });

  it.each(['', '0', '-5', '1.5', '1e3', 'soon', String(11 * 365 * 86400)])(
    'refuses custom %j',
    (customSeconds) => {
      expect(ttlSecondsOf({ ttl: 'custom', customSeconds }).error).toBeTruthy();
    },
  );
});

describe('checkMint', () => {
  it('builds the request from valid rows, remembering which row each sent IP came from', () => {
    const check = checkMint({ ...base, ipRows: ['', '203.0.113.0/24', ' 2001:db8::1 '] });
    expect(check.request).toEqual({
      name: 'webhooks',
      ttlSeconds: 7 * 86400,
      allowedIps: ['203.0.113.0/24', '2001:db8::1'],
    });
    expect(check.sentRows).toEqual([1, 2]);
  });

  it('sends nothing while one IP is wrong', () => {
    const check = checkMint({ ...base, ipRows: ['203.0.113.0/24', '203.0.113.300'] });
    expect(check.request).toBeUndefined();
    expect(check.ipErrors[1]).toContain('203.0.113.300');
  });

  it.each([
    [{ name: '  ' }, 'name', 'Give the token a name.'],
    [{ name: 'x'.repeat(101) }, 'name', 'At most 100 characters (this one has 101).'],
    [{ ttl: 'custom' as const, customSeconds: 'abc' }, 'ttlSeconds', '(got “abc”)'],
    [{ target: 'sub' as const, subAccountId: '12a' }, 'subAccountId', '(got “12a”)'],
    [
      { target: 'sub' as const, subAccountId: '' },
      'subAccountId',
      'Pick a sub-account or type its id.',
    ],
  ])('%j -> error on %s', (patch, field, text) => {
    const check = checkMint({ ...base, ...patch });
    expect(check.request).toBeUndefined();
    expect(check.errors[field]).toContain(text);
  });

  it('mints for a sub-account without sending the (hidden) IP rows', () => {
    const check = checkMint({
      ...base,
      target: 'sub',
      subAccountId: ' 2001 ',
      ipRows: ['not checked: the editor is hidden'],
      label: 'shop token',
    });
    expect(check.request).toEqual({
      name: 'webhooks',
      label: 'shop token',
      ttlSeconds: 7 * 86400,
      allowedIps: [],
      subAccountId: '2001',
    });
  });
});

describe('checkAdd', () => {
  it.each([
    [{ label: '', token: 'sf_abcdefgh' }, 'label'],
    [{ label: 'main', token: '' }, 'token'],
    [{ label: 'main', token: 'sf_abc defgh' }, 'token'],
  ])('%j -> error on %s', (input, field) => {
    expect(checkAdd(input)[field]).toBeTruthy();
  });

  it('accepts a label and a token', () => {
    expect(checkAdd({ label: 'main', token: ' sf_abcdefgh ' })).toEqual({});
  });
});

describe('placeMainError', () => {
  it.each([
    [
      { code: 'invalid-input', message: 'm', field: 'allowedIps.1' },
      [0, 2],
      { kind: 'ip', row: 2 },
    ],
    [
      { code: 'invalid-input', message: 'm', field: 'allowedIps.5' },
      [0],
      { kind: 'field', field: 'allowedIps' },
    ],
    [
      { code: 'invalid-input', message: 'm', field: 'allowedIps' },
      [],
      { kind: 'field', field: 'allowedIps' },
    ],
    [{ code: 'invalid-input', message: 'm', field: 'name' }, [], { kind: 'field', field: 'name' }],
    [{ code: 'duplicate-label', message: 'm' }, [], { kind: 'field', field: 'label' }],
    [{ code: 'invalid-input', message: 'm', field: 'parentId' }, [], { kind: 'form' }],
    [{ code: 'network-error', message: 'm' }, [], { kind: 'form' }],
  ] as const)('%j -> %j', (error, rows, place) => {
    expect(placeMainError(error, rows)).toEqual(place);
  });
});

describe('ipsFromText', () => {
  it('keeps one address per non-empty line', () => {
    expect(ipsFromText('10.0.0.1\r\n\n  2001:db8::1  \n')).toEqual(['10.0.0.1', '2001:db8::1']);
  });
});
