// SMSFactor end to end, in JSON and in XML, against the strict sandbox (issue 4): add a
// platform token -> mint with a TTL and two allowed IPs (a CIDR and an IPv6) -> shown once ->
// listed with its expiry -> mint for a sub-account -> revoke after confirmation -> revoked.
// A bad IP is shown beside its row and nothing is sent.
import type { Page } from '@playwright/test';
import type { WireFormat } from '../../preload/api';
import { SmsfactorValidationError } from '../../main/core/providers/smsfactor/smsfactor.errors';
import { expect, test, type AppHarness } from './harness/fixtures';
import { createVault } from './harness/flows';

function row(page: Page, label: string) {
  return page.getByRole('option', { name: label, exact: true });
}

/** Toasts fade after a few seconds; close them so screenshots show what is under them. */
async function dismissToasts(page: Page) {
  // One synchronous pass in the page: a toast timing out meanwhile cannot strand a click.
  await page.evaluate(() => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('.toast__close')) {
      button.click();
    }
  });
}

/** Selects the entry in the list; its detail (with the SMSFactor panel) opens beside it. */
async function openDetails(page: Page, label: string) {
  await row(page, label).click();
  await expect(row(page, label)).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByTestId('smsfactor-detail');
  await expect(panel).toBeVisible();
  return panel;
}

/** A fresh vault holding the sandbox's platform token as "main account" (JSON). */
async function addParent(app: AppHarness) {
  const { page } = app;
  await app.open();
  await createVault(page);
  await page.getByRole('button', { name: 'Add SMSFactor token' }).click();
  const add = page.getByRole('dialog', { name: 'Add SMSFactor token' });
  await add.getByLabel('Label').fill('main account');
  await add.getByLabel('API token').fill(app.sandboxes.smsfactor.control.seed.parentToken);
  await add.getByRole('button', { name: 'Add token' }).click();
  await add.getByRole('button', { name: 'Done' }).click();
}

