// Issue 15 in the app: two machines (two pages, each with its own core and vault folder in
// this process) share entries through a real PostgreSQL. Alice creates the team, Bob asks to
// join and reads out his fingerprint, Alice invites him (a wrong fingerprint is refused), she
// shares an entry and it appears on Bob's machine; Bob shares one and it reaches Alice's list
// by itself (LISTEN/NOTIFY). Removing Bob says plainly that he keeps what he saw.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { NewEntry } from '../../main/core/vault/vault.types';
import { postgresBin, startPostgres, type PostgresServer } from '../support/postgres';
import { startAppCore, type AppCore } from './harness/app-core';
import { FakeIpcMain } from './harness/fake-ipc-main';
import { expect, test } from './harness/fixtures';
import { createVault } from './harness/flows';
import { installBridge } from './harness/page-bridge';
import { screenshot } from './harness/screenshots';

const HAVE_POSTGRES = postgresBin() !== undefined;
let server: PostgresServer;

test.beforeAll(async () => {
  if (HAVE_POSTGRES) server = await startPostgres();
});
test.afterAll(() => server?.stop());

const apiKey = (label: string): NewEntry => ({
  label,
  provider: 'api-key',
  kind: 'api-key',
  status: 'active',
  headerName: 'X-Api-Key',
  template: '{token}',
  extraHeaders: [],
  expiresAt: null,
});

interface Machine {
  page: Page;
  core: AppCore;
  close(): Promise<void>;
}

