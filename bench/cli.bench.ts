// cli_headers_10k_ms (issue 6 item 6): whole-process wall time of `tokenvault headers <label>`
// for a valid token in a 10,000-entry vault with the real KDF (600,000 iterations). Runs the
// built bundle out/cli/tokenvault.mjs when present (what users run), else the sources via tsx.
import { unwrapDek } from '../main/core/vault/vault-keys';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Clock, Scheduler } from '../main/core/ports';
import { VaultCrypto, nodeRandom, secretAad } from '../main/core/vault/crypto';
import { createSafeStore } from '../main/core/vault/safe-store';
import {
  FORMAT_VERSION,
  serializeVaultDocument,
  type StoredEntry,
  type VaultDocument,
} from '../main/core/vault/vault-file';
import { createVaultService } from '../main/core/vault/vault.factory';

type Row = [string, number, string];
const ENTRIES = 10_000;
const RUNS = 5;
export const PASSWORD = 'benchmark master password';
const ROOT = resolve(import.meta.dirname, '..');
const clock: Clock & Scheduler = {
  now: () => Date.now(),
  setTimeout: () => ({ cancel: () => undefined }),
};

/** A real vault (real KDF), then 10,000 sealed SMSFactor entries written in one save. */
export async function buildVault(dir: string): Promise<void> {
  const random = nodeRandom();
  const vault = createVaultService({
    dir,
    clock,
    scheduler: clock,
    random,
    idleLockMinutes: () => 0,
  });
  vault.start();
  await vault.create(PASSWORD);
  const store = createSafeStore({ dir, name: 'vault' });
  store.start();
  const doc = JSON.parse(store.readText() ?? '') as VaultDocument;
  const crypto = new VaultCrypto({ random });
  // The data key, through the public key hierarchy: seals 10,000 entries in one save.
  const dek = await unwrapDek(crypto, doc, PASSWORD);
  const now = Date.now();
  const entries: StoredEntry[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const id = `bench-${i.toString(16).padStart(8, '0')}`;
    entries.push({
      id,
      label: `token ${i}`,
      provider: 'smsfactor',
      kind: 'smsfactor-token',
      status: 'active',
      createdAt: now,
      updatedAt: now,
      ttlSeconds: null,
      expiresAt: null,
      allowedIps: [],
      format: 'json',
      tokenId: String(100_000 + i),
      secrets: {
        token: crypto.seal(
          dek,
          `sf_bench_token_${i}_abcdef0123456789`,
          secretAad(id, 'token', FORMAT_VERSION),
        ),
      },
    });
  }
  store.writeText(serializeVaultDocument({ ...doc, entries }));
}

export default async function cliBench(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
  try {
    await buildVault(dir);
    const bundle = join(ROOT, 'out/cli/tokenvault.mjs');
    const command = existsSync(bundle)
      ? [bundle]
      : ['--import', 'tsx', join(ROOT, 'main/cli/index.ts')];
    const env = {
      PATH: process.env['PATH'] ?? '',
      TOKENVAULT_HOME: dir,
      TOKENVAULT_PASSWORD: PASSWORD,
    };
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const label = `token ${(i * 1999) % ENTRIES}`;
      const start = performance.now();
      const r = spawnSync(process.execPath, [...command, 'headers', label], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      });
      times.push(performance.now() - start);
      if (r.status !== 0 || !r.stdout.startsWith('Authorization: Bearer sf_bench_token_')) {
        throw new Error(`tokenvault headers failed (exit ${r.status}): ${r.stderr.trim()}`);
      }
    }
    times.sort((a, b) => a - b);
    return [['cli_headers_10k_ms', times[Math.floor(times.length / 2)] ?? NaN, 'ms']];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
