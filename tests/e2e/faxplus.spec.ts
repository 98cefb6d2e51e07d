// Fax.Plus end to end (issue 3 item 7): the built renderer in Chromium, main's real core and
// IPC in the test process, the Fax.Plus sandbox on 127.0.0.1. The test plays the user (the
// dialogs), the system browser (a second page on the sandbox's approval page) and the OS (the
// redirect to dev.tokenvault: goes to the same deep-link queue main/index.ts feeds).
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNT, DEMO_CLIENT } from '../sandbox/faxplus/faxplus.sandbox';
import { expect, test, type AppHarness } from './harness/fixtures';
import { createVault } from './harness/flows';
import { captureAuthorizeRedirects } from './harness/sandboxes';
import { freePort } from '../fakes/free-port';

const HOUR = 3600e3;

async function openConnectDialog(page: Page) {
  await page.getByRole('button', { name: 'Connect Fax.Plus' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Connect Fax.Plus (OAuth)' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The system browser: opens the URL main asked to open and presses Approve (or Deny). */
async function approveInBrowser(
  app: AppHarness,
  authorizeUrl: string,
  decision: 'Approve' | 'Deny' = 'Approve',
): Promise<string[]> {
  const browserPage = await app.page.context().newPage();
  const redirects = await captureAuthorizeRedirects(
    browserPage,
    app.sandboxes.faxplus.accountsUrl,
    (url) => app.deepLink(url),
  );
  await browserPage.goto(authorizeUrl);
  await expect(browserPage.getByRole('heading', { name: /Authorize/ })).toBeVisible();
  await browserPage.getByRole('button', { name: decision }).click();
  await expect(browserPage.locator('body')).toContainText('You can return to Token Vault.');
  const location = redirects[redirects.length - 1] ?? '';
  if (location.startsWith('http://127.0.0.1:')) {
    await browserPage.goto(location);
    await expect(browserPage.getByRole('heading')).toHaveText('Token Vault received the answer');
  }
  await browserPage.close();
  return redirects;
}

function refreshGrants(app: AppHarness): number {
  return app.sandboxes.faxplus.control
    .requests('/token')
    .filter((r) => r.query.grant_type === 'refresh_token').length;
}

test('connect by app link, verify, refresh after expiry, verify again', async ({ app }) => {
  const { page } = app;
  // The test moves the clock an hour; the idle lock would otherwise lock the vault meanwhile.
  app.core.settings.update({ idleLockMinutes: 0 });
  await app.open();
  await createVault(page);

  const dialog = await openConnectDialog(page);
  const label = dialog.getByLabel('Label');
  await expect(label).toBeFocused();

  // Inline validation before anything reaches main.
  await dialog.getByLabel('Client id').fill('XYZ123');
  await expect(dialog.getByText('A Fax.Plus client id starts with APIK.')).toBeVisible();
  await label.fill('billing');
  await dialog.getByLabel('Client id').fill(DEMO_CLIENT.clientId);
  await expect(dialog.getByText('A Fax.Plus client id starts with APIK.')).toHaveCount(0);
  await expect(dialog.getByLabel('Client secret')).toHaveAttribute('type', 'password');
  await dialog.getByLabel('Client secret').fill(DEMO_CLIENT.clientSecret);
  await expect(dialog.getByLabel('Redirect URI to register in the Fax.Plus API app')).toHaveValue(
    'dev.tokenvault:/oauth/faxplus',
  );
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /Advanced security/ })).toBeChecked();
  await expect(dialog.getByRole('switch', { name: 'Provider drops state' })).not.toBeChecked();
  await app.shot('faxplus-connect-dialog');

  // Enter submits; main opens the system browser (the recording fake) at the authorize URL.
  await dialog.getByLabel('Client secret').press('Enter');
  await expect(dialog.getByText('Waiting for you to approve in your browser…')).toBeVisible();
  const authorizeUrl = app.core.browser.last();
  expect(authorizeUrl).toBeDefined();
  await expect(dialog.getByTestId('authorize-url')).toHaveText(authorizeUrl ?? '');
  await expect(dialog.getByText(/This request expires in (10:00|9:\d\d)/)).toBeVisible();
  await app.shot('faxplus-connect-waiting');

  const redirects = await approveInBrowser(app, authorizeUrl ?? '');
  expect(redirects[0]).toMatch(/^dev\.tokenvault:\/oauth\/faxplus\?code=/);

  await expect(dialog.getByText('Connected “billing”.')).toBeVisible();
  await expect(dialog.getByText(DEMO_ACCOUNT.email)).toBeVisible();
  await expect(dialog.getByText(DEMO_ACCOUNT.account_type)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('option', { name: /billing/ });
  await expect(row).toContainText(DEMO_ACCOUNT.email);
  await row.click();
  const detail = page.getByRole('region', { name: 'Details of billing' });
  await expect(detail).toContainText('Active');
  await expect(detail).toContainText(/in (1 hour|60 minutes)/);
  await expect(detail).toContainText(/in 30 days/);
  const fax = detail.getByTestId('faxplus-detail');
  await expect(fax).toContainText(DEMO_ACCOUNT.account_type);
  await expect(fax).toContainText('On: re-authorize every 30 days');
  await fax.scrollIntoViewIfNeeded();
  await app.shot('faxplus-connected-detail');

  // The sandbox stops accepting the access token: the next call gets a 401, main refreshes
  // once and the verification succeeds.
  const verify = detail.getByRole('button', { name: 'Verify again' });
  const before = refreshGrants(app);
  app.sandboxes.faxplus.control.expireAccessTokens();
  await verify.click();
  await expect(page.getByText('“billing” was verified with Fax.Plus.')).toBeVisible();
  expect(refreshGrants(app)).toBe(before + 1);

  // An hour later (core and sandbox share the fake clock) the token is refreshed before use.
  app.core.clock.advance(HOUR + 60e3);
  await verify.click();
  await expect.poll(() => refreshGrants(app)).toBe(before + 2);
  await expect(page.getByText('“billing” was verified with Fax.Plus.').first()).toBeVisible();
  const audit = app.core.vault.audit().map((r) => r.action);
  expect(audit.filter((a) => a === 'refreshed')).toHaveLength(2);
});

test('connect through the loopback listener', async ({ app }) => {
  const { page } = app;
  const port = await freePort();
  app.core.settings.update({ loopbackPort: port });
  await app.open();
  await createVault(page);

  const dialog = await openConnectDialog(page);
  await dialog.getByLabel('Label').fill('loop');
  await dialog.getByLabel('Client id').fill(DEMO_CLIENT.clientId);
  await dialog.getByLabel('Client secret').fill(DEMO_CLIENT.clientSecret);
  await dialog.getByRole('radio', { name: /Loopback/ }).check();
  await expect(dialog.getByLabel('Redirect URI to register in the Fax.Plus API app')).toHaveValue(
    `http://127.0.0.1:${port}/oauth/faxplus`,
  );
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByText('Waiting for you to approve in your browser…')).toBeVisible();

  const redirects = await approveInBrowser(app, app.core.browser.last() ?? '');
  expect(redirects[0]).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/oauth/faxplus\\?`));
  await expect(dialog.getByText('Connected “loop”.')).toBeVisible();
  await expect(dialog.getByText(DEMO_ACCOUNT.email)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('option', { name: /loop/ })).toContainText(DEMO_ACCOUNT.email);
});

test('a duplicate label is refused beside the field; cancel ends the wait', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  const token = app.sandboxes.faxplus.control.addPat({ name: 'ops' }).token;
  await page.getByRole('button', { name: 'Add Fax.Plus token' }).first().click();
  const pat = page.getByRole('dialog', { name: 'Add Fax.Plus token (personal access token)' });
  await pat.getByLabel('Label').fill('ops');
  await pat.getByLabel('Personal access token').fill(token);
  await pat.getByLabel('Personal access token').press('Enter');
  await pat.getByRole('button', { name: 'Done' }).click();

  const dialog = await openConnectDialog(page);
  await dialog.getByLabel('Label').fill('ops');
  await dialog.getByLabel('Client id').fill(DEMO_CLIENT.clientId);
  await dialog.getByLabel('Client secret').fill(DEMO_CLIENT.clientSecret);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  const labelField = dialog.locator('.field', { has: page.getByLabel('Label') });
  await expect(labelField).toContainText('A Fax.Plus entry named "ops" already exists.');

  await dialog.getByLabel('Label').fill('second');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByText('Waiting for you to approve in your browser…')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Cancelled.')).toBeVisible();
  // The flow is gone in main: approving now changes nothing.
  await approveInBrowser(app, app.core.browser.last() ?? '');
  await expect(dialog.getByText('Cancelled.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('option', { name: /second/ })).toHaveCount(0);
});

test('a wrong PAT gives a clear error; a right one shows only its masked preview', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  const good = app.sandboxes.faxplus.control.addPat({ name: 'reports' });

  await page.getByRole('button', { name: 'Add Fax.Plus token' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add Fax.Plus token (personal access token)' });
  await expect(dialog.getByLabel('Label')).toBeFocused();
  await dialog.getByLabel('Label').fill('reports');
  const field = dialog.getByLabel('Personal access token');
  await expect(field).toHaveAttribute('type', 'password');
  await field.fill('alohi_pat_this_one_is_not_known_0000');
  await dialog.getByRole('checkbox', { name: 'fax:fax:read' }).check();
  await dialog.getByRole('button', { name: 'Add token' }).click();
  await expect(dialog.getByText(/Fax\.Plus did not accept this token/)).toBeVisible();
  await app.shot('faxplus-pat-error');
  expect(await app.core.vault.list()).toHaveLength(0);

  await dialog.getByRole('checkbox', { name: 'fax:fax:read' }).uncheck();
  await field.fill(good.token);
  await field.press('Enter');
  const preview = dialog.getByTestId('pat-preview');
  await expect(preview).toBeVisible();
  const shown = (await preview.textContent()) ?? '';
  expect(shown).toContain('…');
  expect(shown).not.toBe(good.token);
  expect(await page.content()).not.toContain(good.token);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('option', { name: /reports/ });
  await expect(row).toContainText(shown);
  await row.click();
  const fax = page
    .getByRole('region', { name: 'Details of reports' })
    .getByTestId('faxplus-detail');
  await expect(fax).toContainText(good.scopes[0] ?? 'fax:');
  expect(await page.content()).not.toContain(good.token);
});

test('a refused refresh asks for re-authorization, which reuses the stored app', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  const dialog = await openConnectDialog(page);
  await dialog.getByLabel('Label').fill('archive');
  await dialog.getByLabel('Client id').fill(DEMO_CLIENT.clientId);
  await dialog.getByLabel('Client secret').fill(DEMO_CLIENT.clientSecret);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await approveInBrowser(app, app.core.browser.last() ?? '');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Fax.Plus revokes the authorization: the refresh answers invalid_grant.
  app.sandboxes.faxplus.control.revokeRefreshTokens();
  app.sandboxes.faxplus.control.expireAccessTokens();
  await page.getByRole('option', { name: /archive/ }).click();
  const detail = page.getByRole('region', { name: 'Details of archive' });
  await detail.getByRole('button', { name: 'Verify again' }).click();
  await expect(detail).toContainText('Needs re-authorization');
  const fax = detail.getByTestId('faxplus-detail');
  await expect(fax).toContainText('Fax.Plus no longer accepts this authorization.');

  const opened = app.core.browser.opened.length;
  await fax.getByRole('button', { name: 'Re-authorize…' }).click();
  const reauth = page.getByRole('dialog', { name: 'Re-authorize “archive”' });
  await expect(reauth.getByText('Waiting for you to approve in your browser…')).toBeVisible();
  expect(app.core.browser.opened).toHaveLength(opened + 1);
  await approveInBrowser(app, app.core.browser.last() ?? '');
  await expect(reauth.getByText('Re-authorized “archive”.')).toBeVisible();
  await reauth.getByRole('button', { name: 'Done' }).click();
  await expect(detail).toContainText('Active');
  await expect(fax).not.toContainText('no longer accepts');
  // Still one entry: re-authorizing updated it in place.
  expect(app.core.vault.list()).toHaveLength(1);

  // The client secret went to main once and never came back to the page or an event.
  expect(await page.content()).not.toContain(DEMO_CLIENT.clientSecret);
  expect(JSON.stringify(app.core.sent)).not.toContain(DEMO_CLIENT.clientSecret);
});

test('a denied sign-in says so, Try again keeps the form, a request expires after 10 minutes', async ({
  app,
}) => {
  const { page } = app;
  app.core.settings.update({ idleLockMinutes: 0 });
  await app.open();
  await createVault(page);
  const dialog = await openConnectDialog(page);
  await dialog.getByLabel('Label').fill('denied');
  await dialog.getByLabel('Client id').fill(DEMO_CLIENT.clientId);
  await dialog.getByLabel('Client secret').fill(DEMO_CLIENT.clientSecret);
  await dialog.getByRole('switch', { name: 'Provider drops state' }).check();
  await expect(dialog.getByText(/cannot tell your sign-in from a forged one/)).toBeVisible();
  await dialog.getByRole('switch', { name: 'Provider drops state' }).uncheck();
  await dialog.getByRole('button', { name: 'Connect' }).click();

  await approveInBrowser(app, app.core.browser.last() ?? '', 'Deny');
  await expect(dialog.getByText('Connecting failed')).toBeVisible();
  await expect(dialog.getByText(/Access was denied on the Fax\.Plus page/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByLabel('Label')).toHaveValue('denied');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByText('Waiting for you to approve in your browser…')).toBeVisible();
  app.core.clock.advance(10 * 60e3 + 1);
  await expect(
    dialog.getByText('The sign-in request expired after 10 minutes. Try again.'),
  ).toBeVisible();
  expect(app.core.vault.list()).toHaveLength(0);
});
