// How the `tokenvault` command is bundled, shared by scripts/build.mjs and the CLI test
// harness so the suites run what users run. ESM with code splitting: out/cli/tokenvault.mjs
// holds the argument table and help; each command, and each heavy library (conf, zod,
// node-forge, the provider clients), is a chunk under out/cli/chunks/ loaded only by the
// command that imports it. A single file would make Node parse all of it (2.3 MB) first.

// Bundled CommonJS dependencies (node-forge) call require(); an ESM chunk has none unless it
// makes one.
export const ESM_REQUIRE_SHIM = [
  "import { createRequire as __tvCreateRequire } from 'node:module';",
  'const require = __tvCreateRequire(import.meta.url);',
].join('\n');

/**
 * @param {string} root the project folder
 * @param {string} outdir where tokenvault.mjs and chunks/ go
 * @returns {import('esbuild').BuildOptions}
 */
export function cliBuildOptions(root, outdir) {
  return {
    absWorkingDir: root,
    entryPoints: { tokenvault: 'main/cli/index.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // Less to read and parse at every start; messages are our own strings, never stacks.
    minify: true,
    legalComments: 'none',
    sourcemap: false,
    logLevel: 'warning',
    // node-postgres loads its optional native binding only when asked for it; never here.
    external: ['pg-native'],
    banner: { js: `#!/usr/bin/env node\n${ESM_REQUIRE_SHIM}` },
  };
}
