import { describe, expect, it } from 'vitest';
import { parseRedirectUrl, parseRedirectQuery } from '../../../../main/core/oauth/redirect.parser';
import { malformedRedirects, VALID_URL } from './redirect-fuzz.cases';

const STATE = 'Q2hlY2tpbmctc3RhdGUtdmFsdWUtb2YtNDMtY2hhcnM';

describe('parseRedirectUrl', () => {
  it.each([
    [VALID_URL, { via: 'scheme', params: { code: 'abc123', state: STATE } }],
    [
      `DEV.TokenVault:/oauth/faxplus?state=${STATE}&code=a.b-c_d~e%2Bf`,
      { via: 'scheme', params: { code: 'a.b-c_d~e+f', state: STATE } },
    ],
    [
      `dev.tokenvault:/oauth/faxplus?error=access_denied&error_description=The+user+said+no&state=${STATE}`,
      {
        via: 'scheme',
        params: { error: 'access_denied', errorDescription: 'The user said no', state: STATE },
      },
    ],
    [`dev.tokenvault:/oauth/faxplus?code=xyz`, { via: 'scheme', params: { code: 'xyz' } }],
    [
      `http://127.0.0.1:53682/oauth/faxplus?code=abc&state=${STATE}&scope=all`,
      { via: 'loopback', port: 53682, params: { code: 'abc', state: STATE } },
    ],
  ])('accepts %s', (url, expected) => {
    expect(parseRedirectUrl(url)).toEqual({ ok: true, ...expected });
  });

  it.each([
    ['not a string', 42],
    ['too long', `${VALID_URL}&scope=${'a'.repeat(4096)}`],
    ['wrong path', `dev.tokenvault://oauth/faxplus?code=a&state=${STATE}`],
    ['wrong scheme or host', `javascript:alert(1)//?code=a`],
    ['fragment not allowed', `${VALID_URL}#x`],
    ['duplicate parameter', `${VALID_URL}&code=b`],
    ['unexpected parameter', `${VALID_URL}&redirect_uri=x`],
    ['bad percent-encoding', `dev.tokenvault:/oauth/faxplus?code=%E0%A4%A&state=${STATE}`],
    ['needs exactly one of code or error', `dev.tokenvault:/oauth/faxplus?code=a&error=x`],
    ['no parameters', 'dev.tokenvault:/oauth/faxplus'],
    ['unexpected characters', `dev.tokenvault:/oauth/faxplus?code=a b`],
  ])('rejects (%s)', (reason, url) => {
    expect(parseRedirectUrl(url)).toEqual({ ok: false, reason });
  });

  it('rejects 3,000 seeded malformed or hostile URLs without throwing', () => {
    const urls = malformedRedirects(3000);
    expect(new Set(urls).size).toBeGreaterThan(500);
    for (const url of urls) {
      const result = parseRedirectUrl(url);
      if (result.ok) throw new Error(`accepted: ${JSON.stringify(url)}`);
    }
  });

  it('reads the loopback query with the same rules', () => {
    expect(parseRedirectQuery(`code=a&state=${STATE}`)).toEqual({
      ok: true,
      params: { code: 'a', state: STATE },
    });
    expect(parseRedirectQuery('code=a&code=a')).toMatchObject({ ok: false });
  });
});
