// Steps a user takes, written once so the specs read like the story they test.
import { expect, type Page } from '@playwright/test';

export const masterPassword = 'correct horse battery staple';

export async function createVault(page: Page, password = masterPassword): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.getByLabel('Master password', { exact: true }).fill(password);
  await page.getByLabel('Confirm master password').fill(password);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Tokens', exact: true })).toBeVisible();
}

export async function unlock(page: Page, password = masterPassword): Promise<void> {
  await page.getByLabel('Master password').fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Tokens', exact: true })).toBeVisible();
}

export async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
}
