// Generic OAuth 2.0 in the window (issue 21 part 4): connect an app of "another server, by its
// issuer" against the strict sandbox (discovery, PKCE, state, iss), see its refresh deadline
// in the list and its reminder, then after the server revokes the grant, one Reconnect.
// Screenshots of the dialog in light and dark and in all three languages.
import type { Page } from '@playwright/test';
import { DEMO_OAUTH2_CLIENT } from '../sandbox/oauth2/oauth2.sandbox';
import { expect, test, type AppHarness } from './harness/fixtures';
import { createVault } from './harness/flows';

const DAY = 24 * 3600e3;

function row(page: Page, label: string) {
  return page.getByRole('option', { name: label, exact: true });
}

/** The dialog filled for the sandbox: by issuer, the demo client, the app's own redirect. */
async function fillConnect(app: AppHarness, label: string) {
  const dialog = app.page.getByRole('dialog', { name: 'Connect an OAuth 2.0 app' });
  await dialog.getByLabel('Label').fill(label);
  await dialog.getByLabel('Server').selectOption('issuer');
  await dialog.getByLabel('Issuer URL').fill(app.sandboxes.oauth2.issuer);
  await dialog.getByLabel('Client id').fill(DEMO_OAUTH2_CLIENT.clientId);
  await dialog.getByLabel('Client secret').fill(DEMO_OAUTH2_CLIENT.clientSecret ?? '');
  await dialog.getByLabel('Scopes').fill('read offline_access');
  await dialog.getByLabel('Redirect').selectOption('scheme');
  return dialog;
}

/** The system browser's part: the sandbox approves, the OS hands the app link to the app. */
async function approve(app: AppHarness): Promise<void> {
  const url = app.core.browser.last() ?? '';
  expect(url.startsWith(app.sandboxes.oauth2.authorizeUrl)).toBe(true);
  app.deepLink(await app.sandboxes.oauth2.control.authorize(url));
}

test('connect by issuer, see the deadline and its reminder, reconnect after the grant ends', async ({
  app,
}) => {
  const { page } = app;
  app.core.settings.update({ idleLockMinutes: 0 });
  await page.clock.setFixedTime(new Date(app.core.clock.now()));
  await app.open();
  await createVault(page);

  await page.getByRole('button', { name: 'Connect OAuth 2.0 app' }).click();
  const dialog = await fillConnect(app, 'sandbox api');
  await expect(dialog.getByLabel('Client secret')).toHaveAttribute('type', 'password');
  await expect(dialog.getByText('dev.tokenvault:/oauth/oauth2')).toBeVisible();
  await app.shot('oauth2-connect-dialog');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.shot('oauth2-connect-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await dialog.getByLabel('Client id').press('Enter');
  await expect(dialog.getByText('Waiting for you to approve in your browser…')).toBeVisible();
  await expect(dialog.getByTestId('authorize-url')).toHaveText(app.core.browser.last() ?? '');
  await app.shot('oauth2-connect-waiting');
  await approve(app);
  await expect(dialog.getByText('Connected “sandbox api”.')).toBeVisible();
  await expect(dialog.getByText(/Authorization ends/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);

  // Listed with its 30-day deadline; four weeks on, the reminders say so.
  const entry = row(page, 'sandbox api');
  await expect(entry).toContainText('OAuth 2.0');
  await expect(entry).toContainText(/Re-authorize (next month|in 30 days)/);
  app.core.clock.advance(27 * DAY);
  await page.clock.setFixedTime(new Date(app.core.clock.now()));
  await page.reload();
  await page.locator('#root > *').first().waitFor();
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention).toContainText('sandbox api');
  await expect(entry).toContainText('Re-authorize in 3 days');

  // The server revokes the grant: the next refresh answers invalid_grant, once.
  app.sandboxes.oauth2.control.revokeAll();
  await entry.click();
  const detail = page.getByRole('region', { name: 'Details of sandbox api' });
  await detail.getByRole('button', { name: 'Verify again' }).click();
  await expect(detail.getByTestId('oauth2-detail')).toContainText(
    'The server ended this authorization.',
  );
  await expect(entry).toContainText('Needs re-authorization');
  await app.shot('oauth2-needs-reconnect');

  // One reconnect brings it back (same entry), with a fresh 30-day deadline.
  await detail.getByRole('button', { name: 'Reconnect…' }).click();
  const again = page.getByRole('dialog', { name: 'Reconnect “sandbox api”' });
  await expect(again.getByText('Waiting for you to approve in your browser…')).toBeVisible();
  await approve(app);
  await expect(again.getByText('Reconnected “sandbox api”.')).toBeVisible();
  await again.getByRole('button', { name: 'Done' }).click();
  await expect(entry).toContainText('Active');
  await expect(entry).toContainText(/Re-authorize (next month|in 30 days)/);
  expect(app.core.vault.list()).toHaveLength(1);
  await detail.getByRole('button', { name: 'Copy headers' }).click();
  await expect.poll(() => app.core.clipboard.text).toMatch(/^Authorization: Bearer at_/);
});

test('the connect dialog in Italian and Chinese', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  for (const [language, button, title, shot] of [
    ['it', 'Collega app OAuth 2.0', 'Collega un’app OAuth 2.0', 'oauth2-connect-dialog-it'],
    ['zh-CN', '连接 OAuth 2.0 应用', '连接 OAuth 2.0 应用', 'oauth2-connect-dialog-zh-cn'],
  ] as const) {
    app.core.settings.update({ language });
    await page.reload();
    await page.locator('#root > *').first().waitFor();
    await page.getByRole('button', { name: button }).first().click();
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await app.shot(shot);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
});
