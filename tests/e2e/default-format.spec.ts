// The default header format is a setting: Enter in the token list copies in that format
// (issue 6: "in the list, Enter or Ctrl/Cmd+C copies the selected entry in the default format").
import { expect, test } from './harness/fixtures';
import { createVault } from './harness/flows';
import { seedEveryKind } from './harness/seed-entries';

test('Enter copies in the default format chosen in the settings', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  seedEveryKind(app.core.vault);

  await page.getByRole('button', { name: 'Settings' }).click();
  const format = page.getByLabel('Default header format');
  await expect(format).toHaveValue('http');
  await format.selectOption({ label: 'curl' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();
  expect(app.core.settings.get().defaultHeaderFormat).toBe('curl');
  await app.shot('settings-default-format');
  await page.getByRole('button', { name: 'Back to tokens' }).click();

  await page.getByRole('searchbox', { name: 'Search tokens' }).fill('reports');
  const list = page.getByRole('listbox');
  await expect(list).toHaveAttribute('data-count', '1');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => app.core.clipboard.text)
    .toBe('--oauth2-bearer alohi_pat_e2e_reports_3f9c');
});
