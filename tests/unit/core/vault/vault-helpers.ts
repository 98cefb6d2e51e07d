import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Random } from '../../../../main/core/ports';
import { nodeRandom } from '../../../../main/core/vault/crypto';
import { createVaultService } from '../../../../main/core/vault/vault.factory';
import type { NewEntry } from '../../../../main/core/vault/vault.types';
import { FakeClock } from '../../../fakes/fake-clock';

export const PASSWORD = 'correct horse battery staple';
export const NEW_PASSWORD = 'another long passphrase 42';

export function tempDir(): string {
  return fs.mkdtempSync(join(tmpdir(), 'vault-'));
}

/** A Random that remembers every buffer it handed out (to check the DEK is wiped on lock). */
export function recordingRandom(): Random & { handed: Uint8Array[] } {
  const base = nodeRandom();
  const handed: Uint8Array[] = [];
  return {
    handed,
    bytes: (n) => {
      const out = base.bytes(n);
      handed.push(out);
      return out;
    },
  };
}

export function makeVault(dir: string, idleLockMinutes = () => 15, random: Random = nodeRandom()) {
  const clock = new FakeClock();
  const vault = createVaultService({
    dir,
    clock,
    scheduler: clock,
    random,
    kdfIterations: 1000,
    idleLockMinutes,
  });
  vault.start();
  return { vault, clock, path: join(dir, 'vault.json') };
}

export const patEntry = (label: string): NewEntry => ({
  label,
  provider: 'faxplus',
  kind: 'faxplus-pat',
  status: 'active',
  expiresAt: null,
  scopes: ['all'],
});

export const smsEntry = (label: string): NewEntry => ({
  label,
  provider: 'smsfactor',
  kind: 'smsfactor-token',
  status: 'active',
  ttlSeconds: null,
  expiresAt: null,
  allowedIps: [],
  format: 'json',
});
