// security.md 34 for the page: with unique secrets seeded (master password, a Fax.Plus PAT,
// an SMSFactor platform token and a freshly minted one), a user runs the flows that carry
// them — create, add, mint (which shows the new token on purpose), copy, a wrong try, lock,
// unlock — and nothing the page writes to its console, nor any page error, holds one of them.
import { expect, test } from './harness/fixtures';
import { createVault, unlock } from './harness/flows';

/** The forms a secret could take in a log line. */
function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    bytes.toString('base64'),
    bytes.toString('base64url'),
    encodeURIComponent(secret),
  ];
}

test('no seeded secret reaches the page console or a page error (security.md 34)', async ({
  app,
}) => {
  const { page } = app;
  const password = `leak-check master ${Date.now().toString(36)} Quartz!`;
  const pat = app.sandboxes.faxplus.control.addPat({ name: 'leak pat' }).token;
  const sms = app.sandboxes.smsfactor.control;

  // The collector itself works: a probe line and an uncaught error both arrive.
  await app.open();
  await page.evaluate(() => console.info('console-probe-7d1e'));
  await page.evaluate(() => setTimeout(() => Promise.reject(new Error('pageerror-probe-7d1e'))));
  await expect.poll(() => app.consoleOutput().join('\n')).toContain('console-probe-7d1e');

  await createVault(page, password);

  // A wrong PAT, then the right one.
  await page.getByRole('button', { name: 'Add Fax.Plus token' }).first().click();
  const addPat = page.getByRole('dialog', { name: 'Add Fax.Plus token (personal access token)' });
  await addPat.getByLabel('Label').fill('leak pat');
  await addPat.getByLabel('Personal access token').fill(`${pat}x`);
  await addPat.getByRole('button', { name: 'Add token' }).click();
  await expect(addPat.getByText(/Fax\.Plus did not accept this token/)).toBeVisible();
  await addPat.getByLabel('Personal access token').fill(pat);
  await addPat.getByLabel('Personal access token').press('Enter');
  await expect(addPat.getByTestId('pat-preview')).toBeVisible();
  await addPat.getByRole('button', { name: 'Done' }).click();

  // SMSFactor: the platform token, then a mint whose secret is shown once, and copied.
  await page.getByRole('button', { name: 'Add SMSFactor token' }).click();
  const addSms = page.getByRole('dialog', { name: 'Add SMSFactor token' });
  await addSms.getByLabel('Label').fill('leak parent');
  await addSms.getByLabel('API token').fill(sms.seed.parentToken);
  await addSms.getByRole('button', { name: 'Add token' }).click();
  await addSms.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('option', { name: 'leak parent', exact: true }).click();
  const parent = page.getByTestId('smsfactor-detail');
  await parent.getByRole('button', { name: 'Mint token…' }).click();
  const mint = page.getByRole('dialog', { name: 'Mint a token with “leak parent”' });
  await mint.getByLabel('Token name').fill('leak minted');
  await mint.getByRole('button', { name: 'Mint token' }).click();
  const shown = page.getByRole('dialog', { name: 'Your new token' });
  const minted = sms.tokens().find((token) => token.name === 'leak minted')?.secret ?? '';
  expect(minted.length).toBeGreaterThan(10);
  await expect(shown.getByLabel('New SMSFactor token')).toHaveValue(minted);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: app.origin,
  });
  await shown.getByRole('button', { name: 'Copy' }).click();
  await expect(shown).toContainText('Copied to the clipboard.');
  await shown.getByRole('button', { name: 'I copied it, close' }).click();

  // A wrong password, then lock and unlock with the right one.
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Unlock Token Vault' })).toBeVisible();
  await page.getByLabel('Master password').fill(`${password}?`);
  await page.getByLabel('Master password').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Wrong password. Try again.');
  await unlock(page, password);

  const output = app.consoleOutput().join('\n');
  expect(output).toContain('pageerror-probe-7d1e');
  for (const secret of [password, pat, sms.seed.parentToken, minted]) {
    for (const form of forms(secret)) expect(output).not.toContain(form);
  }
});