for (const format of ['json', 'xml'] as const satisfies readonly WireFormat[]) {
  const upper = format.toUpperCase();

  test(`SMSFactor in ${upper}: add, mint with IPs, shown once, sub-account, revoke`, async ({
    app,
  }) => {
    const { page } = app;
    const sandbox = app.sandboxes.smsfactor.control;
    await app.open();
    await createVault(page);

    // --- Add the platform-made parent token ------------------------------------------------
    await page.getByRole('button', { name: 'Add SMSFactor token' }).click();
    const add = page.getByRole('dialog', { name: 'Add SMSFactor token' });
    await expect(add.getByLabel('Label')).toBeFocused();
    await add.getByLabel('Label').fill('main account');
    await add.getByLabel('API token').fill(sandbox.seed.parentToken);
    await expect(add.getByLabel('API token')).toHaveAttribute('type', 'password');
    await add.getByRole('radio', { name: upper }).check();
    await app.shot(`smsfactor-${format}-add-dialog`);
    const release = app.ipc.hold('smsfactor:add-token');
    await add.getByLabel('API token').press('Enter');
    await expect(add.getByRole('status')).toContainText('Checking the token with SMSFactor');
    release();
    const account = add.getByTestId('smsfactor-account');
    await expect(account).toContainText('owner@acme.test');
    await expect(account).toContainText('Acme SMS');
    await expect(account).toContainText('44690');
    await app.shot(`smsfactor-${format}-add-verified`);
    await add.getByRole('button', { name: 'Done' }).click();
    await expect(add).toHaveCount(0);
    // Both checks went out in the chosen format.
    const verifyCalls = sandbox.requests.filter((r) => ['/account', '/credits'].includes(r.path));
    expect(verifyCalls.length).toBeGreaterThanOrEqual(2);
    expect(verifyCalls.every((r) => r.accept?.includes(format))).toBe(true);

    const parent = await openDetails(page, 'main account');
    await expect(parent.getByRole('radio', { name: upper })).toBeChecked();

    // --- Mint: a bad IP is caught beside its row, and nothing is sent ------------------------
    await parent.getByRole('button', { name: 'Mint token…' }).click();
    const mint = page.getByRole('dialog', { name: 'Mint a token with “main account”' });
    await expect(mint.getByLabel('Token name')).toBeFocused();
    await mint.getByLabel('Token name').fill('webhooks');
    await mint.getByLabel('Lifetime').selectOption({ label: '7 days' });
    await mint.getByLabel('Allowed IP 1').fill('203.0.113.0/24');
    await mint.getByRole('button', { name: 'Add an address' }).click();
    await expect(mint.getByLabel('Allowed IP 2')).toBeFocused();
    await mint.getByLabel('Allowed IP 2').fill('2001:DB8::1');
    await mint.getByRole('button', { name: 'Add an address' }).click();
    await mint.getByLabel('Allowed IP 3').fill('203.0.113.300');
    const sentBefore = sandbox.requests.length;
    await mint.getByRole('button', { name: 'Mint token' }).click();
    const badRow = mint.getByLabel('Allowed IP 3');
    await expect(badRow).toHaveAttribute('aria-invalid', 'true');
    await expect(badRow).toHaveAccessibleDescription(/“203\.0\.113\.300” is not an IPv4 or IPv6/);
    await expect(mint.getByLabel('Allowed IP 1')).not.toHaveAttribute('aria-invalid', 'true');
    await app.shot(`smsfactor-${format}-mint-ip-error`);
    expect(sandbox.requests.length).toBe(sentBefore);
    expect(sandbox.tokens()).toHaveLength(2);

    await mint.getByRole('button', { name: 'Remove 203.0.113.300' }).click();
    const releaseMint = app.ipc.hold('smsfactor:mint');
    await mint.getByLabel('Token name').press('Enter');
    await expect(mint.getByRole('status')).toContainText('Asking SMSFactor for a new token');
    releaseMint();

    // --- Shown once ------------------------------------------------------------------------
    const shown = page.getByRole('dialog', { name: 'Your new token' });
    await expect(shown).toContainText('You will not see this token again');
    await expect(shown).toContainText('Stored in the vault as “webhooks”');
    const minted = sandbox.tokens().find((tok) => tok.name === 'webhooks');
    expect(minted?.ttl).toBe(7 * 24 * 3600);
    expect(minted?.allowedIps).toEqual(['203.0.113.0/24', '2001:db8::1']);
    await expect(shown.getByLabel('New SMSFactor token')).toHaveValue(minted?.secret ?? '?');
    await expect(shown).toContainText('Expires in 7 days');
    await app.shot(`smsfactor-${format}-token-shown-once`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: app.origin,
    });
    await shown.getByRole('button', { name: 'Copy' }).click();
    await expect(shown).toContainText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(minted?.secret);
    await shown.getByRole('button', { name: 'I copied it, close' }).click();
    await expect(shown).toHaveCount(0);
    // The secret is not on the page any more.
    expect(await page.content()).not.toContain(minted?.secret ?? '?');

    // --- Listed with its expiry, and in the parent's remote list -----------------------------
    await expect(row(page, 'webhooks')).toContainText('Expires in 7 days');
    const remote = parent.getByRole('region', { name: 'Tokens of this account at SMSFactor' });
    const remoteRow = remote.getByRole('group', { name: 'webhooks' });
    await expect(remoteRow).toContainText('webhooks');
    await expect(remoteRow).toContainText('203.0.113.0/24, 2001:db8::1');
    await expect(remoteRow).toContainText('In this vault');
    await expect(remote.locator('[data-token-id]')).toHaveCount(2);
    await expect(remoteRow).toHaveAttribute('data-token-id', minted?.tokenId ?? '?');
    await remoteRow.scrollIntoViewIfNeeded();
    await dismissToasts(page);
    await app.shot(`smsfactor-${format}-detail-remote-list`);

    // --- Mint for a sub-account, picked from SMSFactor's list -------------------------------
    await parent.getByRole('button', { name: 'Mint token…' }).click();
    await expect(mint).toBeVisible();
    await mint.getByLabel('Token name').fill('shop');
    await mint.getByLabel('Lifetime').selectOption({ label: '1 day' });
    await mint.getByLabel('Token for').selectOption({ label: 'A sub-account' });
    await expect(mint.getByLabel('Allowed IP 1')).toHaveCount(0);
    await mint
      .getByLabel('Sub-account', { exact: true })
      .selectOption({ label: 'Acme Shop · shop@acme.test (2001)' });
    await mint.getByRole('button', { name: 'Mint token' }).click();
    await expect(shown).toContainText('Stored in the vault as “shop”');
    const subToken = sandbox.tokens().find((tok) => tok.name === 'shop');
    expect(subToken?.accountId).toBe('2001');
    await shown.getByRole('button', { name: 'I copied it, close' }).click();
    await expect(row(page, 'shop')).toContainText(/Expires (in 24 hours|tomorrow)/);
    const shop = await openDetails(page, 'shop');
    await expect(shop).toContainText('Sub-account2001');
    await expect(shop).toContainText('Minted withmain account');

    // --- Revoke after confirmation -----------------------------------------------------------
    const webhooks = await openDetails(page, 'webhooks');
    await expect(webhooks).toContainText('203.0.113.0/24');
    await expect(webhooks).toContainText('2001:db8::1');
    await webhooks.getByRole('button', { name: 'Revoke…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “webhooks”?' });
    await expect(confirm).toContainText(`token id ${minted?.tokenId ?? '?'}`);
    await app.shot(`smsfactor-${format}-revoke-confirm`);
    // Esc keeps the token.
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    expect(sandbox.tokens().some((tok) => tok.name === 'webhooks')).toBe(true);

    await webhooks.getByRole('button', { name: 'Revoke…' }).click();
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row(page, 'webhooks')).toContainText('Revoked');
    await expect(webhooks.getByRole('button', { name: 'Revoke…' })).toHaveCount(0);
    expect(sandbox.tokens().some((tok) => tok.name === 'webhooks')).toBe(false);
    const again = await openDetails(page, 'main account');
    await expect(again.getByRole('group', { name: 'Platform token' })).toBeVisible();
    await expect(again.getByRole('group', { name: 'webhooks' })).toHaveCount(0);

    const entry = app.core.vault.list().find((e) => e.label === 'webhooks');
    expect(entry?.kind === 'smsfactor-token' && entry.status).toBe('revoked');
    expect(app.cspViolations()).toEqual([]);
  });
}

