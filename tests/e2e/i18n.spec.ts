// Languages: the app follows the system language until one is chosen in the settings; the
// choice re-renders every screen, dates and relative times included, and survives a reload.
// Sentences main writes in English (an entry's last problem) are shown translated, with main's
// words kept for the detail pane. Saves test-results/screenshots/i18n-list-it.png,
// i18n-list-zh-CN.png and i18n-detail-zh-CN.png (Chinese needs a CJK font in the machine,
// e.g. Debian's fonts-noto-cjk).
import { en } from '../../renderer/i18n/en';
import type { Catalog } from '../../renderer/i18n/i18n';
import { it as italian } from '../../renderer/i18n/it';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { expect, test } from './harness/fixtures';
import { createVault } from './harness/flows';
import { seedEveryKind } from './harness/seed-entries';

test('choosing Italian, then Chinese, in the settings translates the list', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  seedEveryKind(app.core.vault);
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option')).toHaveCount(5);
  const refused = 'Fax.Plus refused the refresh token; connect the app again.';
  const legacy = list.getByRole('option', { name: 'legacy archive', exact: true });
  // English keeps main's sentence as it is.
  await expect(legacy).toContainText(refused);

  const choose = async (from: Catalog, option: string, to: Catalog) => {
    await page.getByRole('button', { name: from['frame.settings'] }).click();
    await page.getByLabel(from['settings.language.label']).selectOption({ label: option });
    await page.getByRole('button', { name: from['settings.save'] }).click();
    // The whole tree re-renders in the new language, and the user stays on the settings.
    await expect(page.getByRole('button', { name: to['frame.lock'] })).toBeVisible();
    await expect(page.getByLabel(to['settings.language.label'])).toBeVisible();
    await page.getByRole('button', { name: to['frame.backToTokens'] }).click();
  };

  await choose(en, 'Italiano', italian);
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(
    page.getByRole('heading', { name: italian['tokens.title'], exact: true }),
  ).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(5);
  // Relative times come from Intl in Italian ("tra 3 giorni", "2 ore fa").
  await expect(list).toContainText(/ tra \d+ (giorni|ore|minuti)|domani| fa\b/);
  await expect(legacy).toContainText(italian['problem.needs-reauth']);
  await expect(legacy).not.toContainText(refused);
  await app.shot('i18n-list-it');
  await page.getByRole('button', { name: italian['frame.settings'] }).click();
  await expect(page.getByLabel(italian['settings.language.label'])).toHaveValue('it');
  await app.shot('i18n-settings-it');
  await page.getByRole('button', { name: italian['frame.backToTokens'] }).click();

  await choose(italian, '简体中文', zhCN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(
    page.getByRole('heading', { name: zhCN['tokens.title'], exact: true }),
  ).toBeVisible();
  await expect(list).toContainText(/\d+\s*(天|小时|分钟)后|明天|前/);
  // The needs-reauth row says what to do in Chinese; main's English stays off the list.
  await expect(legacy).toContainText(zhCN['problem.needs-reauth']);
  await expect(legacy).not.toContainText(refused);
  await expect(legacy.locator('.row__problem')).toHaveAttribute('title', refused);
  await app.shot('i18n-list-zh-CN');
  // The detail pane keeps main's words beneath the translated sentence: nothing is lost.
  await legacy.click();
  const problem = page.locator('.detail__error');
  await expect(problem).toContainText(zhCN['problem.needs-reauth']);
  await expect(problem.locator('[lang="en"]')).toHaveText(refused);
  await problem.scrollIntoViewIfNeeded();
  await app.shot('i18n-detail-zh-CN');

  // The choice is a setting: it survives a reload, and the lock screen speaks it too.
  await page.reload();
  await expect(
    page.getByRole('heading', { name: zhCN['tokens.title'], exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: zhCN['frame.lock'] }).click();
  await expect(page.getByRole('heading', { name: zhCN['unlock.title'] })).toBeVisible();
  await expect(page.getByRole('button', { name: zhCN['unlock.submit'] })).toBeVisible();
  await app.shot('i18n-unlock-zh-CN');
});

test.describe('with a Chinese system', () => {
  test.use({ locale: 'zh-CN' });

  test('the first screen follows the system language', async ({ app }) => {
    await app.open();
    await expect(app.page.getByRole('heading', { name: zhCN['create.title'] })).toBeVisible();
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});
