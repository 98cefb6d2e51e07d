// Accessibility of every screen, in light and dark: axe-core finds no serious or critical
// violation on create vault, unlock, wrong password, the empty list, the list with entries,
// the entry detail, the delete confirmation, settings and each add dialog. The same walk
// saves the README screenshots (test-results/screenshots/readme-*.png, copied to
// docs/screenshots/ so the README can link them).
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { addActions } from '../../renderer/features/registry';
import { en } from '../../renderer/i18n/en';
import { expect, repoRoot, test, type AppHarness } from './harness/fixtures';
import { createVault, masterPassword, openSettings } from './harness/flows';
import { seedEveryKind } from './harness/seed-entries';

type Theme = 'light' | 'dark';

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** Serious and critical violations on the current screen. */
async function audit(page: Page, screen: string): Promise<Finding[]> {
  // Let transitions and the first paint of async content settle before axe reads colours.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      rule: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
}

/** A README screenshot: into test-results/screenshots and docs/screenshots. */
async function readmeShot(app: AppHarness, testInfo: TestInfo, name: string): Promise<void> {
  await app.shot(`readme-${name}`);
  const source = join(testInfo.project.outputDir, 'screenshots', `readme-${name}.png`);
  const docs = join(repoRoot, 'docs/screenshots');
  await mkdir(docs, { recursive: true });
  await copyFile(source, join(docs, `readme-${name}.png`));
}

for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    // Every screen, with an axe audit each: about a minute and a half on a loaded 2-core machine.
    test.setTimeout(180_000);

    test('every screen has no serious or critical axe violation', async ({ app }, testInfo) => {
      const { page } = app;
      const findings: Finding[] = [];
      await app.open();

      await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
      findings.push(...(await audit(page, 'create vault')));
      await createVault(page);

      // Empty list.
      await expect(page.getByRole('heading', { name: 'No tokens yet' })).toBeVisible();
      findings.push(...(await audit(page, 'empty list')));
      await readmeShot(app, testInfo, `empty-${theme}`);

      // Each add dialog that exists.
      for (const action of addActions) {
        const name = en[action.labelKey];
        await page.getByRole('button', { name }).first().click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        findings.push(...(await audit(page, `add dialog: ${name}`)));
        if (action.id === 'faxplus-connect') await readmeShot(app, testInfo, `connect-${theme}`);
        if (action.id === 'api-key') await readmeShot(app, testInfo, `apikey-${theme}`);
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
      }

      // List with entries.
      seedEveryKind(app.core.vault);
      const list = page.getByRole('listbox');
      await expect(list.getByRole('option')).toHaveCount(5);
      findings.push(...(await audit(page, 'list with entries')));
      await readmeShot(app, testInfo, `list-${theme}`);

      // Search with no result, and a filter with no result.
      await page.getByRole('searchbox', { name: 'Search tokens' }).fill('nothing like this');
      await expect(page.getByText('No token matches “nothing like this”.')).toBeVisible();
      findings.push(...(await audit(page, 'no search result')));
      await page.getByRole('button', { name: 'Clear search' }).click();

      // Entry detail (keyboard: focus the list, move down) and the delete confirmation.
      await list.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const detail = page.getByRole('region', { name: /^Details of / });
      await expect(detail).toBeVisible();
      await expect(detail.locator('.copy__preview')).not.toHaveText('Preparing the preview…');
      findings.push(...(await audit(page, 'entry detail')));
      await readmeShot(app, testInfo, `detail-${theme}`);
      await detail.getByRole('button', { name: 'Delete…' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      findings.push(...(await audit(page, 'delete confirmation')));
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      // Settings.
      await openSettings(page);
      findings.push(...(await audit(page, 'settings')));
      await readmeShot(app, testInfo, `settings-${theme}`);

      // Lock (Ctrl+L), wrong password, unlock screen.
      await page.keyboard.press('Control+L');
      await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
      findings.push(...(await audit(page, 'unlock')));
      await readmeShot(app, testInfo, `unlock-${theme}`);
      await page.getByLabel('Master password').fill(`${masterPassword} but wrong`);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect(page.getByRole('alert')).toHaveText('Wrong password. Try again.');
      findings.push(...(await audit(page, 'wrong password')));

      expect(findings).toEqual([]);
    });
  });
}
