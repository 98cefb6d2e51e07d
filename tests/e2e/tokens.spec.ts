// The token list: every kind of entry shown with what matters, search, the add actions with
// their dialogs (Esc closes, focus returns), and both themes.
import { expect, test } from './harness/fixtures';
import { createVault } from './harness/flows';
import { seedEveryKind } from './harness/seed-entries';

test('every kind of entry is listed with provider, kind, status and expiry', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  seedEveryKind(app.core.vault);

  const rows = page.getByRole('listbox').getByRole('option');
  await expect(rows).toHaveCount(5);
  await expect(page.getByRole('listbox').getByRole('option', { name: 'billing' })).toContainText(
    /Fax\.Plus.*OAuth app.*ops@example\.com.*Active.*Re-authorize in 3 days/,
  );
  await expect(page.getByRole('listbox').getByRole('option', { name: 'reports' })).toContainText(
    /Personal access token.*alohi_pat_…3f9c.*Expires in 2 months/,
  );
  await expect(
    page.getByRole('listbox').getByRole('option', { name: 'legacy archive' }),
  ).toContainText(/Needs re-authorization.*Authorization expired/);
  await expect(page.getByRole('listbox').getByRole('option', { name: 'alerts' })).toContainText(
    /SMSFactor.*API token.*Expired 2 hours ago/,
  );
  await expect(page.getByRole('listbox').getByRole('option', { name: 'marketing' })).toContainText(
    'Does not expire',
  );
  await app.shot('token-list');

  await page.emulateMedia({ colorScheme: 'dark' });
  await app.shot('token-list-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Ctrl+F jumps to search; typing filters as you go.
  await page.keyboard.press('Control+F');
  const search = page.getByRole('searchbox', { name: 'Search tokens' });
  await expect(search).toBeFocused();
  await search.fill('smsfactor');
  await expect(rows).toHaveCount(2);
  await search.fill('4242');
  await expect(rows).toHaveCount(1);
  await search.fill('nothing like this');
  await expect(page.getByText('No token matches “nothing like this”.')).toBeVisible();
  expect(app.cspViolations()).toEqual([]);
});

test('add actions open a dialog that Esc closes, giving focus back', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  for (const name of ['Connect Fax.Plus', 'Add Fax.Plus token', 'Add SMSFactor token']) {
    const opener = page.getByRole('button', { name });
    await opener.click();
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    if (name === 'Connect Fax.Plus') {
      await app.shot('add-dialog');
      // Tab cycles inside the dialog; focus never lands on the page behind it.
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      }
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  }
});

test('the dark theme follows the system', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open();
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 21, 27)');
  await app.shot('create-vault-dark');
});

test('a clicked notification about an entry brings that entry into view', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  seedEveryKind(app.core.vault);
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(5);
  await page.getByRole('searchbox', { name: 'Search tokens' }).fill('billing');
  await page.getByRole('button', { name: 'Settings' }).click();

  const alerts = app.core.vault.list().find((entry) => entry.label === 'alerts');
  await app.emit('event:focus-entry', { id: alerts?.id ?? '' });
  // The list keeps focus; the entry is its selected (active) option.
  await expect(page.getByRole('listbox')).toBeFocused();
  await expect(page.getByRole('listbox').getByRole('option', { name: 'alerts' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(5);
});
