// security.md 5: which links may leave the app for the system browser.
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../../main/core/app/external-url.policy';

describe('isAllowedExternalUrl (security.md 5)', () => {
  it.each([
    'https://accounts.fax.plus/authorize?response_type=code&client_id=APIK1',
    'https://restapi.fax.plus/v3/accounts/self',
    'https://www.fax.plus/',
    'https://apidoc.fax.plus/',
    'https://www.smsfactor.com/',
    'https://dev.smsfactor.com/en/api/sms/token',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['file:///etc/passwd', 'file scheme'],
    ['smb://attacker/share', 'smb scheme'],
    ['javascript:alert(1)', 'javascript scheme'],
    ['app://tokenvault/index.html', "the app's own scheme"],
    ['dev.tokenvault:/oauth/faxplus?code=x', 'the deep-link scheme'],
    ['http://www.fax.plus/', 'plain http'],
    ['https://user@evil.example/', 'user-info, foreign host'],
    ['https://accounts.fax.plus@evil.example/', 'allowed host as user-info'],
    ['https://user:pw@accounts.fax.plus/', 'user-info on an allowed host'],
    ['https://evil.example/', 'host not on the list'],
    ['https://accounts.fax.plus.evil.example/', 'suffix trick'],
    ['https://fax.plus/', 'apex not on the list'],
    ['https://accounts.fax.plus:8443/', 'non-default port'],
    [' https://www.fax.plus/', 'leading space'],
    ['https://www.fax.plus/\n', 'trailing newline'],
    ['https:\\\\evil.example', 'backslashes'],
    ['', 'empty'],
    ['not a url', 'garbage'],
    [`https://www.fax.plus/${'a'.repeat(9000)}`, 'huge'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl({ href: 'https://www.fax.plus/' })).toBe(false);
  });

  it('opens a configured sandbox origin, and only an https or loopback one', () => {
    const sandbox = ['http://127.0.0.1:47001', 'http://evil.example', 'ftp://127.0.0.1'];
    expect(isAllowedExternalUrl('http://127.0.0.1:47001/authorize?x=1', sandbox)).toBe(true);
    expect(isAllowedExternalUrl('http://127.0.0.1:47002/authorize', sandbox)).toBe(false);
    expect(isAllowedExternalUrl('http://evil.example/', sandbox)).toBe(false);
    expect(isAllowedExternalUrl('ftp://127.0.0.1/', sandbox)).toBe(false);
  });
});
