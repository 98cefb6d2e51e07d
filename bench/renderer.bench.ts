// Renderer figures, measured in Debian's Chromium through Playwright on the built renderer
// (out/renderer, built first when missing or older than renderer/), wired to main's real
// core like the e2e suite (tests/e2e/harness):
//   renderer_js_gzip_kb      gzip -9 size of the built JS
//   first_render_10k_ms      10,000 entries arrive in the list view -> list painted (median)
//   filter_keystroke_10k_ms  one keystroke in search -> filtered list painted (median)
//   page_heap_10k_mb         JS heap after GC with the 10,000-entry list shown
//   unlock_to_list_10k_ms    (context) Unlock click -> list painted, including moving 10,000
//                            entries through the harness's page binding, which is far slower
//                            than Electron's IPC; not a target.
// "Painted" is the first task after the next animation frame (renderer/features/tokens/
// paint-mark.ts): that frame's style, layout and paint are done.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config';
import { startAppCore } from '../tests/e2e/harness/app-core';
import { FakeIpcMain } from '../tests/e2e/harness/fake-ipc-main';
import { installBridge, readApiBundle } from '../tests/e2e/harness/page-bridge';
import { startStaticServer } from '../tests/e2e/harness/static-server';
import { seedBulk } from '../tests/e2e/support/bulk-seed';

type Row = [name: string, value: number, unit: string];

const root = join(import.meta.dirname, '..');
const COUNT = 10_000;
const PASSWORD = 'bench master password 42';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

function ensureBuilt(): void {
  const html = join(root, 'out/renderer/index.html');
  const fresh =
    existsSync(html) &&
    existsSync(join(root, 'out/e2e/api.js')) &&
    statSync(html).mtimeMs >= newestMtime(join(root, 'renderer'));
  if (!fresh)
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'ignore' });
}

function gzipKb(): number {
  const dir = join(root, 'out/renderer/assets');
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.js')) bytes += gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

const median = (values: number[]): number => {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const round = (value: number) => Math.round(value * 10) / 10;

/** Unlocks through the UI; returns [data -> painted, click -> painted] in ms. */
async function unlockAndMeasure(page: Page): Promise<[number, number]> {
  await page.evaluate(() => performance.clearMarks());
  await page.getByLabel('Master password').fill(PASSWORD);
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator(`[role="listbox"][data-count="${COUNT}"]`).waitFor({ timeout: 60_000 });
  const marks = await page.waitForFunction(() => {
    const data = performance.getEntriesByName('tv:list-data').at(-1);
    const painted = performance.getEntriesByName('tv:list-painted').at(-1);
    return data && painted && painted.startTime > data.startTime
      ? [data.startTime, painted.startTime]
      : undefined;
  });
  const [data, painted] = (await marks.jsonValue()) as [number, number];
  return [painted - data, painted - clicked];
}

/** Types `query` into search at the start of a frame; ms until that frame is painted. */
function keystroke(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (value) =>
      new Promise<number>((resolve, reject) => {
        const input = document.getElementById('token-search') as HTMLInputElement | null;
        const list = () => document.querySelector<HTMLElement>('[role="listbox"]');
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        if (!input || !setter) return reject(new Error('no search box'));
        requestAnimationFrame(() => {
          const start = performance.now();
          setter.call(input, value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const channel = new MessageChannel();
          const check = () => {
            // Still the old list (work deferred past this frame): measure until it is there.
            if (list()?.dataset['query'] !== value) {
              requestAnimationFrame(() => channel.port2.postMessage(null));
              return;
            }
            channel.port1.close();
            resolve(performance.now() - start);
          };
          channel.port1.onmessage = check;
          channel.port2.postMessage(null);
        });
      }),
    query,
  );
}

export default async function rendererBench(): Promise<Row[]> {
  ensureBuilt();
  const rows: Row[] = [['renderer_js_gzip_kb', gzipKb(), 'KB']];

  const dataDir = mkdtempSync(join(tmpdir(), 'tokenvault-bench-'));
  const server = await startStaticServer(join(root, 'out/renderer'));
  const ipc = new FakeIpcMain();
  const core = await startAppCore({ dataDir, ipc, trustedOrigins: [server.origin] });
  const browser = await chromium.launch({
    ...config.use?.launchOptions,
    headless: true,
  });
  try {
    await core.vault.create(PASSWORD);
    await seedBulk(dataDir, PASSWORD, COUNT);
    core.vault.reload();
    core.vault.lock();

    const page = await browser.newPage({ viewport: config.use?.viewport ?? null });
    // tsx compiles this file with esbuild's keepNames, which wraps named inner functions of
    // page.evaluate callbacks in a __name() helper the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const bridge = await installBridge(page, ipc, readApiBundle(root));
    core.onEvent((event, payload) => void bridge.emit(event, payload));
    await page.goto(`${server.origin}/index.html`);

    const renders: number[] = [];
    const unlocks: number[] = [];
    for (let run = 0; run < 5; run++) {
      if (run > 0) {
        await page.getByRole('button', { name: 'Lock' }).click();
        await page.getByRole('button', { name: 'Unlock' }).waitFor();
      }
      const [render, unlock] = await unlockAndMeasure(page);
      renders.push(render);
      unlocks.push(unlock);
    }

    const queries = ['7', '70', '700', '7001', '700', '70', '7', '', 'b', 'bu', 'team1', ''];
    // One warm-up round (JIT, first layout of each row shape), then three measured ones.
    for (const query of queries) await keystroke(page, query);
    const strokes: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const query of queries) strokes.push(await keystroke(page, query));
    }
    if (process.env['BENCH_VERBOSE']) console.error('keystrokes', queries, strokes.map(round));

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    rows.push(
      ['first_render_10k_ms', round(median(renders)), 'ms'],
      ['filter_keystroke_10k_ms', round(median(strokes)), 'ms'],
      ['page_heap_10k_mb', round(heap.usedSize / 1024 / 1024), 'MB'],
      ['unlock_to_list_10k_ms', round(median(unlocks)), 'ms'],
    );
  } finally {
    await browser.close();
    await core.stop();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
