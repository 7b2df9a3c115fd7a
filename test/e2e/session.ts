import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './global-setup.js';

/** What every browser test does: sign in as a person, and keep screenshots of what they see. */
export const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

/** Signs in through the login page; with `home`, waits until the role's start page is open. */
export async function signIn(page: Page, email: string, home?: RegExp): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  if (home) await expect(page).toHaveURL(home);
}

/**
 * Signs out with the header's button and waits for the sign-in form: the sign-out finishes (Auth
 * clears its IndexedDB entry) before the next sign-in loads the page again.
 */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByLabel('Kata sandi')).toBeVisible();
}
