// Screenshots of key screens: saved to test-results/screenshots/<name>.png (kept as CI
// artifacts) and attached to the test report.
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const path = join(testInfo.project.outputDir, 'screenshots', `${name}.png`);
  // Let the progress bar and focus ring settle into a stable frame.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  return path;
}
