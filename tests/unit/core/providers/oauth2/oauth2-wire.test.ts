// What real token endpoints send, evened out before oauth4webapi reads it (providers.md):
// GitHub's form-encoded answers and its errors with HTTP 200, Slack's `"ok": false`, and
// Slack's bot token answer without a token_type.
import { describe, expect, it } from 'vitest';
import { isLoopbackHttp } from '../../../../../main/core/providers/http';
import { normaliseTokenAnswer } from '../../../../../main/core/providers/oauth2/oauth2.wire';
import { deadlinesFrom } from '../../../../../main/core/providers/oauth2/oauth2-session';

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

describe('normaliseTokenAnswer', () => {
  it('a form-encoded success becomes JSON with numbers', () => {
    expect(
      normaliseTokenAnswer(
        200,
        FORM,
        'access_token=gho_x&expires_in=28800&refresh_token=ghr_y&refresh_token_expires_in=15897600&token_type=bearer',
      ),
    ).toEqual({
      status: 200,
      json: {
        access_token: 'gho_x',
        expires_in: 28800,
        refresh_token: 'ghr_y',
        refresh_token_expires_in: 15897600,
        token_type: 'bearer',
      },
    });
  });

  it('an error sent with HTTP 200 (GitHub) becomes the 400 error answer', () => {
    expect(
      normaliseTokenAnswer(
        200,
        FORM,
        'error=bad_verification_code&error_description=The+code+is+incorrect',
      ),
    ).toEqual({
      status: 400,
      json: { error: 'bad_verification_code', error_description: 'The code is incorrect' },
    });
    expect(normaliseTokenAnswer(200, JSON_TYPE, '{"error":"invalid_grant"}').status).toBe(400);
  });

  it('Slack: "ok": false is an error; a bot token without token_type is a bearer token', () => {
    expect(normaliseTokenAnswer(200, JSON_TYPE, '{"ok":false,"error":"invalid_code"}')).toEqual({
      status: 400,
      json: { error: 'invalid_code', ok: false },
    });
    expect(
      normaliseTokenAnswer(
        200,
        JSON_TYPE,
        '{"ok":true,"access_token":"xoxb-1","scope":"chat:write"}',
      ),
    ).toEqual({
      status: 200,
      json: { ok: true, access_token: 'xoxb-1', scope: 'chat:write', token_type: 'bearer' },
    });
  });

  it('leaves anything else to oauth4webapi (an HTML error page stays unparsed)', () => {
    expect(normaliseTokenAnswer(502, 'text/html', '<html>Bad gateway</html>')).toEqual({
      status: 502,
    });
  });
});

describe('deadlinesFrom', () => {
  const now = 1_000_000;
  it('takes refresh_token_expires_in first, then typed days; without a refresh token, the access end', () => {
    expect(
      deadlinesFrom(
        { accessToken: 'a', expiresIn: 60, refreshToken: 'r', refreshExpiresIn: 600 },
        now,
        7,
      ),
    ).toEqual({
      accessExpiresAt: now + 60e3,
      refreshExpiresAt: now + 600e3,
    });
    expect(deadlinesFrom({ accessToken: 'a', refreshToken: 'r' }, now, 7)).toEqual({
      refreshExpiresAt: now + 7 * 24 * 3600e3,
    });
    expect(deadlinesFrom({ accessToken: 'a', expiresIn: 60 }, now, undefined)).toEqual({
      accessExpiresAt: now + 60e3,
      refreshExpiresAt: now + 60e3,
    });
    expect(deadlinesFrom({ accessToken: 'a' }, now, undefined)).toEqual({ refreshExpiresAt: null });
  });

  it('a refresh without a new lifetime keeps the deadline it had', () => {
    expect(deadlinesFrom({ accessToken: 'a', expiresIn: 60 }, now, undefined, 5_000_000)).toEqual({
      accessExpiresAt: now + 60e3,
      refreshExpiresAt: 5_000_000,
    });
  });
});

describe('isLoopbackHttp', () => {
  it.each([
    ['http://127.0.0.1:8080/token', true],
    ['http://localhost/token', true],
    ['http://[::1]:9/token', true],
    ['https://127.0.0.1/token', false],
    ['http://127.0.0.1.nip.io/token', false],
    ['http://example.com/token', false],
  ])('%s -> %s', (url, expected) => {
    expect(isLoopbackHttp(url)).toBe(expected);
  });
});
