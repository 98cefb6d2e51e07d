// security.md 23: kill -9 at random moments during a loop of saves, hundreds of times. After
// each kill the vault must open, hold the state from just before or just after the save that
// was interrupted, and have no temp files left once started.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeRandom } from '../../../main/core/vault/crypto';
import { createVaultService } from '../../../main/core/vault/vault.factory';
import { FakeClock } from '../../fakes/fake-clock';
import { bundleChild, runChild } from './child-harness';

const PASSWORD = 'kill nine test password';
const LANES = 4;
const KILLS_PER_LANE = 50;

let script = '';
beforeAll(async () => {
  script = await bundleChild();
}, 30_000);

function open(dir: string) {
  const clock = new FakeClock();
  const vault = createVaultService({
    dir,
    clock,
    scheduler: clock,
    random: nodeRandom(),
    kdfIterations: 1000,
  });
  const report = vault.start();
  return { vault, report };
}

async function lane(dir: string): Promise<{ kills: number; midSave: number; recoveries: number }> {
  const { vault } = open(dir);
  await vault.create(PASSWORD);
  vault.add(
    {
      label: 'counter',
      provider: 'faxplus',
      kind: 'faxplus-pat',
      status: 'active',
      expiresAt: null,
      scopes: [],
      account: { name: '0' },
    },
    { pat: 'value-0' },
  );
  let recoveries = 0;
  let midSave = 0;
  let known = 0;
  for (let kill = 0; kill < KILLS_PER_LANE; kill++) {
    const running = runChild(script, ['loop', dir, PASSWORD]);
    const target = known + 1 + Math.floor(Math.random() * 8);
    await running.waitFor((line) => line === `saving ${target}` || line.startsWith('error'));
    running.child.kill('SIGKILL');
    await running.exited;
    const last = running.lines.filter((l) => l.startsWith('sav')).pop() ?? '';
    const [word, num] = last.split(' ');
    const k = Number(num);
    const allowed = word === 'saved' ? [k] : [k - 1, k];
    if (word === 'saving') midSave += 1;

    const { vault: reopened, report } = open(dir);
    if (report.notice) recoveries += 1;
    expect(fs.readdirSync(dir).filter((n) => /tmp/.test(n))).toEqual([]);
    await reopened.unlock(PASSWORD);
    const entry = reopened.findByLabel('faxplus', 'counter');
    const n = Number(entry?.account?.name);
    expect(allowed, `after kill ${kill}: ${last}`).toContain(n);
    expect(reopened.readSecret(entry?.id ?? '', 'pat')).toBe(`value-${n}`);
    known = n;
  }
  return { kills: KILLS_PER_LANE, midSave, recoveries };
}

describe('kill -9 during saves', () => {
  it(`leaves a vault that opens, ${LANES * KILLS_PER_LANE} times`, async () => {
    const root = fs.mkdtempSync(join(tmpdir(), 'kill9-'));
    try {
      const dirs = Array.from({ length: LANES }, (_, i) => join(root, `lane-${i}`));
      const results = await Promise.all(dirs.map((d) => lane(d)));
      expect(results.reduce((sum, r) => sum + r.kills, 0)).toBeGreaterThanOrEqual(200);
      // The kills must land while saves are in flight, or the test proves nothing.
      expect(results.reduce((sum, r) => sum + r.midSave, 0)).toBeGreaterThan(100);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 240_000);
});
