// Live checks for the "Create your vault" form. Main has the last word (it rejects a weak
// password with 'weak-password'); these checks only tell the user early what is missing.
import type { PasswordRules } from '../../../preload/api';

export interface PasswordCheck {
  id: 'length' | 'match';
  ok: boolean;
}

export interface PasswordCheckResult {
  checks: PasswordCheck[];
  valid: boolean;
}

/** Counts characters as the user sees them (an emoji is one), not UTF-16 code units. */
export function visibleLength(text: string): number {
  return Array.from(text).length;
}

export function checkNewPassword(
  rules: PasswordRules,
  password: string,
  confirm: string,
): PasswordCheckResult {
  const checks: PasswordCheck[] = [
    { id: 'length', ok: visibleLength(password) >= rules.minLength },
    { id: 'match', ok: password.length > 0 && password === confirm },
  ];
  return { checks, valid: checks.every((check) => check.ok) };
}
