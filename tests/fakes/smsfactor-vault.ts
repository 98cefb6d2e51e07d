// A vault on disk holding SMSFactor entries, written through the real vault service (no
// provider needed), for the command-line suites that only read entries.
import { systemClock } from '../../main/cli/cli-core';
import { nodeRandom } from '../../main/core/vault/crypto';
import { createVaultService } from '../../main/core/vault/vault.factory';
import { smsEntry } from '../unit/core/vault/vault-helpers';

/** Creates the vault when `create`, else unlocks the one there; adds label -> token; locks. */
export async function addSmsfactorEntries(
  dir: string,
  password: string,
  tokens: Record<string, string>,
  options: { create: boolean },
): Promise<void> {
  const service = createVaultService({
    dir,
    clock: systemClock,
    scheduler: systemClock,
    random: nodeRandom(),
    kdfIterations: 1000,
    idleLockMinutes: () => 0,
  });
  service.start();
  if (options.create) await service.create(password);
  else await service.unlock(password);
  for (const [label, token] of Object.entries(tokens)) {
    service.add(smsEntry(label), { token });
  }
  service.lock();
}