test('a token SMSFactor made but the vault could not save is shown with a warning', async ({
  app,
}) => {
  const { page } = app;
  const sandbox = app.sandboxes.smsfactor.control;
  await addParent(app);

  const parent = await openDetails(page, 'main account');
  await parent.getByRole('button', { name: 'Mint token…' }).click();
  const mint = page.getByRole('dialog', { name: 'Mint a token with “main account”' });
  await mint.getByLabel('Token name').fill('orphan');
  // The vault refuses the write that follows SMSFactor's answer.
  const vault = app.core.vault;
  const realAdd = vault.add.bind(vault);
  vault.add = () => {
    throw new Error('disk full');
  };
  try {
    await mint.getByRole('button', { name: 'Mint token' }).click();
    const shown = page.getByRole('dialog', { name: 'Your new token' });
    await expect(shown.getByRole('alert')).toContainText('The token is NOT in the vault');
    const orphan = sandbox.tokens().find((tok) => tok.name === 'orphan');
    await expect(shown.getByLabel('New SMSFactor token')).toHaveValue(orphan?.secret ?? '?');
    await expect(shown).toContainText(`SMSFactor created the token (id ${orphan?.tokenId ?? '?'})`);
    await app.shot('smsfactor-token-unsaved');
  } finally {
    vault.add = realAdd;
  }
});

test("main's refusal of one allowed IP is shown beside that row", async ({ app }) => {
  const { page } = app;
  await addParent(app);

  // Main re-checks every value (it never trusts the page); make it refuse the second IP sent.
  const service = app.core.core.smsfactor;
  service.mint = () => {
    throw new SmsfactorValidationError('allowedIps.1', '"198.51.100.9" is refused by main.');
  };
  const parent = await openDetails(page, 'main account');
  await parent.getByRole('button', { name: 'Mint token…' }).click();
  const mint = page.getByRole('dialog', { name: 'Mint a token with “main account”' });
  await mint.getByLabel('Token name').fill('checked twice');
  await mint.getByRole('button', { name: 'Add an address' }).click();
  await mint.getByRole('button', { name: 'Add an address' }).click();
  // Row 1 stays empty (not sent), so sent index 1 is row 3.
  await mint.getByLabel('Allowed IP 2').fill('203.0.113.7');
  await mint.getByLabel('Allowed IP 3').fill('198.51.100.9');
  await mint.getByRole('button', { name: 'Mint token' }).click();
  await expect(mint.getByLabel('Allowed IP 3')).toHaveAccessibleDescription(
    '"198.51.100.9" is refused by main.',
  );
  await expect(mint.getByLabel('Allowed IP 2')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('dialog', { name: 'Your new token' })).toHaveCount(0);
});

test('allowed IPs pasted one per line are checked line by line before sending', async ({ app }) => {
  const { page } = app;
  const sandbox = app.sandboxes.smsfactor.control;
  await addParent(app);

  const parent = await openDetails(page, 'main account');
  // The wire format switch saves at once; the next calls go out in XML.
  await parent.getByRole('radio', { name: 'XML' }).check();
  await expect(page.getByText('Wire format of “main account” is now XML.')).toBeVisible();
  const entry = app.core.vault.list().find((e) => e.label === 'main account');
  expect(entry?.kind === 'smsfactor-token' && entry.format).toBe('xml');

  await parent.getByRole('button', { name: 'Mint token…' }).click();
  const mint = page.getByRole('dialog', { name: 'Mint a token with “main account”' });
  await mint.getByLabel('Token name').fill('pasted');
  await mint.getByRole('button', { name: 'Edit as text' }).click();
  await mint.getByLabel('Allowed IPs, one per line').fill('10.0.0.0/8\nbad-ip\n\n2001:db8::/32');
  const sent = sandbox.requests.length;
  await mint.getByRole('button', { name: 'Mint token' }).click();
  await expect(mint.getByLabel('Allowed IPs, one per line')).toHaveAccessibleDescription(
    /“bad-ip” is not an IPv4 or IPv6 address/,
  );
  expect(sandbox.requests.length).toBe(sent);

  // Back to rows: one row per address, the bad one still there to fix.
  await mint.getByRole('button', { name: 'Edit as rows' }).click();
  await expect(mint.getByLabel('Allowed IP 2')).toHaveValue('bad-ip');
  await mint.getByLabel('Allowed IP 2').fill('192.0.2.0/24');
  await mint.getByRole('button', { name: 'Mint token' }).click();
  await expect(page.getByRole('dialog', { name: 'Your new token' })).toBeVisible();
  expect(sandbox.tokens().find((tok) => tok.name === 'pasted')?.allowedIps).toEqual([
    '10.0.0.0/8',
    '192.0.2.0/24',
    '2001:db8::/32',
  ]);
  const post = sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/token');
  expect(post.map((r) => r.contentType?.includes('xml'))).toEqual([true]);
});
