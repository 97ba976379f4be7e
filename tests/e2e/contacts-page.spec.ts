// The Contacts page after an import: accent-blind search, the tag picker, bulk consent, export, and
// money in the salon's currency whatever its country.
import { readFile } from 'node:fs/promises';
import { rpc } from './support/rpc';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';

test('the owner finds, filters, opts in and exports clients, amounts in the salon’s currency', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await rpc(page, webHost.url, 'settings.update', { country: 'JP', currency: 'EUR' });
  const clients = [
    { name: 'Hélène Dubois', email: 'helene@salon.dev', tags: ['VIP'], totalSpentCents: 52_282, lastVisitAt: '2025-06-12' },
    { name: 'Misaki Sato', firstName: 'Misaki', lastName: 'Sato', email: 'misaki@salon.dev', tags: ['VIP'], totalSpentCents: 1_200 },
    { name: '佐藤 美咲', firstName: '美咲', lastName: '佐藤', email: 'sato@salon.dev', tags: ['Regular'] },
    { name: 'Bo Chen', email: 'bo@salon.dev' },
  ];
  for (const client of clients) await rpc(page, webHost.url, 'contacts.create', client);
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('cell', { name: '€522.82' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Jun 12, 2025' })).toBeVisible();

  const search = page.getByRole('textbox', { name: 'Search clients' });
  await search.fill('HELENE');
  await expect(page.getByText('1 client match “HELENE”.')).toBeVisible();
  await search.fill('佐藤美咲');
  await expect(page.getByRole('button', { name: '佐藤 美咲', exact: true })).toBeVisible();
  await search.fill('');

  await page.getByRole('combobox', { name: 'Tag', exact: true }).click();
  await page.getByRole('option', { name: 'VIP (2)' }).click();
  await expect(page.getByText('2 clients tagged “VIP”.')).toBeVisible();
  await shot(page, 'contacts-01-tag-filter');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export these 2' }).click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  expect(csv.startsWith('\ufeffName,')).toBe(true);
  expect(csv).toContain('Hélène Dubois');
  expect(csv).not.toContain('Bo Chen');

  await page.getByRole('checkbox', { name: /select all/i }).check();
  await expect(page.getByTestId('selection-bar')).toBeVisible();
  await shot(page, 'contacts-02-selection');
  await page.getByRole('button', { name: 'Change consent' }).click();
  await page.getByRole('menuitem', { name: /Opt in/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Clients who opted out are opted back in too', { exact: false })).toBeVisible();
  await shot(page, 'contacts-03-bulk-opt-in', { fullPage: false });
  await dialog.getByRole('button', { name: 'Opt 2 clients in to texts' }).click();
  await expect(dialog.getByText('Say why', { exact: false })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'How did they agree?' }).fill('Signed the consent form at the desk');
  await dialog.getByRole('button', { name: 'Opt 2 clients in to texts' }).click();
  await expect(page.getByText('Recorded: 2 clients agreed to texts.')).toBeVisible();

  await rpc(page, webHost.url, 'settings.update', { currency: 'JPY' });
  await page.reload();
  await expect(page.getByRole('cell', { name: '¥523' })).toBeVisible();
  await shot(page, 'contacts-04-yen');
});
