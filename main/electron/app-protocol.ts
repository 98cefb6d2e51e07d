// The privileged app:// scheme that serves the built renderer (security.md 6). Registering
// the scheme must happen before 'ready'; the handler is installed after it.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from '../core/app/app-origin.policy';
import { serveAppRequest } from '../core/app/app-protocol.resolver';

/** Call at module load, before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: treated like https (no mixed content);
      // no bypassCSP, no CORS, no service workers.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Call after 'ready'. `rootDir` is the Vite output folder (out/renderer). */
export function handleAppScheme(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const res = await serveAppRequest(
      rootDir,
      { url: request.url, method: request.method },
      (path) => readFile(path),
    );
    return new Response(res.body ? Buffer.from(res.body) : null, {
      status: res.status,
      headers: res.headers,
    });
  });
}
