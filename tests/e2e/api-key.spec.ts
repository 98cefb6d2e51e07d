// API keys end to end (issue 20 part 2): a Stripe-style key added through the dialog is
// verified against the local "any API" sandbox, listed with its typed expiry, copied as
// headers and reminded about; a refused key is told in plain words and not stored; a
// GitHub-classic token without a verification URL is added by keyboard and removed.
// Main's FakeClock drives expiry; the page's clock is set to the same time before it loads.
import type { Page } from '@playwright/test';
import { expect, test, type AppHarness } from './harness/fixtures';
import { createVault } from './harness/flows';

const DAY = 24 * 3600e3;

function row(page: Page, label: string) {
  return page.getByRole('option', { name: label, exact: true });
}

/** `YYYY-MM-DD` of a day `days` after main's (fake) now, in the page's local time. */
function dateIn(app: AppHarness, days: number): string {
  const d = new Date(app.core.clock.now() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function openOnMainsClock(app: AppHarness): Promise<void> {
  await app.page.clock.setFixedTime(new Date(app.core.clock.now()));
  await app.open();
  await createVault(app.page);
}

async function dismissToasts(page: Page) {
  await page.evaluate(() => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('.toast__close')) {
      button.click();
    }
  });
}

test('a Stripe-style key: add with verification, detail, copy headers, expiry reminder', async ({
  app,
}) => {
  const { page } = app;
  const api = app.sandboxes.apiKeys;
  const host = new URL(api.url).host;
  await openOnMainsClock(app);

  await page.getByRole('button', { name: 'Add API key' }).click();
  const add = page.getByRole('dialog', { name: 'Add an API key' });
  await expect(add.getByLabel('Label')).toBeFocused();
  await add.getByLabel('Label').fill('Stripe live');
  await add.getByLabel('Key', { exact: true }).fill(api.keys.stripe);
  await expect(add.getByLabel('Key', { exact: true })).toHaveAttribute('type', 'password');
  await expect(add.getByLabel('Sent as')).toHaveValue('bearer');
  await add.getByLabel('Extra headers (optional)').fill('Stripe-Version: 2024-06-20');
  await add.getByLabel('Expiry date (optional)').fill(dateIn(app, 3));
  await add.getByLabel('Verification URL (optional)').fill(`${api.url}/stripe/v1/balance`);
  await expect(add.getByTestId('apikey-header-preview')).toHaveText(
    `Authorization: Bearer ••••••••${api.keys.stripe.slice(-4)}\nStripe-Version: 2024-06-20`,
  );
  await expect(add.getByTestId('apikey-header-preview')).not.toContainText(api.keys.stripe);
  await app.shot('apikey-add-dialog');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.shot('apikey-add-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  const release = app.ipc.hold('apikey:add');
  await add.getByRole('button', { name: 'Verify and add' }).click();
  await expect(add.getByRole('status')).toContainText(`Checking the key at ${host}…`);
  release();
  await expect(add.getByRole('status')).toContainText('Added “Stripe live”.');
  await expect(add.getByRole('status')).toContainText(`${host} accepted the key.`);
  await expect(add.getByTestId('apikey-preview')).toHaveText(
    `sk_test_…${api.keys.stripe.slice(-4)}`,
  );
  await add.getByRole('button', { name: 'Done' }).click();
  await expect(add).toHaveCount(0);
  const seen = api.requests.filter((r) => r.path === '/stripe/v1/balance');
  expect(seen.map((r) => r.headers['stripe-version'])).toEqual(['2024-06-20']);

  // Listed with its provider, kind and the expiry the user typed; the reminders see it too.
  const entry = row(page, 'Stripe live');
  await expect(entry).toContainText('API key');
  await expect(entry).toContainText('Static key');
  // The end of the chosen day: 3 days and some hours away, so '3' or '4' by the hour of day.
  await expect(entry).toContainText(/Expires in [34] days/);
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention).toContainText('Stripe live');

  await entry.click();
  const detail = page.getByRole('region', { name: 'Details of Stripe live' });
  const panel = detail.getByTestId('apikey-detail');
  await expect(panel).toContainText('Authorization: Bearer {token}');
  await expect(panel).toContainText('Stripe-Version: 2024-06-20');
  await expect(panel).toContainText(`${api.url}/stripe/v1/balance`);
  await expect(detail).toContainText(/in [34] days/);

  await detail.getByRole('button', { name: 'Verify again' }).click();
  await expect(page.getByText(`“Stripe live” was verified with ${host}.`)).toBeVisible();
  expect(api.requests.filter((r) => r.path === '/stripe/v1/balance')).toHaveLength(2);

  await detail.getByRole('button', { name: 'Copy headers' }).click();
  await expect
    .poll(() => app.core.clipboard.text)
    .toBe(`Authorization: Bearer ${api.keys.stripe}\nStripe-Version: 2024-06-20`);
  await dismissToasts(page);
  await app.shot('apikey-detail');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.shot('apikey-detail-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await panel.scrollIntoViewIfNeeded();
  await app.shot('apikey-detail-panel');
  // The page never held the key after the dialog closed.
  expect(await page.content()).not.toContain(api.keys.stripe);
});

test('a key the service refuses is not stored, and the user is told why', async ({ app }) => {
  const { page } = app;
  const api = app.sandboxes.apiKeys;
  await openOnMainsClock(app);

  await page.getByRole('button', { name: 'Add API key' }).click();
  const add = page.getByRole('dialog', { name: 'Add an API key' });
  await add.getByLabel('Label').fill('wrong key');
  await add.getByLabel('Key', { exact: true }).fill('sk_test_not_a_key_anyone_issued_0000');
  await add.getByLabel('Verification URL (optional)').fill(`${api.url}/stripe/v1/balance`);
  await add.getByRole('button', { name: 'Verify and add' }).click();
  await expect(add.getByText('The service refused this key; nothing was stored.')).toBeVisible();
  await expect(add.getByLabel('Key', { exact: true })).toHaveAccessibleDescription(
    /refused the key \(HTTP 401 Unauthorized\)\. The key was not stored\.\s*The service refused this key; nothing was stored\./,
  );
  // Nothing typed is lost: the user can correct the key and try again.
  await expect(add.getByLabel('Label')).toHaveValue('wrong key');
  await expect(add.getByLabel('Verification URL (optional)')).toHaveValue(
    `${api.url}/stripe/v1/balance`,
  );
  expect(app.core.vault.list()).toEqual([]);
  await app.shot('apikey-add-refused');

  // A bad extra header line is caught before anything is sent.
  const sent = api.requests.length;
  await add.getByLabel('Extra headers (optional)').fill('Stripe-Version 2024');
  await add.getByRole('button', { name: 'Verify and add' }).click();
  await expect(add.getByText('Line 1 is not “Name: value”.')).toBeVisible();
  expect(api.requests.length).toBe(sent);
});

test('a GitHub-classic token by keyboard, without a verification URL, then removed', async ({
  app,
}) => {
  const { page } = app;
  const api = app.sandboxes.apiKeys;
  await openOnMainsClock(app);

  await page.getByRole('button', { name: 'Add API key' }).click();
  const add = page.getByRole('dialog', { name: 'Add an API key' });
  await page.keyboard.type('gh classic');
  await page.keyboard.press('Tab');
  await page.keyboard.type(api.keys.github);
  await page.keyboard.press('Tab');
  await expect(add.getByLabel('Sent as')).toBeFocused();
  await add.getByLabel('Sent as').selectOption('token');
  await expect(add.getByTestId('apikey-header-preview')).toHaveText(
    `Authorization: token ••••••••${api.keys.github.slice(-4)}`,
  );
  await add.getByLabel('Key', { exact: true }).press('Enter');
  await expect(add.getByRole('status')).toContainText(
    'Not verified: there is no verification URL.',
  );
  await page.keyboard.press('Enter');
  await expect(add).toHaveCount(0);

  await row(page, 'gh classic').click();
  const detail = page.getByRole('region', { name: 'Details of gh classic' });
  await expect(detail.getByTestId('apikey-detail')).toContainText('None: “Verify” is off');
  await expect(detail.getByRole('button', { name: 'Verify again' })).toHaveCount(0);
  await expect(detail).toContainText('Does not expire');
  await detail.getByRole('button', { name: 'Copy headers' }).click();
  await expect.poll(() => app.core.clipboard.text).toBe(`Authorization: token ${api.keys.github}`);

  await detail.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “gh classic”?' });
  await expect(confirm).toContainText('the service that issued it');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'gh classic')).toHaveCount(0);
  expect(app.core.vault.list()).toEqual([]);
});
