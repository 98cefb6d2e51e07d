// Where the vault lives: the same folder as the desktop app, i.e. what Electron's
// app.getPath('userData') returns for productName "Token Vault" (appData + product name):
//   Linux   $XDG_CONFIG_HOME/Token Vault, else ~/.config/Token Vault
//   macOS   ~/Library/Application Support/Token Vault
//   Windows %APPDATA%\Token Vault
// `--vault DIR` wins over TOKENVAULT_HOME, which wins over that default.
import { homedir } from 'node:os';
import { join, resolve, win32 } from 'node:path';

export const PRODUCT_NAME = 'Token Vault';

export interface PathInputs {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homedir: string;
  cwd: string;
}

export function defaultUserDataDir(p: PathInputs): string {
  switch (p.platform) {
    case 'darwin':
      return join(p.homedir, 'Library', 'Application Support', PRODUCT_NAME);
    case 'win32':
      return win32.join(
        p.env['APPDATA'] || win32.join(p.homedir, 'AppData', 'Roaming'),
        PRODUCT_NAME,
      );
    default:
      return join(p.env['XDG_CONFIG_HOME'] || join(p.homedir, '.config'), PRODUCT_NAME);
  }
}

export function resolveVaultDir(flag: string | undefined, p: PathInputs): string {
  if (flag) return resolve(p.cwd, flag);
  const home = p.env['TOKENVAULT_HOME'];
  if (home) return resolve(p.cwd, home);
  return defaultUserDataDir(p);
}

/** resolveVaultDir for this process (its platform, home and working folder) and `env`. */
export function processVaultDir(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): string {
  return resolveVaultDir(flag, {
    platform: process.platform,
    env,
    homedir: homedir(),
    cwd: process.cwd(),
  });
}
