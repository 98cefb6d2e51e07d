// How the `tokenvault` command is bundled, shared by scripts/build.mjs and the CLI test
// harness so the suites run what users run. Three outputs in out/cli:
// - tokenvault.cjs, the package's bin (main/cli/bin.ts): one small CommonJS file that prints
//   the general help itself and otherwise imports tokenvault.mjs. CommonJS because Node's ESM
//   loader costs about 10 ms to start, half of `--help`'s budget above Node's own start.
// - tokenvault.mjs, the program (main/cli/index.ts), ESM with code splitting: it holds the
//   argument table; each command, and each heavy library (conf, zod, node-forge, the provider
//   clients), is a chunk under out/cli/chunks/ loaded only by the command that imports it. A
//   single file would make Node parse all of it (2.3 MB) first.
// - kept.cjs (main/cli/kept.ts): what a session kept (`list`'s table, completion's labels)
//   and completion, printed by the bin without loading the program (CommonJS, one file, for
//   the same reason).
// All three carry the same build id (main/cli/kept-values.ts), a hash of the sources.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The TypeScript files under `dir`, sorted, as paths relative to `root`.
 * @param {string} root
 * @param {string} dir
 * @returns {string[]}
 */
function sourcesUnder(root, dir) {
  const found = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourcesUnder(root, path));
    else if (entry.name.endsWith('.ts')) found.push(path);
  }
  return found.sort();
}

/**
 * A hash of every source the command line is bundled from (main/, preload/, package.json):
 * any change to the code gives another id. `--watch` computes it once, when it starts.
 * @param {string} root
 */
export function cliBuildId(root) {
  const hash = createHash('sha256');
  for (const file of [...sourcesUnder(root, 'main'), ...sourcesUnder(root, 'preload')]) {
    hash.update(`${file}\0`).update(readFileSync(join(root, file)));
  }
  hash.update(readFileSync(join(root, 'package.json')));
  return hash.digest('base64url').slice(0, 22);
}

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

/** @type {Map<string, string>} one id per project folder and process */
const buildIds = new Map();
/** @param {string} root */
function buildIdOf(root) {
  let id = buildIds.get(root);
  if (id === undefined) buildIds.set(root, (id = cliBuildId(root)));
  return id;
}

/**
 * What all outputs share.
 * @param {string} root
 * @param {string} outdir
 */
const common = (root, outdir) => ({
  absWorkingDir: root,
  define: { __TOKENVAULT_BUILD__: JSON.stringify(buildIdOf(root)) },
  outdir,
  bundle: true,
  platform: /** @type {const} */ ('node'),
  target: 'node20',
  // Less to read and parse at every start; messages are our own strings, never stacks.
  minify: true,
  legalComments: /** @type {const} */ ('none'),
  sourcemap: false,
  logLevel: /** @type {const} */ ('warning'),
});

/**
 * @param {string} root the project folder
 * @param {string} outdir where tokenvault.mjs and chunks/ go
 * @returns {import('esbuild').BuildOptions}
 */
export function cliBuildOptions(root, outdir) {
  return {
    ...common(root, outdir),
    entryPoints: { tokenvault: 'main/cli/index.ts' },
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // node-postgres loads its optional native binding only when asked for it; never here.
    external: ['pg-native'],
    banner: { js: `#!/usr/bin/env node\n${ESM_REQUIRE_SHIM}\n${V8_FLAGS_PRELUDE}` },
  };
}

/**
 * For the CommonJS outputs, which hold the command table (for the help, for completion) but
 * never run a command: each command's loader resolves to a stub that says so, instead of
 * pulling every command in.
 * @type {import('esbuild').Plugin}
 */
const COMMANDS_STAY_IN_THE_PROGRAM = {
  name: 'commands-stay-in-the-program',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\// }, (args) => ({
      path: args.path,
      namespace: 'not-in-bin',
    }));
    build.onLoad({ filter: /.*/, namespace: 'not-in-bin' }, () => ({
      contents:
        "export const run = () => { throw new Error('Commands run in tokenvault.mjs, not in the bin.'); };",
      loader: 'js',
    }));
  },
};

/**
 * One CommonJS file (no splitting) that holds the command table but runs no command.
 * @param {string} root
 * @param {string} outdir
 * @param {Record<string, string>} entryPoints
 * @returns {import('esbuild').BuildOptions}
 */
const commonJsOutput = (root, outdir, entryPoints) => ({
  ...common(root, outdir),
  entryPoints,
  outExtension: { '.js': '.cjs' },
  format: /** @type {const} */ ('cjs'),
  plugins: [COMMANDS_STAY_IN_THE_PROGRAM],
});

/**
 * The bin (bin.ts): CommonJS, no splitting. It holds the command table for the help, but
 * never runs a command (those go through tokenvault.mjs), so the table's loaders are not
 * bundled: each resolves to a stub that says so, instead of pulling every command in.
 * @param {string} root the project folder
 * @param {string} outdir where tokenvault.cjs goes (beside tokenvault.mjs)
 * @returns {import('esbuild').BuildOptions}
 */
export function cliBinBuildOptions(root, outdir) {
  return {
    ...commonJsOutput(root, outdir, { tokenvault: 'main/cli/bin.ts' }),
    banner: { js: '#!/usr/bin/env node' },
  };
}

/**
 * What a session kept, and completion (kept.ts): CommonJS, one file, loaded by the bin at
 * run time. It reads the command table for completion, but runs no command either.
 * @param {string} root the project folder
 * @param {string} outdir beside tokenvault.cjs
 * @returns {import('esbuild').BuildOptions}
 */
export function cliKeptBuildOptions(root, outdir) {
  return commonJsOutput(root, outdir, { kept: 'main/cli/kept.ts' });
}

/**
 * Builds the three outputs into `outdir` (the test harness; scripts/build.mjs builds them as
 * three of its targets, so that --watch covers them, and marks the first two executable).
 * @param {typeof import('esbuild')} esbuild
 * @param {string} root
 * @param {string} outdir
 */
export async function buildCli(esbuild, root, outdir) {
  await Promise.all([
    esbuild.build(cliBuildOptions(root, outdir)),
    esbuild.build(cliBinBuildOptions(root, outdir)),
    esbuild.build(cliKeptBuildOptions(root, outdir)),
  ]);
}
