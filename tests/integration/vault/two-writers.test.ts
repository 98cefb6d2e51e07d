// issue 6 item 4: the app and the CLI may write at the same time; the lock file and
// read-latest-then-save mean no update is lost.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeRandom } from '../../../main/core/vault/crypto';
import { createVaultService } from '../../../main/core/vault/vault.factory';
import { FakeClock } from '../../fakes/fake-clock';
import { bundleChild, runChild } from './child-harness';

const PASSWORD = 'two writers password';
let script = '';
beforeAll(async () => {
  script = await bundleChild();
}, 30_000);

describe('two processes writing one vault', () => {
  it('keeps every entry both added', async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'two-writers-'));
    try {
      const clock = new FakeClock();
      const make = () =>
        createVaultService({
          dir,
          clock,
          scheduler: clock,
          random: nodeRandom(),
          kdfIterations: 1000,
        });
      const vault = make();
      vault.start();
      await vault.create(PASSWORD);
      const writers = ['a', 'b', 'c'].map((p) => runChild(script, ['add', dir, PASSWORD, p, '40']));
      const codes = await Promise.all(writers.map((w) => w.exited));
      expect(codes).toEqual([0, 0, 0]);
      const check = make();
      check.start();
      await check.unlock(PASSWORD);
      const labels = new Set(check.list().map((e) => e.label));
      expect(labels.size).toBe(120);
      for (const p of ['a', 'b', 'c'])
        for (let i = 0; i < 40; i++) expect(labels).toContain(`${p}-${i}`);
      const one = check.findByLabel('faxplus', 'b-39');
      expect(check.readSecret(one?.id ?? '', 'pat')).toBe('b-secret-39');
      expect(check.audit().filter((r) => r.action === 'created')).toHaveLength(120);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
