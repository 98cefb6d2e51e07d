// What the user is told when something outside the app fails (security.md 24 and 30): a full
// disk during a save, and SMSFactor's "HTTP 200 but status -1" refusal. Both must reach the
// screen as a clear sentence, with nothing stored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawStore } from '../../main/core/vault/store-backend';
import { expect, test, type AppHarness } from './harness/fixtures';
import { createVault } from './harness/flows';

/**
 * Makes the vault's file writer behave like conf on a full disk: it leaves a truncated file
 * and does not throw. The vault's own read-back has to notice, put the old bytes back and say
 * so. Reaches the writer the vault already holds (private fields: this is a fault injector).
 */
function fillTheDisk(app: AppHarness): () => void {
  type Holder = { deps: { store: { getBackend(): { store: RawStore } } } };
  const backend = (app.core.vault as unknown as Holder).deps.store.getBackend();
  const proto = Object.getPrototypeOf(backend) as object;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'store');
  Object.defineProperty(backend, 'store', {
    configurable: true,
    get: () => descriptor?.get?.call(backend) as RawStore,
    set: (value: RawStore) => {
      const raw = typeof value.raw === 'string' ? Buffer.from(value.raw) : Buffer.from(value.raw);
      descriptor?.set?.call(backend, { raw: raw.subarray(0, Math.floor(raw.length / 3)) });
    },
  });
  return () => {
    delete (backend as { store?: RawStore }).store;
  };
}

test('a full disk while adding a token: the user is told, the file is unchanged (security.md 24)', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  const pat = app.sandboxes.faxplus.control.addPat({ name: 'disk' }).token;
  const vaultFile = join(app.dataDir, 'vault.json');
  const before = readFileSync(vaultFile);

  await page.getByRole('button', { name: 'Add Fax.Plus token' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add Fax.Plus token (personal access token)' });
  await dialog.getByLabel('Label').fill('disk');
  await dialog.getByLabel('Personal access token').fill(pat);
  const heal = fillTheDisk(app);
  await dialog.getByRole('button', { name: 'Add token' }).click();
  await expect(dialog).toContainText(/Could not save .*free some disk space and try again/);
  await app.shot('storage-error-full-disk');
  expect(readFileSync(vaultFile).equals(before)).toBe(true);
  expect(app.core.vault.list()).toHaveLength(0);

  // Space freed: the same click now works.
  heal();
  await dialog.getByRole('button', { name: 'Add token' }).click();
  await expect(dialog.getByTestId('pat-preview')).toBeVisible();
  expect(app.core.vault.list()).toHaveLength(1);
});

test('SMSFactor answering status -1 shows its reason, nothing is stored (security.md 30)', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  await page.getByRole('button', { name: 'Add SMSFactor token' }).click();
  const add = page.getByRole('dialog', { name: 'Add SMSFactor token' });
  await add.getByLabel('Label').fill('refused');
  await add.getByLabel('API token').fill('not-a-token-smsfactor-knows-0000');
  await add.getByRole('button', { name: 'Add token' }).click();
  await expect(add).toContainText('SMSFactor refused the token: Token invalide.');
  await app.shot('smsfactor-status-minus-one');
  // The check reached SMSFactor: the refusal is its answer, not a network failure.
  expect(app.sandboxes.smsfactor.control.requests.length).toBeGreaterThan(0);
  expect(app.core.vault.list()).toHaveLength(0);
});
