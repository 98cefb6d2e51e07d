// `npm run dev`: the Vite dev server for the renderer (hot reload), esbuild in watch mode for
// main and preload, and Electron started on the bundle, restarted when main or the preload is
// rebuilt. Electron gets VITE_DEV_SERVER_URL; main trusts that origin only when unpackaged.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

async function startVite() {
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: join(root, 'vite.config.ts') });
  await server.listen();
  server.printUrls();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('dev: the Vite server has no local URL');
  return { server, url };
}

function startBundler() {
  // The build script in watch mode (main, preload, CLI, e2e api); the renderer is Vite's.
  return spawn(process.execPath, [join(root, 'scripts/build.mjs'), '--watch', '--skip-renderer'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** The `electron` package's cli.js resolves and starts the downloaded binary. */
function electronCli() {
  return require.resolve('electron/cli.js');
}

function startElectron(devUrl) {
  return spawn(process.execPath, [electronCli(), root], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_DEV_SERVER_URL: devUrl },
  });
}

/** One full build of main and preload first, so Electron never starts on a missing bundle. */
function buildOnce() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/build.mjs'), '--skip-renderer'], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('dev: build failed'))));
  });
}

async function main() {
  await buildOnce();
  const bundler = startBundler();
  const { server, url } = await startVite();
  let electron = startElectron(url);
  let restarting = false;

  // Restart Electron when main or the preload bundle changes (debounced: esbuild writes once
  // per rebuild, but editors can trigger several).
  let timer;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      restarting = true;
      electron.once('exit', () => {
        restarting = false;
        electron = startElectron(url);
        electron.on('exit', onElectronExit);
      });
      electron.kill();
    }, 300);
  };
  for (const dir of ['out/main', 'out/preload']) {
    watch(join(root, dir), restart);
  }

  const shutdown = async (code = 0) => {
    bundler.kill();
    await server.close();
    process.exit(code);
  };
  const onElectronExit = (code) => {
    if (!restarting) void shutdown(code ?? 0);
  };
  electron.on('exit', onElectronExit);
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
