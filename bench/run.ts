// Runs every bench/*.bench.ts (each default-exports an async function returning
// [name, value, unit] rows) and prints `name value unit`, one figure per line.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Row = [name: string, value: number, unit: string];

const here = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();

let failed = false;
for (const file of files) {
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as {
      default: () => Promise<Row[]>;
    };
    for (const [name, value, unit] of await mod.default()) {
      const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
      console.log(`${name} ${shown} ${unit}`);
    }
  } catch (error) {
    failed = true;
    console.error(
      `${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
if (failed) process.exitCode = 1;
