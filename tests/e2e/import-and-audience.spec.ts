// A messy client list imported by hand, then an audience built from it and saved as a segment.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';

/**
 * What a booking system export looks like after a trip through Excel: a BOM, `;` between columns,
 * CRLF line ends, a line break inside quoted notes, a duplicate row, a number of visits that is not a
 * number, a mobile number Excel turned into 8.19E+11, and a column no client field is called.
 */
const MESSY_CSV =
  '\ufeff' +
  [
    'Full name;Mobile;E-mail;Visits;Total spent;Last visit;Notes;Favourite stylist',
    'Ana Lopez;(415) 555-2671;ana@salon.dev;5;250.00;2025-01-10;Likes balayage;Maria',
    'Bo Chen;415-555-2600;bo@salon.dev;1;40;2025-03-02;"Allergic to ammonia\r\nPatch test first";Sam',
    'Cy Diaz;8.19E+11;cy@salon.dev;3;120;2025-02-01;;Maria',
    'Di Evans;(415) 555-2602;di@salon.dev;lots;80;2025-02-11;;Sam',
    'Ana Lopez;(415) 555-2671;ana@salon.dev;5;250.00;2025-01-10;Likes balayage;Maria',
    'Ed Fox;(415) 555-2603;ed@salon.dev;7;900;2025-04-20;;Sam',
    'Flo Green;;flo@salon.dev;2;60;2024-12-24;;Maria',
  ].join('\r\n') +
  '\r\n';

/** Pick an option of a Mantine Select found by its label. */
async function pick(scope: Page | Locator, label: string, option: string) {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function importMessyList(page: Page, csvPath: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Import clients', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Choose a CSV file' })).toBeVisible();
  await shot(page, 'import-01-choose-file');

  await page.getByLabel('CSV file').setInputFiles(csvPath);
  // The semicolons and the quoted line break are read right: 7 rows, notes in one cell.
  await expect(page.getByText('clients.csv: 7 client rows')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Columns are separated by' })).toHaveValue('Semicolon ( ; )');
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByRole('columnheader', { name: 'Favourite stylist' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: /Allergic to ammonia\s+Patch test first/ })).toBeVisible();
  // Read with the wrong delimiter the file is one column; back to semicolons it is eight again.
  await pick(page, 'Columns are separated by', 'Comma ( , )');
  await expect(preview.getByRole('columnheader')).toHaveCount(1);
  await pick(page, 'Columns are separated by', 'Semicolon ( ; )');
  await expect(preview.getByRole('columnheader')).toHaveCount(8);
  await shot(page, 'import-02-check-file');

  await page.getByRole('button', { name: 'Next: match the columns' }).click();
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('combobox', { name: 'Import “Mobile” as' })).toHaveValue('Mobile number');
  await expect(mapping.getByRole('combobox', { name: 'Import “Total spent” as' })).toHaveValue('Total spent');
  await pick(mapping, 'Import “Favourite stylist” as', 'Keep as custom field “Favourite stylist”');
  // Two columns cannot both be the email: the clash is shown next to the column, and Next waits.
  await pick(mapping, 'Import “Notes” as', 'Email');
  await expect(mapping.getByText('“E-mail” already goes to Email. Pick one of the two.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next: consent and duplicates' })).toBeDisabled();
  await pick(mapping, 'Import “Notes” as', 'Notes');
  await shot(page, 'import-03-match-columns');

  await page.getByRole('button', { name: 'Next: consent and duplicates' }).click();
  await page.getByRole('radio', { name: /Leave them alone/ }).check();
  await page.getByRole('radiogroup', { name: 'Texts: did they agree?' }).getByRole('radio', { name: 'They agreed' }).check();
  await page.getByRole('button', { name: 'Import 7 rows' }).click();
  await expect(page.getByText('Say where they agreed', { exact: false })).toBeVisible();
  await page.getByLabel('Where did they agree?').fill('Agreed to texts when booking on Fresha');
  await page.getByRole('combobox', { name: 'Tag everyone in this file (optional)' }).fill('Imported from Fresha');
  await page.keyboard.press('Enter');
  await shot(page, 'import-04-consent-and-duplicates');
  await page.getByRole('button', { name: 'Import 7 rows' }).click();
}

