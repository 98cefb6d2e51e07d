// Reminders in the window (issue 5): entries made to expire through the sandboxes (an
// SMSFactor token minted with a one-hour TTL, a Fax.Plus PAT whose expiration_date is two
// days away) show readable badges and the "Needs attention" group; muting an entry takes it
// out; the reminders settings change the lead times and they survive a restart.
// Main's FakeClock drives expiry; the page's clock is set to the same time before it loads.
import type { Page } from '@playwright/test';
import { expect, test, type AppHarness } from './harness/fixtures';
import { createVault, openSettings, unlock } from './harness/flows';

const HOUR = 3600e3;
const DAY = 24 * HOUR;

function row(page: Page, label: string) {
  return page.getByRole('option', { name: label, exact: true });
}

/** Reloads the page with its clock on main's (fake) time. */
async function syncPageClock(app: AppHarness): Promise<void> {
  await app.page.clock.setFixedTime(new Date(app.core.clock.now()));
  await app.page.reload();
  await app.page.locator('#root > *').first().waitFor();
}

async function seedThroughSandboxes(app: AppHarness): Promise<void> {
  const { core } = app.core;
  const seed = app.sandboxes.smsfactor.control.seed;
  const parent = await core.smsfactor.addToken({
    label: 'main account',
    token: seed.parentToken,
    format: 'json',
  });
  await core.smsfactor.mint({
    parentId: parent.id,
    name: 'one-hour',
    label: 'one-hour',
    ttlSeconds: 3600,
    allowedIps: [],
  });
  await core.smsfactor.mint({
    parentId: parent.id,
    name: 'quarterly',
    label: 'quarterly',
    ttlSeconds: 90 * 24 * 3600,
    allowedIps: [],
  });
  const faxplus = app.sandboxes.faxplus.control;
  const soon = faxplus.addPat({ name: 'reports', expiresAt: app.core.clock.now() + 2 * DAY });
  await core.faxplus.addPat({ label: 'reports', pat: soon.token });
  const far = faxplus.addPat({ name: 'archive', expiresAt: app.core.clock.now() + 80 * DAY });
  await core.faxplus.addPat({ label: 'archive', pat: far.token });
  // An OAuth app whose refresh token was refused (metadata only; no secret needed here).
  app.core.vault.add(
    {
      label: 'legacy fax',
      provider: 'faxplus',
      kind: 'faxplus-oauth',
      status: 'needs-reauth',
      clientId: 'APIKlegacy',
      redirectMode: 'scheme',
      allowMissingState: false,
      advancedSecurity: true,
      authorizedAt: app.core.clock.now() - 40 * DAY,
      refreshExpiresAt: app.core.clock.now() - 10 * DAY,
    },
    { clientSecret: 'legacy-client-secret' },
  );
}

