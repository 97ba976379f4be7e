// Through the import screens with a fixture file, as a salon owner would.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { shot } from './screenshots';
import { expect } from './web-host';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'imports');

/** Pick an option of a Mantine Select found by its label. */
async function pick(scope: Page | Locator, label: string, option: string) {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Through every step of the import with what it suggests, the file's country, and texts agreed. */
export async function importFile(page: Page, file: string, country: string, shotPrefix: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Import clients', exact: true }).first().click();
  await page.getByLabel('CSV file').setInputFiles(join(FIXTURES, file));
  await expect(page.getByText(`${file}: 10 client rows`)).toBeVisible();
  await shot(page, `${shotPrefix}-01-check-file`);
  await page.getByRole('button', { name: 'Next: match the columns' }).click();
  await shot(page, `${shotPrefix}-02-match-columns`);
  await page.getByRole('button', { name: 'Next: consent and duplicates' }).click();
  await pick(page, 'Which country are the phone numbers in this file from?', country);
  await page.getByRole('radiogroup', { name: 'Texts: did they agree?' }).getByRole('radio', { name: 'They agreed' }).check();
  await page.getByLabel('Where did they agree?').fill('Agreed to texts at the front desk');
  await shot(page, `${shotPrefix}-03-options`);
  await page.getByRole('button', { name: /^Import 10 rows/ }).click();
  await expect(page.getByTestId('import-added')).toBeVisible({ timeout: 20_000 });
  await shot(page, `${shotPrefix}-04-result`);
}

