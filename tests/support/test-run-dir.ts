// Vitest global setup: one temporary folder for the whole run, removed at its end. Test
// helpers that build something per test file (the CLI bundle, cli-harness.ts) put it in
// there, so a run leaves nothing behind in the system's temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUN_DIR_VARIABLE = 'TOKENVAULT_TEST_RUN_DIR';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'tokenvault-test-run-'));
  // Set before the test workers start, so each of them inherits it.
  process.env[RUN_DIR_VARIABLE] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