test('expiring entries get badges and a "Needs attention" group; muting takes one out', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  // Hours pass on main's clock below; the idle lock would get in the way.
  app.core.settings.update({ idleLockMinutes: 0 });
  await seedThroughSandboxes(app);

  // Two hours later the one-hour SMSFactor token has expired, on the sandbox as well.
  app.core.clock.advance(2 * HOUR);
  const expiredNote = app.core.notifier.shown.filter((n) => n.body.includes("'one-hour'"));
  expect(expiredNote.at(-1)?.body).toMatch(/'one-hour' expired just now; replace it/);
  await syncPageClock(app);

  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention).toBeVisible();
  await expect(attention).toContainText('3 need attention');
  const items = attention.getByRole('listitem');
  await expect(items).toHaveCount(3);
  // Most urgent first: re-authorization, expired, then the soonest deadline.
  await expect(items.nth(0)).toContainText(/legacy fax.*Fax\.Plus.*Needs re-auth/);
  await expect(items.nth(1)).toContainText(/one-hour.*SMSFactor.*Expired.*1 hour ago/);
  await expect(items.nth(2)).toContainText(/reports.*Fax\.Plus.*Expires soon.*in 2 days/);
  await expect(attention).not.toContainText('quarterly');

  // Badges on the rows, in words.
  await expect(row(page, 'one-hour')).toContainText('Expired');
  await expect(row(page, 'reports')).toContainText('Expires soon');
  await expect(row(page, 'quarterly')).toContainText('OK');
  await expect(row(page, 'archive')).toContainText('OK');
  await expect(row(page, 'legacy fax')).toContainText('Needs re-authorization');
  await app.shot('reminders-attention-group');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.shot('reminders-attention-group-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The group opens an entry's detail; muting there takes it out of the group.
  await attention.getByRole('button', { name: 'Open reports' }).click();
  const detail = page.getByRole('region', { name: /reports/ }).last();
  const remind = detail.getByRole('switch', { name: 'Remind me before this expires' });
  await expect(remind).toBeChecked();
  await remind.scrollIntoViewIfNeeded();
  await app.shot('reminders-entry-controls');
  await remind.uncheck();
  await expect(remind).not.toBeChecked();
  await expect(items).toHaveCount(2);
  await expect(row(page, 'reports')).toContainText('Reminders off');
  expect(app.core.vault.list().find((e) => e.label === 'reports')?.muted).toBe(true);

  // Snoozing the expired token for a day also takes it out, until the snooze ends.
  await row(page, 'one-hour').click();
  await page.getByRole('group', { name: 'Snooze' }).getByRole('button', { name: '1 day' }).click();
  await expect(items).toHaveCount(1);
  await expect(row(page, 'one-hour')).toContainText('Snoozed');
  await app.shot('reminders-badges');
  expect(app.cspViolations()).toEqual([]);
});

test('the reminders settings change the lead times and close-to-tray, and they persist', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  await openSettings(page);

  const section = page.getByRole('group', { name: 'Reminders' });
  const chips = section.getByRole('list', { name: 'Remind me before a deadline' });
  await expect(chips.getByRole('listitem')).toHaveText(['1 week×', '3 days×', '1 day×', '1 hour×']);
  // What a reminder can say while the vault is locked is said where reminders are set.
  await expect(section).toContainText(
    'While the vault is locked, reminders and the tray still say what is due and when, but not which entry',
  );

  await section.getByRole('button', { name: 'Remove 1 hour' }).click();
  await expect(chips.getByRole('listitem')).toHaveCount(3);

  const add = section.getByLabel('Add a time before the deadline');
  await add.fill('soon');
  await add.press('Enter');
  await expect(section.getByRole('alert')).toContainText('Enter a duration such as 2d');
  await add.fill('2w');
  await add.press('Enter');
  await expect(chips.getByRole('listitem')).toHaveText([
    '2 weeks×',
    '1 week×',
    '3 days×',
    '1 day×',
  ]);
  await expect(add).toHaveValue('');
  await add.fill('3d');
  await section.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(section.getByRole('alert')).toContainText('already in the list');

  const tray = section.getByRole('switch', { name: /Keep running in the tray/ });
  await expect(tray).toBeChecked();
  await tray.uncheck();
  await expect(section.getByRole('status')).toHaveText('Saved');
  await app.shot('reminders-settings');
  expect(app.core.settings.get()).toMatchObject({
    reminderLeadMinutes: [20160, 10080, 4320, 1440],
    closeToTray: false,
  });

  // An app restart: the same choices come back from disk.
  await app.restart();
  await page.reload();
  await unlock(page);
  await openSettings(page);
  await expect(chips.getByRole('listitem')).toHaveText([
    '2 weeks×',
    '1 week×',
    '3 days×',
    '1 day×',
  ]);
  await expect(tray).not.toBeChecked();

  await section.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(chips.getByRole('listitem')).toHaveText(['1 week×', '3 days×', '1 day×', '1 hour×']);
});
