// The first-day story (issue 2, item 6): create the vault, lock, fail once, unlock, change a
// setting, reload, and find the setting kept. A screenshot of every screen is kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSettingsService } from '../../main/core/settings/settings.factory';
import { expect, test, type AppHarness } from './harness/fixtures';
import { createVault, masterPassword, openSettings, unlock } from './harness/flows';
import { seedEveryKind } from './harness/seed-entries';

test('create -> lock -> wrong password -> unlock -> settings survive a reload', async ({ app }) => {
  const { page } = app;
  await app.open();

  // First run: the rules are shown and checked live; the button waits for a valid password.
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  const create = page.getByRole('button', { name: 'Create vault' });
  await expect(create).toBeDisabled();
  await page.getByLabel('Master password', { exact: true }).fill('too short');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'At least 12 characters' }),
  ).toContainText('(not yet)');
  await page.getByLabel('Master password', { exact: true }).fill(masterPassword);
  await expect(
    page.getByRole('listitem').filter({ hasText: 'At least 12 characters' }),
  ).toContainText('(done)');
  await page.getByLabel('Confirm master password').fill(`${masterPassword}!`);
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  await expect(create).toBeDisabled();
  await app.shot('create-vault');
  await page.getByLabel('Confirm master password').fill(masterPassword);
  await expect(create).toBeEnabled();
  await create.click();

  // The empty list says what to do next.
  await expect(page.getByRole('heading', { name: 'No tokens yet' })).toBeVisible();
  for (const name of ['Connect Fax.Plus', 'Add Fax.Plus token', 'Add SMSFactor token']) {
    await expect(page.getByRole('button', { name })).toBeVisible();
  }
  await app.shot('empty-list');

  // Lock with the keyboard shortcut.
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Unlock Token Vault' })).toBeVisible();
  expect(app.core.vault.status().locked).toBe(true);
  await app.shot('unlock');

  // Wrong password: said clearly, the field keeps focus for another try.
  const field = page.getByLabel('Master password');
  await field.fill('not the right password');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Wrong password. Try again.');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await app.shot('wrong-password');

  // While the key is derived the user sees progress (main held until we look).
  const release = app.ipc.hold('vault:unlock');
  await field.fill(masterPassword);
  await field.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Deriving key…' })).toBeVisible();
  await app.shot('unlock-deriving');
  release();
  await expect(page.getByRole('heading', { name: 'No tokens yet' })).toBeVisible();
  expect(app.core.vault.status().locked).toBe(false);

  // Settings: inline validation, then a saved change.
  await openSettings(page);
  const idle = page.getByLabel('Lock after inactivity (minutes)');
  const clipboard = page.getByLabel('Clear copied headers after (seconds)');
  await expect(idle).toHaveValue('15');
  await clipboard.fill('4000');
  await expect(page.getByText('Enter a number from 0 to 3600.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await clipboard.fill('45');
  await idle.fill('5');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await app.shot('settings');

  // A reload keeps the values: they live in main, and on disk.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tokens', exact: true })).toBeVisible();
  await openSettings(page);
  await expect(page.getByLabel('Lock after inactivity (minutes)')).toHaveValue('5');
  await expect(page.getByLabel('Clear copied headers after (seconds)')).toHaveValue('45');
  const reopened = createSettingsService({ dir: app.dataDir });
  reopened.start();
  const fromDisk = reopened.get();
  expect(fromDisk).toMatchObject({ idleLockMinutes: 5, clipboardClearSeconds: 45 });

  // Our own page never trips its CSP (no inline script or style attribute slipped in).
  expect(app.cspViolations()).toEqual([]);
});

test('a lock from elsewhere (tray, idle timer) brings the lock screen', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  app.core.vault.lock('idle');
  await expect(page.getByRole('heading', { name: 'Unlock Token Vault' })).toBeVisible();
});

async function setIdleMinutes(app: AppHarness, minutes: number): Promise<void> {
  const { page } = app;
  await openSettings(page);
  await page.getByLabel('Lock after inactivity (minutes)').fill(String(minutes));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
}

test('the idle-lock setting locks the vault after that many quiet minutes', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  await setIdleMinutes(app, 2);
  await page.keyboard.press('Control+L');
  await unlock(page);

  app.core.clock.advance(60_000);
  await expect(page.getByRole('heading', { name: 'Tokens', exact: true })).toBeVisible();
  app.core.clock.advance(60_000);
  await expect(page.getByRole('heading', { name: 'Unlock Token Vault' })).toBeVisible();
});

test('a shorter idle lock applies from the moment it is saved', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  await setIdleMinutes(app, 2);
  app.core.clock.advance(2 * 60_000);
  await expect(page.getByRole('heading', { name: 'Unlock Token Vault' })).toBeVisible({
    timeout: 2000,
  });
});

test('a damaged vault file is restored from its backup and the user is told', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  seedEveryKind(app.core.vault);
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(5);

  // The app quits; the file is truncated on disk (a full disk, a crash); the app starts again.
  await app.restart();
  const file = join(app.dataDir, 'vault.json');
  writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
  await app.restart();
  await page.reload();

  const notice = page.getByRole('alert').filter({ hasText: 'restored from a backup' });
  await expect(notice).toBeVisible();
  await app.shot('unlock-recovered');
  await unlock(page);
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(5);
});

test('a vault file changed outside Token Vault: the intact entries open, a banner says what was found', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  seedEveryKind(app.core.vault);
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(5);

  // While the app is closed, someone edits one sealed entry in the file (no key needed).
  await app.restart();
  const file = join(app.dataDir, 'vault.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { entries: { data: string }[] };
  const first = doc.entries[0];
  if (!first) throw new Error('setup');
  const bytes = Buffer.from(first.data, 'base64');
  bytes[20] = (bytes[20] ?? 0) ^ 1;
  first.data = bytes.toString('base64');
  writeFileSync(file, JSON.stringify(doc));
  await app.restart();
  await page.reload();
  await unlock(page);

  const banner = page.getByRole('alert').filter({ hasText: 'changed outside Token Vault' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('1 entry could not be opened');
  await expect(banner).toContainText('4 entries are intact and shown');
  await expect(banner).toContainText('vault.json.last-good');
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(4);
  await app.shot('integrity-notice');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(4);
});

test('a vault a newer Token Vault wrote is left as it is, with a clear message', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  await app.restart();
  const file = join(app.dataDir, 'vault.json');
  const newer = JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), formatVersion: 3 });
  writeFileSync(file, newer);
  await app.restart();
  await page.reload();
  const notice = page
    .getByRole('alert')
    .filter({ hasText: 'Update Token Vault to open this vault' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('(format 3)');
  await app.shot('unlock-newer-format');
  await page.getByLabel('Master password').fill(masterPassword);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'newer version of Token Vault (format 3)' }),
  ).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(newer);
});

test('a long but weak password is refused with the reason', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.getByLabel('Master password', { exact: true }).fill('abcdefghijklmnop');
  await page.getByLabel('Confirm master password').fill('abcdefghijklmnop');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('alert')).toContainText('simple run of letters or digits');
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  expect(app.core.vault.status().exists).toBe(false);
});
