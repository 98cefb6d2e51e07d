// security.md 4: the page's permission requests.
import { describe, expect, it } from 'vitest';
import { decidePermission } from '../../../../main/core/app/permission.policy';

describe('permission requests (security.md 4)', () => {
  it.each([
    'notifications',
    'media',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'midi',
    'openExternal',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'unknown',
  ])('%s -> denied, even from the app page', (permission) => {
    expect(decidePermission(permission, 'app://tokenvault/index.html')).toBe(false);
  });
});
