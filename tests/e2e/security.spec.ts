// Browser-side checks of security.md: the CSP blocks injected inline script (2), the page sees
// exactly the contract on window.tokenVault (8), and hostile labels render as text (33).
import { parseCsp } from '../../main/core/app/csp.policy';
import { channels, events } from '../../preload/api';
import { expect, test } from './harness/fixtures';
import { createVault } from './harness/flows';

test('the CSP blocks an injected inline <script> (security.md 2)', async ({ app }) => {
  const { page } = app;
  const response = await page.goto(`${app.origin}/index.html`);
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self'");
  expect(header).not.toContain('unsafe-inline');
  expect(header).not.toContain('unsafe-eval');
  // The page's meta policy is main's policy (frame-ancestors only works as a header).
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  const withoutFrameAncestors = [...parseCsp(header)].filter(
    ([name]) => name !== 'frame-ancestors',
  );
  expect([...parseCsp(meta ?? '')]).toEqual(withoutFrameAncestors);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.effectiveDirective),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);
    const handler = document.createElement('div');
    handler.setAttribute('onclick', 'window.__injected = true;');
    document.body.appendChild(handler);
    handler.click();
    // Violation reports are queued as a task; let them arrive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return {
      ran: (window as unknown as { __injected?: boolean }).__injected === true,
      violations,
    };
  });
  expect(outcome.ran).toBe(false);
  // The console watcher the other specs rely on (cspViolations() == []) does see violations.
  await expect.poll(() => app.cspViolations().length).toBeGreaterThan(0);
  expect(outcome.violations).toEqual(
    expect.arrayContaining(['script-src-elem', 'script-src-attr']),
  );
});

test('window.tokenVault is exactly the contract (security.md 8)', async ({ app }) => {
  const { page } = app;
  await app.open();
  const keys = await page.evaluate(() => Object.keys(window.tokenVault ?? {}).sort());
  expect(keys).toEqual([...Object.keys(channels), ...Object.keys(events)].sort());
  expect(keys).not.toContain('invoke');
  expect(keys).not.toContain('ipcRenderer');
  const frozen = await page.evaluate(() => Object.isFrozen(window.tokenVault));
  expect(frozen).toBe(true);

  // A listener receives the payload alone, never an (Electron) event object.
  await page.evaluate(() => {
    const seen: unknown[][] = [];
    (window as unknown as { __seen: unknown[][] }).__seen = seen;
    window.tokenVault?.onEntriesChanged((...args: unknown[]) => seen.push(args));
  });
  await app.emit('event:entries-changed', { reason: 'test' });
  const seen = await page.evaluate(() => (window as unknown as { __seen: unknown[][] }).__seen);
  expect(seen).toEqual([[{ reason: 'test' }]]);
});

test('a label holding HTML is shown as text (security.md 33)', async ({ app }) => {
  const { page } = app;
  await app.open();
  await createVault(page);
  const label = '<img src=x onerror="window.__xss=1"><b>bold</b>';
  app.core.vault.add(
    {
      label,
      provider: 'faxplus',
      kind: 'faxplus-pat',
      status: 'active',
      expiresAt: null,
      scopes: [],
      preview: 'alohi_pat_…beef',
    },
    { pat: 'alohi_pat_e2e_secret_value_beef' },
  );
  const row = page.getByRole('listbox').getByRole('option', { name: label });
  await expect(row).toBeVisible();
  await expect(row.locator('.row__label')).toHaveText(label);
  await expect(page.locator('.list img, .list b')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
  // The secret itself never reaches the page.
  expect(await page.content()).not.toContain('alohi_pat_e2e_secret_value_beef');
  await app.shot('html-label');
});
