// The minimum-strength rule for the master password, in a form the UI can show and explain.
import type { PasswordRules } from '../../../preload/api';
import { VaultError } from './vault.types';

export const MIN_PASSWORD_LENGTH = 12;

// A tiny list of passwords people reach for first; long enough ones still fail here.
const COMMON = new Set([
  'password1234',
  'passwordpassword',
  'qwertyuiopasdf',
  'qwertyuiop123',
  '123456789012',
  'letmeinletmein',
  'iloveyou1234',
  'administrator',
  'welcome12345',
  'changeme1234',
  'tokenvault123',
]);

export function passwordRules(): PasswordRules {
  return {
    minLength: MIN_PASSWORD_LENGTH,
    description:
      `At least ${MIN_PASSWORD_LENGTH} characters, not one repeated character or a simple ` +
      'run like "abcdef..." or "123456...", and not a well-known password.',
  };
}

/** True when every step between neighbours is the same +1 or -1 (abc, 987; digits wrap: 890123). */
function isSequence(text: string): boolean {
  if (text.length < 3) return false;
  const digits = /^\d+$/.test(text);
  const step = (i: number) => {
    const diff = text.charCodeAt(i) - text.charCodeAt(i - 1);
    return digits ? (diff + 10) % 10 : diff;
  };
  const first = step(1);
  if (digits ? first !== 1 && first !== 9 : Math.abs(first) !== 1) return false;
  for (let i = 2; i < text.length; i++) {
    if (step(i) !== first) return false;
  }
  return true;
}

/** A short unit repeated to fill the whole password (aaaa, abab, 123123). */
function isRepeatedUnit(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue;
    const unit = text.slice(0, size);
    if (unit.repeat(text.length / size) === text) return size <= 4 || isSequence(unit);
  }
  return false;
}

/** Returns a sentence telling the user what is wrong, or undefined when the password passes. */
export function checkPassword(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  const folded = password.toLowerCase();
  if (isRepeatedUnit(folded)) return 'Do not repeat the same few characters over and over.';
  if (isSequence(folded)) return 'Do not use a simple run of letters or digits.';
  if (COMMON.has(folded)) return 'This is a well-known password; choose another.';
  return undefined;
}

/** checkPassword as a guard: throws 'weak-password' with the reason the UI shows. */
export function assertStrongPassword(password: string): void {
  const problem = checkPassword(password);
  if (problem) throw new VaultError('weak-password', problem);
}
