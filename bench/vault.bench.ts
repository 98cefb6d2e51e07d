// Vault figures for issue 2 item 7: KDF against unlock, sealing, and a 10,000-entry vault.
import { pbkdf2Sync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Clock, Scheduler } from '../main/core/ports';
import {
  DEFAULT_KDF_ITERATIONS,
  VaultCrypto,
  nodeRandom,
  secretAad,
} from '../main/core/vault/crypto';
import { createSafeStore } from '../main/core/vault/safe-store';
import { SEALED_VALUE_VERSION } from '../main/core/vault/seal-format';
import {
  createDocumentSerializer,
  type StoredEntry,
  type VaultDocument,
} from '../main/core/vault/vault-file';
import { nativeSeal, openVaultFile, sealVaultDocument } from '../tests/support/vault-file-tool';
import { createVaultService } from '../main/core/vault/vault.factory';

type Row = [string, number, string];
const PASSWORD = 'benchmark master password';
const ENTRIES = 10_000;

const clock: Clock & Scheduler = {
  now: () => Date.now(),
  setTimeout: () => ({ cancel: () => undefined }),
};
const random = nodeRandom();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function service(dir: string) {
  const vault = createVaultService({
    dir,
    clock,
    scheduler: clock,
    random,
    idleLockMinutes: () => 0,
  });
  return vault;
}

/** A 10,000-entry document sealed in one go (adding one by one would be O(n^2)). */
function bigDocument(doc: VaultDocument, dek: Uint8Array): VaultDocument {
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
      ttlSeconds: 3600,
      expiresAt: now + 3_600_000,
      allowedIps: ['203.0.113.7'],
      format: 'json',
      tokenId: String(100000 + i),
      preview: 'eyJ0…abcd',
      secrets: {
        token: nativeSeal(
          dek,
          `eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.token-${i}`,
          secretAad(id, 'token', SEALED_VALUE_VERSION),
        ),
      },
    });
  }
  return { ...doc, entries };
}

export default async function vaultBench(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vault-bench-'));
  try {
    // KDF and unlock are measured in adjacent pairs so both see the same machine load.
    const small = service(join(dir, 'small'));
    small.start();
    await small.create(PASSWORD);
    small.lock();
    const salt = random.bytes(16);
    const kdf: number[] = [];
    const unlock: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < 7; i++) {
      // Alternate which goes first so a load change between the two does not bias the ratio.
      let k = 0;
      let u = 0;
      if (i % 2 === 0)
        k = await time(() => pbkdf2Sync(PASSWORD, salt, DEFAULT_KDF_ITERATIONS, 32, 'sha256'));
      u = await time(() => small.unlock(PASSWORD));
      small.lock();
      if (i % 2 === 1)
        k = await time(() => pbkdf2Sync(PASSWORD, salt, DEFAULT_KDF_ITERATIONS, 32, 'sha256'));
      kdf.push(k);
      unlock.push(u);
      ratios.push(u / k);
    }

    const crypto = new VaultCrypto({ random });
    const key = random.bytes(32);
    const kb = 'k'.repeat(1024);
    const rounds = 200;
    const sealOpen = await time(() => {
      for (let i = 0; i < rounds; i++)
        crypto.openText(key, crypto.seal(key, kb, 'e|token|1'), 'e|token|1');
    });

    // The big vault shares the small one's key material, so the same password unlocks it.
    const opened = await openVaultFile(join(dir, 'small', 'vault.json'), PASSWORD);
    const doc = bigDocument(opened.doc, opened.dek);
    const bigDir = join(dir, 'big');
    const store = createSafeStore({ dir: bigDir, name: 'vault' });
    store.start();
    // Sealing every entry and writing it: what a format-1 vault's conversion costs at most.
    const serialize = createDocumentSerializer();
    const save = await time(() => store.writeBytes(serialize(sealVaultDocument(doc, opened.dek))));

    // Opening the 10,000-entry vault: start (read, check the shape), unlock (KDF, data key,
    // document MAC; entries are opened lazily) and the first list (every entry opened), with
    // the bare KDF measured beside each unlock.
    const open: number[] = [];
    const unlockBig: number[] = [];
    const unlockBigRatios: number[] = [];
    for (let i = 0; i < 5; i++) {
      const vault = service(bigDir);
      const started = await time(() => vault.start());
      let k = 0;
      if (i % 2 === 0)
        k = await time(() => pbkdf2Sync(PASSWORD, salt, DEFAULT_KDF_ITERATIONS, 32, 'sha256'));
      const u = await time(() => vault.unlock(PASSWORD));
      if (i % 2 === 1)
        k = await time(() => pbkdf2Sync(PASSWORD, salt, DEFAULT_KDF_ITERATIONS, 32, 'sha256'));
      const listed = await time(() => {
        if (vault.list().length !== ENTRIES) throw new Error('bench vault incomplete');
      });
      open.push(started + u + listed);
      unlockBig.push(u);
      unlockBigRatios.push(u / k);
    }

    const big = service(bigDir);
    big.start();
    await big.unlock(PASSWORD);
    const adds: number[] = [];
    for (let i = 0; i < 21; i++) {
      adds.push(
        await time(() =>
          big.add(
            {
              label: `added ${i}`,
              provider: 'faxplus',
              kind: 'faxplus-pat',
              status: 'active',
              expiresAt: null,
              scopes: [],
            },
            { pat: `alohi_pat_${i}` },
          ),
        ),
      );
    }

    return [
      ['kdf_native_ms', median(kdf), 'ms'],
      ['unlock_ms', median(unlock), 'ms'],
      ['unlock_vs_kdf_ratio', median(ratios), 'x'],
      ['seal_open_1kb_ms', sealOpen / rounds, 'ms'],
      ['save_10k_entries_ms', save, 'ms'],
      ['add_entry_to_10k_first_ms', adds[0] ?? NaN, 'ms'],
      ['add_entry_to_10k_ms', median(adds.slice(1)), 'ms'],
      ['unlock_10k_entries_ms', median(unlockBig), 'ms'],
      ['unlock_10k_vs_kdf_ratio', median(unlockBigRatios), 'x'],
      ['open_10k_entries_ms', median(open), 'ms'],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
