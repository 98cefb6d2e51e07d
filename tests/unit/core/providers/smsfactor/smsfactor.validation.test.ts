// security.md 32 and the mint form rules: bad input is refused before any request, with the
// field and the bad value named; good input comes out normalised.
import { describe, expect, it } from 'vitest';
import { SmsfactorValidationError } from '../../../../../main/core/providers/smsfactor/smsfactor.errors';
import {
  normaliseAllowedIp,
  TTL_PRESETS,
  validateAccountId,
  validateAllowedIps,
  validateMintInput,
  validateName,
  validateTtl,
} from '../../../../../main/core/providers/smsfactor/smsfactor.validation';

function failure(fn: () => unknown): SmsfactorValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SmsfactorValidationError) return err;
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('allowed IPs', () => {
  it.each([
    '300.1.1.1',
    '1.2.3.4/33',
    '::g',
    '',
    '   ',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4',
    '0x7f.0.0.1',
    '127.1',
    '1.2.3.4/',
    '1.2.3.4/-1',
    '1.2.3.4/8/8',
    '/24',
    '2001:db8::/129',
    '2001:db8:::1',
    'fe80::1%eth0',
    'localhost',
    '1.2.3.4 5.6.7.8',
    '<script>',
  ])('refuses %j, naming the field and the value', (bad) => {
    const err = failure(() => normaliseAllowedIp(bad));
    expect(err.code).toBe('invalid-input');
    expect(err.field).toBe('allowedIps');
    expect(err.message).toContain(`"${bad}"`);
  });

  it.each([
    ['1.2.3.4', '1.2.3.4'],
    [' 10.0.0.1 ', '10.0.0.1'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['192.168.1.77/24', '192.168.1.0/24'],
    ['1.2.3.4/32', '1.2.3.4'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0001:0000:0000:0001', '2001:db8::1:0:0:1'],
    ['::1', '::1'],
    ['2001:db8:abcd:12::1/48', '2001:db8:abcd::/48'],
    ['2001:db8::1/128', '2001:db8::1'],
    ['::FFFF:1.2.3.4', '::ffff:1.2.3.4'],
    ['::ffff:0102:0304', '::ffff:1.2.3.4'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseAllowedIp(input)).toBe(expected);
  });

  it('de-duplicates after normalising, keeping the first order', () => {
    expect(
      validateAllowedIps([
        '10.9.9.9/8',
        '2001:DB8::1',
        '10.0.0.0/8',
        '2001:db8:0::1',
        '1.1.1.1/32',
        '1.1.1.1',
      ]),
    ).toEqual(['10.0.0.0/8', '2001:db8::1', '1.1.1.1']);
  });

  it('refuses a list with one bad entry among good ones', () => {
    expect(failure(() => validateAllowedIps(['10.0.0.0/8', '300.1.1.1'])).message).toContain(
      '"300.1.1.1"',
    );
  });
});

describe('TTL', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3600', 11 * 365 * 24 * 3600])(
    'refuses %j',
    (bad) => {
      const err = failure(() => validateTtl(bad));
      expect(err.field).toBe('ttlSeconds');
    },
  );

  it('accepts every preset, a custom value and unlimited', () => {
    expect(TTL_PRESETS.map((p) => validateTtl(p.seconds))).toEqual([
      3600,
      86400,
      604800,
      2592000,
      7776000,
      31536000,
      null,
    ]);
    expect(validateTtl(90)).toBe(90);
    expect(validateTtl(undefined)).toBeNull();
  });
});

describe('name and account id', () => {
  it.each([
    ['', 'name'],
    ['   ', 'name'],
    ['x'.repeat(101), 'name'],
  ])('refuses name %j', (bad, field) => {
    expect(failure(() => validateName(bad)).field).toBe(field);
  });

  it('keeps names of 1 and 100 characters (counted as characters, not bytes)', () => {
    expect(validateName(' a ')).toBe('a');
    expect(validateName('é'.repeat(100))).toHaveLength(100);
  });

  it.each(['12a', '', '-1', '1 2', '../1', '1.5'])('refuses account id %j', (bad) => {
    const err = failure(() => validateAccountId(bad));
    expect(err.field).toBe('subAccountId');
    expect(err.message).toContain(`"${bad}"`);
  });

  it('accepts digits as text or number', () => {
    expect(validateAccountId('2001')).toBe('2001');
    expect(validateAccountId(2001)).toBe('2001');
  });
});

describe('the whole mint form', () => {
  it('returns normalised values', () => {
    expect(
      validateMintInput({ name: ' CI ', ttlSeconds: 3600, allowedIps: ['10.1.1.1/8', '::1'] }),
    ).toEqual({
      name: 'CI',
      ttlSeconds: 3600,
      allowedIps: ['10.0.0.0/8', '::1'],
    });
  });

  it('refuses allowed IPs for a sub-account token (the API takes none)', () => {
    expect(
      failure(() => validateMintInput({ name: 'x', subAccountId: '2001', allowedIps: ['::1'] }))
        .field,
    ).toBe('allowedIps');
  });
});
