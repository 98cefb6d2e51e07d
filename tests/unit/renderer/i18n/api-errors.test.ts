// What the user reads when main reports a problem: a title in their language for every
// ErrorCode, main's English sentence kept beside it when it says more (a provider's own words),
// and in English main's sentence itself, as before.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, EntryStatus, ErrorCode } from '../../../../preload/api';
import {
  describeError,
  describeKeychainReason,
  describeProblem,
  describeRecoveryNotice,
  errorCodes,
  errorText,
} from '../../../../renderer/i18n/api-errors';
import { en } from '../../../../renderer/i18n/en';
import { languages, setLanguage, type Language } from '../../../../renderer/i18n/i18n';

const allCodes: ErrorCode[] = [
  'invalid-input',
  'wrong-password',
  'weak-password',
  'vault-missing',
  'vault-exists',
  'locked',
  'not-found',
  'duplicate-label',
  'storage-error',
  'network-error',
  'timeout',
  'provider-error',
  'auth-error',
  'needs-reauth',
  'cancelled',
  'forbidden',
  'unsupported',
  'internal',
];

const han = /\p{Script=Han}/u;
const providerSentence = 'SMSFactor refused the token: Token invalide.';

afterEach(() => setLanguage('en'));

describe('describeError', () => {
  it('knows every ErrorCode of the contract', () => {
    expect([...errorCodes].sort()).toEqual([...allCodes].sort());
  });

  describe.each<Language>(languages)('in %s', (language) => {
    it.each(allCodes)('gives %s a title of its own', (code) => {
      setLanguage(language);
      const { title } = describeError({ code, message: '' });
      expect(title.trim()).not.toBe('');
      if (language === 'zh-CN') expect(title).toMatch(han);
      if (language !== 'en') {
        setLanguage('en');
        expect(describeError({ code, message: '' }).title).not.toBe(title);
      }
    });
  });

  it.each<[ApiError, string]>([
    [{ code: 'auth-error', message: providerSentence }, providerSentence],
    [
      { code: 'duplicate-label', message: 'A Fax.Plus entry named "ops" already exists.' },
      'A Fax.Plus entry named "ops" already exists.',
    ],
    [
      { code: 'weak-password', message: 'Avoid a simple run of letters or digits.' },
      'Avoid a simple run of letters or digits.',
    ],
    // Main's bare "Wrong password." says less than the UI's sentence, which asks to retry.
    [{ code: 'wrong-password', message: 'Wrong password.' }, 'Wrong password. Try again.'],
    [{ code: 'network-error', message: '' }, en['error.network-error']],
  ])('in English shows %j as %j, with no detail', (error, shown) => {
    setLanguage('en');
    expect(describeError(error)).toEqual({ title: shown });
    expect(errorText(error)).toBe(shown);
  });

  it.each<[Language, string]>([
    ['it', 'Il servizio ha rifiutato queste credenziali.'],
    ['zh-CN', '服务商拒绝了这些凭据。'],
  ])(
    'in %s translates the title and keeps the provider’s words as the detail',
    (language, title) => {
      setLanguage(language);
      const error: ApiError = { code: 'auth-error', message: providerSentence };
      expect(describeError(error)).toEqual({ title, detail: providerSentence });
      expect(errorText(error)).toContain(title);
      expect(errorText(error)).toContain('Token invalide');
    },
  );

  it.each<[Language, ApiError, string]>([
    ['it', { code: 'wrong-password', message: 'Wrong password.' }, 'Password errata. Riprova.'],
    ['zh-CN', { code: 'wrong-password', message: 'Wrong password.' }, '密码错误，请重试。'],
    [
      'it',
      { code: 'locked', message: 'Unlock the vault first.' },
      'La cassaforte è bloccata. Sbloccala prima di continuare.',
    ],
    ['zh-CN', { code: 'not-found', message: 'That entry no longer exists.' }, '该条目已不存在。'],
  ])('in %s drops a detail that says no more than the title (%j)', (language, error, title) => {
    setLanguage(language);
    expect(describeError(error)).toEqual({ title });
  });

  it('points at the field, in the user’s language, for a field error', () => {
    setLanguage('it');
    const error: ApiError = {
      code: 'invalid-input',
      field: 'label',
      message: 'label: use at most 100 characters.',
    };
    expect(describeError(error)).toEqual({
      title: 'Controlla questo campo.',
      detail: 'label: use at most 100 characters.',
    });
    setLanguage('en');
    expect(errorText(error)).toBe('label: use at most 100 characters.');
  });
});

describe('describeProblem (an entry’s lastError)', () => {
  const refused = 'Fax.Plus refused the refresh token; connect the app again.';

  it.each<[EntryStatus, string]>([
    ['needs-reauth', '请重新授权以继续使用此令牌。'],
    ['error', '上次检查失败。'],
  ])('in Chinese says what %s means, main’s words as the detail', (status, title) => {
    setLanguage('zh-CN');
    expect(describeProblem(status, refused)).toEqual({ title, detail: refused });
  });

  it('in Italian asks to re-authorize', () => {
    setLanguage('it');
    expect(describeProblem('needs-reauth', refused).title).toBe(
      'Autorizza di nuovo per continuare a usare questo token.',
    );
  });

  it('in English keeps main’s sentence', () => {
    expect(describeProblem('needs-reauth', refused)).toEqual({ title: refused });
  });
});

describe('notices from main', () => {
  it('translates the recovery notice and keeps main’s sentence', () => {
    const notice = 'The vault file was damaged; restored the backup from 2026-11-20.';
    setLanguage('it');
    expect(describeRecoveryNotice(notice)).toEqual({
      title:
        'Il file della cassaforte era danneggiato: è stato ripristinato l’ultimo backup valido.',
      detail: notice,
    });
    setLanguage('en');
    expect(describeRecoveryNotice(notice)).toEqual({ title: notice });
  });

  it('explains a missing keychain even when main gives no reason', () => {
    setLanguage('zh-CN');
    expect(describeKeychainReason('')).toEqual({ title: '此电脑不支持使用系统钥匙串解锁。' });
    setLanguage('en');
    expect(describeKeychainReason('')).toEqual({ title: en['keychain.unavailable'] });
  });
});