test('a salon owner imports a messy client list, builds an audience and saves it', async ({ page, webHost }) => {
  const csvPath = join(webHost.dataDir, 'clients.csv');
  await writeFile(csvPath, MESSY_CSV, 'utf8');
  await page.goto(webHost.url);

  await importMessyList(page, csvPath);

  // Six new clients, the repeated Ana skipped (and listed as a duplicate); nobody lost: the Excel-damaged
  // number and "lots" of visits are left out of their clients, with a warning each.
  await expect(page.getByTestId('import-added')).toContainText('6');
  await expect(page.getByTestId('import-updated')).toContainText('0');
  await expect(page.getByTestId('import-skipped')).toContainText('1');
  await expect(page.getByTestId('import-merged')).toContainText('1');
  await expect(page.getByTestId('import-warnings')).toContainText('2');
  await expect(page.getByTestId('import-rejected')).toContainText('0');
  await expect(page.getByTestId('import-merged-rows')).toContainText('Skipped: same client as Ana Lopez');
  await shot(page, 'import-05-result');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download rows with warnings' }).click();
  const warned = await download;
  expect(warned.suggestedFilename()).toBe('clients-warnings.csv');
  const warnedCsv = readFileSync((await warned.path()) ?? '', 'utf8');
  expect(warnedCsv).toContain('Line,Warning');
  expect(warnedCsv).toMatch(/^5,Mobile number not usable: 8\.19E\+11 was damaged by Excel/m);
  expect(warnedCsv).toMatch(/^6,"Visits “lots” should be a whole number/m);

  // The clients, with the consent the import stated: texts agreed, emails not stated.
  await page.getByRole('button', { name: 'View your clients' }).click();
  await expect(page.getByText('You have 6 clients.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Flo Green', exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /Flo Green/ }).getByLabel('SMS: Will not get texts: no mobile number.')).toBeVisible();
  await shot(page, 'import-06-contacts');

  // Ana asks to stop texts: recorded with the reason, and marked everywhere she appears.
  await page.getByRole('button', { name: 'Ana Lopez', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Ana Lopez' });
  await expect(drawer.getByText('Import of clients.csv, line 2: Agreed to texts when booking on Fresha')).toBeVisible();
  await expect(drawer.getByText('Maria')).toBeVisible();
  await shot(page, 'import-07-contact-drawer');
  await drawer.getByRole('button', { name: 'Opt out of texts' }).click();
  const reason = page.getByRole('dialog', { name: 'Ana Lopez no longer wants texts' });
  await reason.getByLabel('Why?').fill('Asked at the front desk to stop texts');
  await shot(page, 'import-08-opt-out-reason');
  await reason.getByRole('button', { name: 'Opt out of texts' }).click();
  await expect(drawer.getByText('Opted out: will not get texts.')).toBeVisible();
  await expect(drawer.getByText('Changed by hand: Asked at the front desk to stop texts')).toBeVisible();

  // Edited from the drawer: only what changed is saved, and the drawer shows it at once.
  await drawer.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('dialog', { name: 'Edit Ana Lopez' });
  await form.getByRole('textbox', { name: 'Visits' }).fill('6');
  await form.getByRole('button', { name: 'More details' }).click();
  await form.getByRole('textbox', { name: 'Lead source' }).fill('Instagram');
  await shot(page, 'import-08b-edit-client');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(drawer.getByText('Instagram')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: /Ana Lopez/ }).getByText('SMS opted out')).toBeVisible();
  await expect(page.getByRole('row', { name: /Ana Lopez/ }).getByRole('cell', { name: '6', exact: true })).toBeVisible();

  // Two clients ticked and tagged at once.
  await page.getByLabel('Select Bo Chen').check();
  await page.getByLabel('Select Flo Green').check();
  await expect(page.getByTestId('selection-bar')).toContainText('2 clients selected');
  await page.getByRole('button', { name: 'Add a tag' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Tag' }).fill('Colour');
  await shot(page, 'import-09-bulk-tag');
  await page.getByRole('dialog').getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('Tagged 2 clients “Colour”.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Flo Green/ }).getByText('Colour')).toBeVisible();

  // The audience builder: everyone, then narrowed down, with the count following each change.
  await page.getByRole('navigation').getByRole('link', { name: 'Audiences' }).click();
  const matched = page.getByTestId('audience-matched');
  await expect(matched).toHaveText('6');
  await expect(page.getByTestId('audience-reach-sms')).toContainText('3 clients can get texts');
  await expect(page.getByTestId('audience-reach-sms')).toContainText('3 left out: 1 opted out, 2 without a mobile number.');
  await expect(page.getByTestId('audience-reach-email')).toContainText('0 clients can get emails');
  await expect(page.getByTestId('audience-reach-email')).toContainText('6 left out: 6 without consent.');
  await shot(page, 'audience-01-everyone');

  await page.getByRole('button', { name: 'Add a condition', exact: true }).click();
  const first = page.getByTestId('audience-condition').nth(0);
  await pick(first, 'Field', 'Visits');
  await pick(first, 'Condition', 'is at least');
  await first.getByRole('textbox', { name: 'Value' }).fill('3');
  await expect(matched).toHaveText('3');

  await page.getByRole('button', { name: 'Add a condition', exact: true }).click();
  const second = page.getByTestId('audience-condition').nth(1);
  await pick(second, 'Field', 'Favourite stylist');
  await pick(second, 'Condition', 'is');
  await second.getByRole('textbox', { name: 'Value' }).fill('Maria');
  await expect(matched).toHaveText('2');
  await expect(page.getByTestId('audience-sample').getByText('Ana Lopez')).toBeVisible();
  await expect(page.getByTestId('audience-sample').getByText('SMS opted out')).toBeVisible();
  await shot(page, 'audience-02-all-conditions');

  const rootMatch = page.getByRole('radiogroup', { name: 'Match all or any', exact: true });
  await rootMatch.getByRole('radio', { name: 'any' }).check();
  await expect(matched).toHaveText('4');
  await rootMatch.getByRole('radio', { name: 'all' }).check();
  await expect(matched).toHaveText('2');

  // Maria's clients who either come often or are tagged Colour: a group inside the audience.
  await first.getByRole('button', { name: 'Remove this condition' }).click();
  await expect(matched).toHaveText('3');
  await page.getByRole('button', { name: /Add a group/ }).click();
  const group = page.getByTestId('audience-group');
  const inGroup = group.getByTestId('audience-condition');
  await pick(inGroup.nth(0), 'Field', 'Visits');
  await pick(inGroup.nth(0), 'Condition', 'is at least');
  await inGroup.nth(0).getByRole('textbox', { name: 'Value' }).fill('3');
  await expect(matched).toHaveText('2');
  await group.getByRole('button', { name: 'Add a condition to this group' }).click();
  await pick(inGroup.nth(1), 'Field', 'Tags');
  await inGroup.nth(1).getByRole('combobox', { name: 'Tags' }).click();
  await page.getByRole('option', { name: 'Colour', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(matched).toHaveText('3');
  await shot(page, 'audience-03-nested-group');

  await page.getByLabel('Segment name').fill('Maria’s regulars');
  await page.getByRole('button', { name: 'Save as segment' }).click();
  await expect(page.getByTestId('segment-list').getByText('Maria’s regulars')).toBeVisible();

  // A second segment with the same name is refused next to the name.
  await page.getByRole('button', { name: 'Save as a new segment' }).click();
  await expect(page.getByText('There is already a segment called “Maria’s regulars”.')).toBeVisible();
  await shot(page, 'audience-04-saved-and-duplicate-name');

  await page.reload();
  await expect(page.getByTestId('segment-list').getByText('Maria’s regulars')).toBeVisible();
  await page.getByRole('button', { name: 'Open Maria’s regulars' }).click();
  await expect(matched).toHaveText('3');
  await expect(page.getByTestId('audience-condition')).toHaveCount(3);
  await shot(page, 'audience-05-segment-reopened');

  // A broadcast reaches only the clients who agreed, and says who it leaves out.
  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await page.getByRole('button', { name: /New broadcast|Write your first broadcast/ }).first().click();
  await page.getByLabel('Broadcast name').fill('Reach check');
  await page.getByRole('button', { name: 'Next: Audience' }).click();
  await expect(page.getByText('3 left out: 1 opted out, 2 without a mobile number.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Next: Compose' }).click();
  await expect(page.getByTestId('reach-strip')).toContainText('3 by text');
  await shot(page, 'broadcast-reach-sms');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('radio', { name: 'Email', exact: true }).check();
  for (const next of ['Audience', 'Compose', 'Schedule', 'Review']) await page.getByRole('button', { name: `Next: ${next}` }).click();
  await expect(page.getByTestId('review-problems')).toContainText('Nobody in this audience can get this broadcast yet');
  await shot(page, 'broadcast-reach-email');
});
