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

// A command lives a few hundred milliseconds, too short for V8's optimizing compiler to pay
// back: its background compile jobs took the second core from the KDF's thread (PBKDF2 ran
// ~150 ms instead of ~115 next to `headers`' read of a 10,000-entry vault), and the code they
// made ran too briefly to matter. So the bundle stops at Sparkplug, V8's baseline compiler:
// `headers` and `list` both finished ~30 ms sooner (npm run bench -- cli). The flag exists
// since V8 11 (Node 20); older engines are left alone rather than warned at.
export const V8_FLAGS_PRELUDE = [
  "import { setFlagsFromString as __tvSetV8Flags } from 'node:v8';",
  "if (Number(process.versions.v8.split('.')[0]) >= 11) __tvSetV8Flags('--max-opt=1');",
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
    banner: { js: `#!/usr/bin/env node\n${ESM_REQUIRE_SHIM}\n${V8_FLAGS_PRELUDE}` },
  };
}
