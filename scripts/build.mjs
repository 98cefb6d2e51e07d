// Builds everything the app and the tests run from, into out/:
//   out/main/index.mjs       Electron main (ESM: electron-store 12 is ESM-only), one file
//   out/preload/index.cjs    the sandboxed preload: ONE CommonJS file (it cannot load modules)
//   out/cli/tokenvault.cjs   the `tokenvault` bin, with a node shebang (help; imports the next)
//   out/cli/tokenvault.mjs   the command line itself (+ out/cli/chunks/)
//   out/cli/kept.cjs         what a session kept, and completion, printed by the bin
//   out/renderer/            the React renderer, by Vite (vite.config.ts)
//   out/tray/                the tray icons (assets/tray/, drawn by scripts/make-tray-icons.mjs)
//   out/e2e/api.js           preload/api.ts's createApi as a browser IIFE for the e2e harness
// Usage: node scripts/build.mjs [--watch] [--skip-renderer]
import { chmod, cp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import {
  ESM_REQUIRE_SHIM as esmRequireShim,
  cliBinBuildOptions,
  cliBuildOptions,
  cliKeptBuildOptions,
} from './cli-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
const watch = process.argv.includes('--watch');
const skipRenderer = process.argv.includes('--skip-renderer');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

/** @type {Array<{ name: string, options: import('esbuild').BuildOptions }>} */
const targets = [
  {
    name: 'main',
    options: {
      ...common,
      entryPoints: ['main/index.ts'],
      outfile: 'out/main/index.mjs',
      format: 'esm',
      external: ['electron'],
      banner: { js: esmRequireShim },
    },
  },
  {
    name: 'preload',
    options: {
      ...common,
      entryPoints: ['preload/index.ts'],
      outfile: 'out/preload/index.cjs',
      format: 'cjs',
      // The sandboxed preload runs in a renderer: Chromium features, `require('electron')` only.
      platform: 'browser',
      target: 'chrome140',
      external: ['electron'],
    },
  },
  {
    name: 'e2e-api',
    options: {
      ...common,
      entryPoints: ['preload/api.ts'],
      outfile: 'out/e2e/api.js',
      format: 'iife',
      platform: 'browser',
      target: 'chrome140',
      // tests/e2e/harness/page-bridge.ts reads `TokenVaultPreloadApi.createApi`.
      globalName: 'TokenVaultPreloadApi',
    },
  },
];

if (existsSync(join(root, 'main/cli/index.ts'))) {
  targets.push({
    name: 'cli',
    // Code splitting (scripts/cli-bundle.mjs): each command loads only what it imports.
    options: cliBuildOptions(root, 'out/cli'),
  });
  // The bin beside it (tokenvault.cjs): prints the help, imports tokenvault.mjs for the rest.
  targets.push({ name: 'cli-bin', options: cliBinBuildOptions(root, 'out/cli') });
  // What a session kept, and completion, printed by the bin without the program (kept.ts).
  targets.push({ name: 'cli-kept', options: cliKeptBuildOptions(root, 'out/cli') });
} else {
  console.log('build: main/cli/index.ts not found, skipping the CLI');
}

async function buildRenderer() {
  if (skipRenderer) return;
  if (!existsSync(join(root, 'vite.config.ts'))) {
    console.log('build: vite.config.ts not found, skipping the renderer');
    return;
  }
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
}

async function main() {
  if (!watch) {
    for (const dir of ['main', 'preload', 'cli', 'e2e', 'tray']) {
      await rm(join(out, dir), { recursive: true, force: true });
    }
  }
  await mkdir(out, { recursive: true });
  // Loaded by main/electron/tray.ts from beside out/main; `files: out/**` packages them.
  await cp(join(root, 'assets/tray'), join(out, 'tray'), { recursive: true });

  if (watch) {
    const contexts = await Promise.all(targets.map((t) => esbuild.context(t.options)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log(`build: watching ${targets.map((t) => t.name).join(', ')}`);
    return;
  }

  await Promise.all(targets.map((t) => esbuild.build(t.options)));
  for (const file of ['cli/tokenvault.cjs', 'cli/tokenvault.mjs']) {
    if (existsSync(join(out, file))) await chmod(join(out, file), 0o755);
  }
  await buildRenderer();
  console.log(
    `build: done (${targets.map((t) => t.name).join(', ')}${skipRenderer ? '' : ', renderer'})`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
