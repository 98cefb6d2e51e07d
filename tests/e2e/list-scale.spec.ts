// The list at scale: 10,000 entries seeded into the vault file; only a window of rows exists
// in the DOM, search narrows as you type, sort and filters reorder and narrow, the keyboard
// moves the selection and Enter copies the selected entry's headers.
import { expect, test } from './harness/fixtures';
import { createVault, masterPassword } from './harness/flows';
import { seedEveryKind } from './harness/seed-entries';
import { seedBulk } from './support/bulk-seed';

const COUNT = 10_000;

test.describe('10,000 entries', () => {
  // Each list refresh moves 10,000 entries through the harness's page binding (~1 s here,
  // far slower than Electron's IPC); copying audits, which refreshes the list once more.
  test.setTimeout(120_000);

  test.beforeEach(async ({ app }) => {
    await app.open();
    await createVault(app.page);
    // The five real entries first (small saves), then one write of the bulk and a reload.
    seedEveryKind(app.core.vault);
    await seedBulk(app.dataDir, masterPassword, COUNT);
    app.core.vault.reload();
    // The first fetch of 10,000 entries through the page binding takes a few seconds here.
    await expect(app.page.getByRole('listbox')).toHaveAttribute('data-count', String(COUNT + 5), {
      timeout: 60_000,
    });
  });

  test('only a window of rows is in the DOM, with the list size announced', async ({ app }) => {
    const { page } = app;
    const list = page.getByRole('listbox', { name: 'Tokens, 10,005 shown' });
    await expect(list).toBeVisible();
    const options = page.getByRole('listbox').getByRole('option');
    const rendered = await options.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    await expect(options.first()).toHaveAttribute('aria-setsize', String(COUNT + 5));
    await expect(options.first()).toHaveAttribute('aria-posinset', '1');

    // Scrolling to the end renders the last rows, still only a window.
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(
      page.locator(`[role="listbox"] [role="option"][aria-posinset="${COUNT + 5}"]`),
    ).toBeVisible();
    expect(await options.count()).toBeLessThan(60);
    await app.shot('list-10k');
  });

  test('search narrows to the right rows as you type', async ({ app }) => {
    const { page } = app;
    const search = page.getByRole('searchbox', { name: 'Search tokens' });
    await page.keyboard.press('Control+F');
    await expect(search).toBeFocused();

    // An SMSFactor token id: exactly one entry.
    await search.fill('707001');
    await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(1);
    await expect(
      page.getByRole('listbox').getByRole('option', { name: 'bulk entry 07001' }),
    ).toBeVisible();

    // An account e-mail: every 50th OAuth entry (i % 3 === 0 and i % 50 === 7).
    await search.fill('team7@example.com');
    const expected = Array.from({ length: COUNT }, (_, i) => i).filter(
      (i) => i % 3 === 0 && i % 50 === 7,
    ).length;
    await expect(page.getByRole('listbox')).toHaveAttribute('data-count', String(expected));
    await expect(page.getByText(`${expected} of 10,005 shown`)).toBeVisible();
    await app.shot('list-10k-search');

    await search.fill('no such token anywhere');
    await expect(page.getByText('No token matches “no such token anywhere”.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(search).toHaveValue('');
    await expect(page.getByRole('listbox')).toHaveAttribute('data-count', String(COUNT + 5));
  });

  test('sort and filters reorder and narrow the list', async ({ app }) => {
    const { page } = app;
    const list = page.getByRole('listbox');
    const firstLabel = () =>
      page.getByRole('listbox').getByRole('option').first().locator('.row__label').textContent();

    // Soonest expiry first: the entry whose deadline passed longest ago.
    await expect(list).toHaveAttribute('data-count', String(COUNT + 5));
    const soonest = await firstLabel();

    await page.getByLabel('Sort by', { exact: true }).selectOption('label');
    await expect.poll(firstLabel).toBe('alerts');
    await page.getByLabel('Sort by', { exact: true }).selectOption('created');
    await expect.poll(firstLabel).not.toBe('alerts');
    await page.getByLabel('Sort by', { exact: true }).selectOption('expiry');
    await expect.poll(firstLabel).toBe(soonest);

    await page.getByLabel('Provider', { exact: true }).selectOption('smsfactor');
    const sms = Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 3 === 2).length + 2;
    await expect(list).toHaveAttribute('data-count', String(sms));
    await page.getByLabel('Kind', { exact: true }).selectOption('faxplus-pat');
    await expect(page.getByText('No token fits these filters')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(list).toHaveAttribute('data-count', String(COUNT + 5));

    await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('revoked');
    const revoked = Array.from({ length: COUNT }, (_, i) => i).filter(
      (i) => i % 3 === 2 && i % 50 === 2,
    ).length;
    await expect(list).toHaveAttribute('data-count', String(revoked));
    await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('attention');
    await expect(
      page.getByRole('listbox').getByRole('option', { name: 'legacy archive' }),
    ).toBeVisible();
    await app.shot('list-10k-attention');
  });

  test('arrow keys move the selection and Enter copies the headers', async ({ app }) => {
    const { page } = app;
    const search = page.getByRole('searchbox', { name: 'Search tokens' });
    await search.fill('reports');
    const list = page.getByRole('listbox');
    await expect(list).toHaveAttribute('data-count', '1');
    await list.focus();
    await page.keyboard.press('ArrowDown');
    const option = page.getByRole('listbox').getByRole('option', { name: 'reports' });
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await expect(list).toHaveAttribute(
      'aria-activedescendant',
      (await option.getAttribute('id')) ?? '',
    );

    await page.keyboard.press('Enter');
    await expect
      .poll(() => app.core.clipboard.text, { timeout: 20_000 })
      .toBe('Authorization: Bearer alohi_pat_e2e_reports_3f9c');
    await expect(page.getByText(/Copied the headers of “reports”/)).toBeVisible();

    // Ctrl+C copies too when no text is selected.
    app.core.clipboard.clear();
    await list.focus();
    await page.keyboard.press('Control+C');
    await expect
      .poll(() => app.core.clipboard.text, { timeout: 20_000 })
      .toContain('alohi_pat_e2e_reports_3f9c');

    // Down past the end stays on the last row; Home/End jump in the full list.
    await search.fill('');
    await list.focus();
    await page.keyboard.press('End');
    await expect(
      page.locator(`[role="listbox"] [role="option"][aria-posinset="${COUNT + 5}"]`),
    ).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(
      page.locator('[role="listbox"] [role="option"][aria-posinset="1"]'),
    ).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(
      page.locator('[role="listbox"] [role="option"][aria-posinset="3"]'),
    ).toHaveAttribute('aria-selected', 'true');
  });
});
