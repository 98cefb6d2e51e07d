import { describe, expect, it } from 'vitest';
import { findDeepLink } from '../../../../main/core/oauth/deep-link.finder';

const URL_ = 'dev.tokenvault:/oauth/faxplus?code=abc&state=xyz';

describe('findDeepLink (security.md 15)', () => {
  it.each<[string, unknown[], string | undefined]>([
    ['cold start on Linux', ['/opt/Token Vault/tokenvault', URL_], URL_],
    [
      'second instance with Chromium flags around it',
      [
        '/opt/Token Vault/tokenvault',
        '--allow-file-access-from-files',
        '--original-process-start-time=13345',
        URL_,
        '--enable-features=UseOzonePlatform',
      ],
      URL_,
    ],
    ['Windows with the flag terminator', ['C:\\TV\\tokenvault.exe', '--', URL_], URL_],
    ['quoted by a launcher', ['tv.exe', `"${URL_}"`], URL_],
    [
      'upper-case scheme',
      ['tv', URL_.replace('dev.tokenvault', 'DEV.TOKENVAULT')],
      URL_.replace('dev.tokenvault', 'DEV.TOKENVAULT'),
    ],
    ['flag that merely contains the URL', ['tv', `--foo=${URL_}`], undefined],
    ['another scheme', ['tv', 'https://accounts.fax.plus/login'], undefined],
    ['nothing', ['tv', '.'], undefined],
    ['non-strings', [undefined, 3, null], undefined],
  ])('%s', (_name, argv, expected) => {
    expect(findDeepLink(argv)).toBe(expected);
  });
});
