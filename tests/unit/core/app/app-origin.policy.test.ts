// security.md 3 and 7: what counts as the app's own page, for navigation and IPC senders.
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appOrigins,
  isAllowedNavigation,
  isTrustedSenderFrame,
} from '../../../../main/core/app/app-origin.policy';

describe('navigation (security.md 3)', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://tokenvault/', true],
    ['app://tokenvault/assets/index-abc.js', true],
    ['app://evil/index.html', false],
    ['app://user@tokenvault/index.html', false],
    ['https://accounts.fax.plus/authorize', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['dev.tokenvault:/oauth/faxplus?code=x', false],
    ['about:blank', false],
    ['data:text/html,<script>1</script>', false],
    ['not a url', false],
    ['', false],
  ])('%s -> allowed %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });

  it('trusts the Vite dev server only when the shell adds it', () => {
    const dev = appOrigins('http://127.0.0.1:5173/');
    expect(isAllowedNavigation('http://127.0.0.1:5173/index.html', dev)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:5174/index.html', dev)).toBe(false);
    expect(appOrigins()).toEqual(['app://tokenvault']);
    expect(appOrigins('javascript:alert(1)')).toEqual(['app://tokenvault']);
  });
});

describe('IPC sender frame (security.md 7)', () => {
  it.each([
    [{ url: APP_ENTRY_URL, isMainFrame: true }, true],
    [{ url: APP_ENTRY_URL, isMainFrame: false }, false],
    [{ url: 'https://www.fax.plus/', isMainFrame: true }, false],
    [{ url: 'app://tokenvault.evil/index.html', isMainFrame: true }, false],
    [{ url: 'file:///app/out/renderer/index.html', isMainFrame: true }, false],
    [{ url: undefined, isMainFrame: true }, false],
    [null, false],
    [undefined, false],
  ])('%o -> trusted %s', (frame, trusted) => {
    expect(isTrustedSenderFrame(frame)).toBe(trusted);
  });
});
