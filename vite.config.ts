// Vite builds the renderer only (main, preload and the CLI are bundled by scripts/build.mjs).
// The output is served by the app:// scheme under a CSP without 'unsafe-inline' for scripts,
// so nothing here may emit an inline <script>.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY, parseCsp } from './main/core/app/csp.policy.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

const cspPlaceholder = '__TOKENVAULT_CSP__';

/**
 * Fills index.html's CSP meta from main's policy, the one the app:// handler sends as a
 * header, so the two cannot drift. `frame-ancestors` is dropped from the meta only: browsers
 * ignore it there (and warn); the header keeps it.
 *
 * The dev server (npm run dev) injects inline scripts (React Refresh preamble, HMR client),
 * adds CSS as <style> elements and talks over a websocket, all of which the strict policy
 * blocks; in `serve` mode only, the meta is relaxed for those. Built output stays strict.
 */
function cspMeta(): Plugin {
  let serving = false;
  return {
    name: 'tokenvault:csp-meta',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(cspPlaceholder)) {
          throw new Error(`renderer/index.html lacks the ${cspPlaceholder} placeholder`);
        }
        let policy = [...parseCsp(CONTENT_SECURITY_POLICY)]
          .filter(([name]) => name !== 'frame-ancestors')
          .map(([name, sources]) => [name, ...sources].join(' '))
          .join('; ');
        if (serving) {
          policy = policy
            .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
            // Vite serves CSS imports as JS-injected <style> elements in dev.
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
            .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*");
        }
        return html.replace(cspPlaceholder, policy);
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: `${repoRoot}out/renderer`,
    emptyOutDir: true,
    // Chromium supports <link rel="modulepreload"> natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
    // No data: URLs for assets: keep every asset a file served under 'self'.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'chrome140',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