/** A second machine: its own vault folder, core and IPC, in a second page of the browser. */
async function secondMachine(
  context: BrowserContext,
  apiBundle: string,
  origin: string,
): Promise<Machine> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokenvault-e2e-b-'));
  const ipc = new FakeIpcMain();
  const page = await context.newPage();
  const bridge = await installBridge(page, ipc, apiBundle);
  const core = await startAppCore({ dataDir, ipc, trustedOrigins: [origin] });
  const stopEvents = core.onEvent((event, payload) => void bridge.emit(event, payload));
  await page.goto(`${origin}/index.html`);
  await page.locator('#root > *').first().waitFor();
  return {
    page,
    core,
    async close() {
      stopEvents();
      await core.stop();
      await page.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function connectTeam(page: Page, mode: 'init' | 'join', name: string): Promise<void> {
  await page.getByRole('button', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { name: 'Team', exact: true })).toBeVisible();
  await page.getByLabel('What to do').selectOption(mode === 'init' ? 'init' : 'join');
  const connection = page.getByLabel('Connection string');
  await expect(connection).toHaveAttribute('type', 'password');
  await connection.fill(server.url);
  await page.getByLabel('Your name in the team').fill(name);
  await page.getByLabel('Team name (optional)').fill('ops');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Team “ops”' })).toBeVisible();
}

// Skipped only on a machine without PostgreSQL (the integration suites skip the same way);
// .ci/run installs it, so CI always runs this.
test.skip(!HAVE_POSTGRES, 'PostgreSQL is not installed here');

test('two machines: invite by fingerprint, share an entry, see it appear on the other', async ({
  app,
  built,
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await app.open();
  await createVault(page);
  const bob = await secondMachine(page.context(), built.apiBundle, app.origin);
  try {
    await createVault(bob.page);

    // Alice makes the team; a bad connection string is said beside its field first.
    await page.getByRole('button', { name: 'Team' }).click();
    await page.getByLabel('Connection string').fill('mysql://nope');
    await page.getByLabel('Your name in the team').fill('alice');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(
      page.getByText('The connection string must start with postgres://.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Back to tokens' }).click();
    await connectTeam(page, 'init', 'alice');
    await expect(page.getByText(/^You are alice\. Your fingerprint: [A-Z2-9-]{19}$/)).toBeVisible();

    // Bob asks to join and sees the fingerprint to read out.
    await connectTeam(bob.page, 'join', 'bob');
    const pending = bob.page.getByText(/Waiting for an admin to invite you/);
    await expect(pending).toBeVisible();
    const fingerprint = ((await pending.textContent()) ?? '').match(
      /[A-Z2-9]{4}(-[A-Z2-9]{4}){3}/,
    )?.[0];
    expect(fingerprint).toBeDefined();
    await screenshot(bob.page, testInfo, 'team-pending');

    // Alice's open Team section shows Bob waiting by itself (a NOTIFY on the members); a
    // fingerprint that is not his invites nobody.
    const bobRow = page.getByRole('row', { name: /bob/ });
    await expect(bobRow).toContainText('Waiting for invitation');
    await bobRow.getByRole('button', { name: 'Invite…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite bob' });
    await dialog.getByLabel('Fingerprint bob read out to you').fill('AAAA-BBBB-CCCC-DDDD');
    await dialog.getByRole('button', { name: 'Invite' }).click();
    await expect(dialog.getByText(/The fingerprint does not match/)).toBeVisible();
    await dialog.getByLabel('Fingerprint bob read out to you').fill(fingerprint ?? '');
    await dialog.getByRole('button', { name: 'Invite' }).click();
    await expect(page.getByText('bob can now open the shared entries.')).toBeVisible();
    await expect(bobRow).toContainText('Active');
    await screenshot(page, testInfo, 'team-members');
    // Bob's app learns it at once: he holds the team key now.
    await expect(bob.page.getByText(/^You are bob\./)).toBeVisible();

    // Alice shares an entry from its detail.
    app.core.vault.add(apiKey('CI deploy key'), { secret: 'ak_live_e2e_1234567890' });
    await page.getByRole('button', { name: 'Back to tokens' }).click();
    await page.getByRole('option', { name: /CI deploy key/ }).click();
    await page.getByRole('button', { name: 'Share with team' }).click();
    await expect(
      page.getByText('“CI deploy key” is now shared with the team “ops”.'),
    ).toBeVisible();
    await expect(page.getByText('Shared with the team “ops”')).toBeVisible();

    // Bob's list gets the shared entry by itself (LISTEN/NOTIFY on the entries).
    await bob.page.getByRole('button', { name: 'Back to tokens' }).click();
    await expect(bob.page.getByRole('option', { name: /CI deploy key/ })).toBeVisible();
    await bob.page.getByRole('option', { name: /CI deploy key/ }).click();
    await expect(bob.page.getByText('Shared with the team “ops”')).toBeVisible();
    // Its history is the team's: who shared it.
    await expect(bob.page.getByText('Shared with the team', { exact: true })).toBeVisible();
    await expect(bob.page.locator('.history').getByText('alice')).toBeVisible();
    await screenshot(bob.page, testInfo, 'team-shared-entry');

    // Bob shares one of his: it reaches Alice's list without her doing anything.
    bob.core.vault.add(apiKey('Staging webhook'), { secret: 'ak_test_e2e_0987654321' });
    await bob.page.getByRole('option', { name: /Staging webhook/ }).click();
    await bob.page.getByRole('button', { name: 'Share with team' }).click();
    await expect(page.getByRole('option', { name: /Staging webhook/ })).toBeVisible({
      timeout: 15_000,
    });

    // Removing Bob says he keeps what he saw, and names what to rotate.
    await page.getByRole('button', { name: 'Team' }).click();
    await page.getByRole('row', { name: /bob/ }).getByRole('button', { name: 'Remove…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove bob from the team?' });
    await expect(confirm).toContainText('bob keeps whatever they already saw');
    await screenshot(page, testInfo, 'team-remove');
    await confirm.getByRole('button', { name: 'Remove and rotate the key' }).click();
    await expect(
      page.getByText(/bob was removed\. Rotate at their provider: .*CI deploy key/),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /bob/ })).toContainText('Removed');

    // The database stops: Alice's app says since when, and the shared entries stay usable.
    server.kill();
    try {
      await expect(
        page.getByText(/The team database cannot be reached \(offline since/),
      ).toBeVisible({
        timeout: 15_000,
      });
      await screenshot(page, testInfo, 'team-offline');
      await page.getByRole('button', { name: 'Back to tokens' }).click();
      await page.getByRole('option', { name: /CI deploy key/ }).click();
      await expect(page.getByText('X-Api-Key: ••••••••7890')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Move to personal' })).toBeDisabled();
    } finally {
      server.restart();
    }
    await page.getByRole('button', { name: 'Team' }).click();
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByText(/offline since/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Check again' })).toHaveCount(0);
  } finally {
    await bob.close();
  }
});
