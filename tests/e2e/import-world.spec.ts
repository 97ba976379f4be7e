// Issue 13: real client lists come in whole. A French salon's Excel export (Windows-1252, semicolons,
// day-first dates, euro amounts) and a Japanese salon's (Shift_JIS, family name first, full-width
// digits) imported through the screens, then named clients checked field by field.
import type { Page } from '@playwright/test';
import { importFile } from './support/import-file';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';

/** Open a client from the list and check each of their details as the drawer shows it. */
async function expectClient(page: Page, name: string, facts: Record<string, string>) {
  await page.getByRole('button', { name, exact: true }).click();
  const drawer = page.getByRole('dialog', { name });
  for (const [label, value] of Object.entries(facts)) {
    await expect(drawer.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]'), label).toHaveText(value);
  }
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
}

test('a French salon’s Excel export in Windows-1252 comes in whole, accents, dates and euros read right', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await importFile(page, 'french-excel-windows-1252.csv', 'France (FR)', 'import-fr');

  // A US salon sees foreign numbers in international form. Ten rows: the total line Excel users add under the list is the one not imported.
  await expect(page.getByTestId('import-rejected')).toContainText('1');
  await expect(page.getByTestId('import-added')).toContainText('9');
  // Hélène's email is unusable, but she is kept with her mobile number, and the owner is told.
  await expect(page.getByRole('row', { name: /^6\s+Email not usable: “helene\.boeuf@exemple”/ })).toBeVisible();
  await page.getByRole('button', { name: 'View your clients' }).click();
  await expectClient(page, 'Hélène Bœuf', { 'Mobile number': '+33 6 55 44 33 22', 'Last name': 'Bœuf' });
  await expectClient(page, 'Élodie Lefèvre', {
    'Mobile number': '+33 6 12 34 56 78',
    Email: 'elodie.lefevre@exemple.fr',
    'First name': 'Élodie',
    'Last name': 'Lefèvre',
    Birthday: 'April 23, 1990',
    'Last visit': 'Nov 28, 2024',
    Visits: '24',
  });
  await expectClient(page, 'François Côté', { 'Mobile number': '+33 6 98 76 54 32', 'First name': 'François', 'Last name': 'Côté' });
  await shot(page, 'import-fr-05-contacts');
});

test('a Japanese salon’s list in Shift_JIS keeps family names first and reads full-width digits', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await importFile(page, 'japanese-shift-jis.csv', 'Japan (JP)', 'import-jp');

  await expect(page.getByTestId('import-rejected')).toContainText('1');
  await page.getByRole('button', { name: 'View your clients' }).click();
  await expectClient(page, '山田 花子', {
    'Mobile number': '+81 90 1234 5678',
    Email: 'hanako.yamada@example.jp',
    'First name': '花子',
    'Last name': '山田',
    Visits: '24',
  });
  // ０７０−３４５６−７８９０, typed in full-width digits, is the same mobile number.
  await expectClient(page, '鈴木 一郎', { 'Mobile number': '+81 70 3456 7890', 'First name': '一郎', 'Last name': '鈴木' });
  await shot(page, 'import-jp-05-contacts');
});
