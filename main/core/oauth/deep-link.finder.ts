// Finds the deep link in a process argv (security.md 15). On Windows and Linux the OS hands
// the URL to a new instance as an argument, and Chromium/Electron insert their own flags
// around it (`--allow-file-access-from-files`, `--original-process-start-time=…`), so its
// position is meaningless: it is picked by its scheme prefix, never by index.
import { APP_SCHEME } from './redirect.parser';

export function findDeepLink(
  argv: readonly unknown[],
  scheme: string = APP_SCHEME,
): string | undefined {
  const prefix = scheme.toLowerCase();
  for (const arg of argv) {
    if (typeof arg !== 'string') continue;
    // Some launchers quote the argument; the quotes are not part of the URL.
    const value =
      arg.length > 1 && arg.startsWith('"') && arg.endsWith('"') ? arg.slice(1, -1) : arg;
    if (value.slice(0, prefix.length).toLowerCase() === prefix) return value;
  }
  return undefined;
}
