// Issue 15: the booking system's nightly export, watched. After an import the owner points the app at
// where the file is saved; the Import page then shows when it runs next, and each run it makes.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, importFile } from './support/import-file';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';

test('the owner has the French export re-imported every night, runs it once now and sees the run listed', async ({ page, webHost }) => {
  // Where the booking system saves its export: outside the app's data folder.
  const exports = mkdtempSync(join(tmpdir(), 'salon-exports-'));
  const path = join(exports, 'clients.csv');
  copyFileSync(join(FIXTURES, 'french-excel-windows-1252.csv'), path);
  try {
    await page.goto(webHost.url);
    await importFile(page, 'french-excel-windows-1252.csv', 'France (FR)', 'watch');
    await page.getByRole('button', { name: 'Re-import this file every night' }).click();
    await page.getByLabel('Where the file is saved').fill(join(exports, 'missing.csv'));
    await page.getByRole('button', { name: 'Import it every night' }).click();
    // A path with no file is refused with why, and nothing is saved.
    await expect(page.getByText(/no file|not find|does not exist/i).first()).toBeVisible();
    await page.getByLabel('Where the file is saved').fill(path);
    await page.getByLabel('Import it every night at').fill('05:30');
    await page.getByRole('button', { name: 'Import it every night' }).click();
    await expect(page.getByText('clients.csv is now imported again every night at 05:30.')).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('button', { name: 'Import clients', exact: true }).first().click();
    const card = page.getByText('Nightly import').locator('xpath=ancestor::*[contains(@class, "mantine-Paper-root")][1]');
    await expect(card).toContainText('Every night at 05:30');
    await expect(card).toContainText(path);
    await expect(card).toContainText('Next import:');
    await expect(card).toContainText('It has not run yet.');
    await card.getByRole('button', { name: 'Run now' }).click();
    const runs = page.getByRole('table', { name: 'Nightly imports' });
    await expect(runs.getByRole('row')).toHaveCount(2, { timeout: 20_000 });
    await expect(runs.getByRole('row').nth(1)).toContainText('Imported');
    await shot(page, 'watch-02-card');
  } finally {
    rmSync(exports, { recursive: true, force: true });
  }
});
