import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, resolveVaultDir } from '../../../main/cli/cli-paths';

const base = { homedir: '/home/ada', cwd: '/work', env: {} as Record<string, string | undefined> };

describe('the vault folder matches Electron userData for "Token Vault"', () => {
  it.each([
    ['linux', {}, '/home/ada/.config/Token Vault'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/Token Vault'],
    ['freebsd', {}, '/home/ada/.config/Token Vault'],
    ['darwin', {}, '/home/ada/Library/Application Support/Token Vault'],
    [
      'win32',
      { APPDATA: 'C:\\Users\\Ada\\AppData\\Roaming' },
      'C:\\Users\\Ada\\AppData\\Roaming\\Token Vault',
    ],
  ] as const)('%s %j', (platform, env, expected) => {
    expect(defaultUserDataDir({ ...base, platform, env })).toBe(expected);
  });
});

describe('resolveVaultDir', () => {
  it.each([
    ['--vault wins', 'flag-dir', { TOKENVAULT_HOME: '/th' }, '/work/flag-dir'],
    ['then TOKENVAULT_HOME', undefined, { TOKENVAULT_HOME: '/th' }, '/th'],
    ['relative TOKENVAULT_HOME from cwd', undefined, { TOKENVAULT_HOME: 'v' }, '/work/v'],
    ['else the app folder', undefined, {}, '/home/ada/.config/Token Vault'],
  ] as const)('%s', (_name, flag, env, expected) => {
    expect(resolveVaultDir(flag, { ...base, platform: 'linux', env })).toBe(expected);
  });
});
