// security.md 5: main/electron/browser.ts is the only caller of shell.openExternal. An
// arbitrary URL there could start a local program, so only allow-listed https pages may pass.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronBrowser } from '../../../main/electron/browser';
import { resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => {
  resetFakeElectron();
});

describe('createElectronBrowser (security.md 5)', () => {
  it.each([
    'https://accounts.fax.plus/login?client_id=APIKabc&state=s1',
    'https://www.fax.plus/',
    'https://dev.smsfactor.com/en/api/sms/token',
    'https://www.smsfactor.com/',
  ])('opens %s in the system browser', async (url) => {
    await createElectronBrowser().openExternal(url);
    expect(shell.openExternal.mock.calls).toEqual([[url]]);
  });

  it.each([
    ['file:///etc/passwd', 'local file'],
    ['smb://attacker.example/share/run.exe', 'network share'],
    ['javascript:alert(1)', 'script URL'],
    ['app://tokenvault/index.html', "the app's own scheme"],
    ['dev.tokenvault:/oauth/faxplus?code=x&state=y', 'the deep-link scheme'],
    ['https://user@evil.example/', 'user-info, foreign host'],
    ['https://www.fax.plus@evil.example/', 'allowed host as user-info'],
    ['https://www.fax.plus.evil.example/', 'suffix trick'],
    ['https://evil.example/', 'host off the list'],
    ['http://www.fax.plus/', 'plain http'],
    ['http://127.0.0.1:8080/', 'loopback not configured'],
    ['https://www.fax.plus:8443/', 'port'],
    [' https://www.fax.plus/', 'leading space'],
    ['', 'empty'],
  ])('refuses %s (%s): forbidden, shell.openExternal not called', async (url) => {
    await expect(createElectronBrowser().openExternal(url)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens a configured sandbox origin, and only that one', async () => {
    const browser = createElectronBrowser(['http://127.0.0.1:4010']);
    await browser.openExternal('http://127.0.0.1:4010/oauth/authorize?x=1');
    await expect(browser.openExternal('http://127.0.0.1:4011/')).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(shell.openExternal.mock.calls).toEqual([['http://127.0.0.1:4010/oauth/authorize?x=1']]);
  });

  it('ignores an extra origin that is neither https nor loopback', async () => {
    const browser = createElectronBrowser(['http://evil.example', 'file://']);
    await expect(browser.openExternal('http://evil.example/')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(browser.openExternal('file:///etc/passwd')).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
