// Child process for the kill -9 and two-writer tests. Bundled once with esbuild so it starts
// fast. Progress goes to stdout with writeSync, so the parent sees each line before the next
// step begins.
//   loop <dir> <password>          update one entry forever: "saving N" / "saved N"
//   add <dir> <password> <prefix> <count>   add entries one by one, then "done"
import { writeSync } from 'node:fs';
import { nodeRandom } from '../../../main/core/vault/crypto';
import { createVaultService } from '../../../main/core/vault/vault.factory';

const [mode, dir = '', password = '', prefix = 'w', countText = '10'] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);
const clock = {
  now: () => Date.now(),
  setTimeout: () => ({ cancel: () => undefined }),
};

async function main(): Promise<void> {
  const vault = createVaultService({
    dir,
    clock,
    scheduler: clock,
    random: nodeRandom(),
    kdfIterations: 1000,
    idleLockMinutes: () => 0,
  });
  vault.start();
  await vault.unlock(password);
  if (mode === 'loop') {
    const entry = vault.findByLabel('faxplus', 'counter');
    if (!entry) throw new Error('no counter entry');
    let n = Number(entry.account?.name ?? '0');
    say('ready');
    for (;;) {
      n += 1;
      say(`saving ${n}`);
      vault.update(entry.id, { account: { name: String(n) } }, { pat: `value-${n}` });
      say(`saved ${n}`);
    }
  }
  if (mode === 'add') {
    for (let i = 0; i < Number(countText); i++) {
      vault.add(
        {
          label: `${prefix}-${i}`,
          provider: 'faxplus',
          kind: 'faxplus-pat',
          status: 'active',
          expiresAt: null,
          scopes: [],
        },
        { pat: `${prefix}-secret-${i}` },
      );
    }
    say('done');
  }
}

main().catch((error: unknown) => {
  say(`error ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
