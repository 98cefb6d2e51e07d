// security.md 2: the page's Content-Security-Policy.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseCsp } from '../../../../main/core/app/csp.policy';

describe('content security policy (security.md 2)', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it("defaults every fetch to the app's own origin", () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it.each(["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*'])(
    'never allows %s for scripts',
    (source) => {
      expect(csp.get('script-src')).not.toContain(source);
      expect(csp.get('default-src')).not.toContain(source);
    },
  );

  it('names no remote origin anywhere', () => {
    for (const [, sources] of csp) {
      for (const source of sources) {
        expect(source).toMatch(/^('self'|'none'|data:)$/);
      }
    }
  });

  it('allows data: only for images', () => {
    for (const [name, sources] of csp) {
      if (name !== 'img-src') expect(sources).not.toContain('data:');
    }
  });

  it('forbids plugins, framing and base-URL tricks', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });
});
