import { describe, expect, it } from 'vitest';
import {
  checkNewPassword,
  visibleLength,
} from '../../../../../renderer/features/unlock/password-check';

const rules = { minLength: 12, description: 'At least 12 characters.' };

describe('checkNewPassword', () => {
  it.each([
    ['', '', false, false],
    ['short', 'short', false, true],
    ['correct horse battery', '', true, false],
    ['correct horse battery', 'correct horse batterY', true, false],
    ['correct horse battery', 'correct horse battery', true, true],
    ['exactly12chr', 'exactly12chr', true, true],
    ['eleven11chr', 'eleven11chr', false, true],
  ])('%j / %j -> length %s, match %s', (password, confirm, lengthOk, matchOk) => {
    const result = checkNewPassword(rules, password, confirm);
    expect(result.checks).toEqual([
      { id: 'length', ok: lengthOk },
      { id: 'match', ok: matchOk },
    ]);
    expect(result.valid).toBe(lengthOk && matchOk);
  });

  it('counts an emoji as one character, never more than main would', () => {
    expect(visibleLength('🔑🔑🔑')).toBe(3);
    const elevenKeys = '🔑'.repeat(11);
    expect(checkNewPassword(rules, elevenKeys, elevenKeys).valid).toBe(false);
  });
});
