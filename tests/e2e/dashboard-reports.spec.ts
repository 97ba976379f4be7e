// After a first text broadcast: the dashboard counts it and charts it, the Reports page's totals are
// the CSV's rows, and the client's drawer lists the message on its timeline.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { addClient } from './support/clients';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';
import { reviewTextBroadcast } from './support/wizard';

const BOM = '\uFEFF';

test('the dashboard, the Reports page and a client’s timeline follow a sent broadcast', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await expect(page.getByText('Get started')).toBeVisible();
  await expect(page.getByTestId('sent-today')).toHaveCount(0);
  await shot(page, 'dashboard-reports-01-empty');

  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await addClient(page, { name: 'Ana Lopez', phone: '(415) 555-2671' });
  await addClient(page, { name: 'Di Evans', phone: '415.555.2600' });
  // A toll-free number: the sandbox refuses the text, as Twilio would.
  await addClient(page, { name: 'Bo Chen', phone: '(800) 555-0199' });

  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await reviewTextBroadcast(page, { name: 'Spring offer', body: 'Spring is here! 20% off colour this week.' });
  await page.getByRole('dialog').getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(page.getByTestId('stat-delivered')).toContainText('2', { timeout: 30_000 });
  await expect(page.getByTestId('stat-failed')).toContainText('1');
  // The toll-free number can never get texts: marked so on the client.
  await page.getByTestId('failure-21614').getByRole('button', { name: 'Stop texting these numbers' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop texting them' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  const todayTexts = page.getByTestId('sent-today-sms');
  await expect(todayTexts).toContainText('2 sent');
  // The refused toll-free text was tried and failed, today, as the report says.
  await expect(todayTexts).toContainText('2 delivered · 66.7% of 3 tried · 1 failed');
  await expect(page.getByTestId('sent-month-sms')).toContainText('2 sent');
  await expect(page.getByTestId('alerts')).toContainText('33.3 % of the texts tried in the last 7 days were not delivered (1 of 3).');
  await expect(page.getByText('Get started')).toHaveCount(0);
  const chart = page.getByTestId('messages-per-day');
  await expect(chart.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await shot(page, 'dashboard-reports-02-dashboard');

  await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/#\/reports$/);
  await expect(page.getByTestId('report-recipients')).toContainText('3');
  await expect(page.getByTestId('report-sent')).toContainText('2');
  await expect(page.getByTestId('report-delivered')).toContainText('2');
  await expect(page.getByTestId('report-failed')).toContainText('1');
  await shot(page, 'dashboard-reports-03-reports');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download delivery report (CSV)' }).click();
  const file = readFileSync(await (await download).path(), 'utf8');
  expect(file.startsWith(BOM)).toBe(true);
  const [header, ...rows] = parse(file.slice(BOM.length), { delimiter: ',' }) as string[][];
  expect(header?.slice(0, 10)).toEqual(['Broadcast', 'Day', 'Channel', 'Client name', 'Client id', 'Address', 'Status', 'Status meaning', 'Error code', 'Reason']);
  expect(header).toContain('Replied');
  expect(header).toContain('Opted out after');
  expect(rows).toHaveLength(3);
  const statusOf = (name: string) => rows.find((row) => row[3] === name)?.[6];
  expect([statusOf('Ana Lopez'), statusOf('Di Evans'), statusOf('Bo Chen')]).toEqual(['Delivered', 'Delivered', 'Failed']);

  // Failed messages only: the totals follow the filter, and a range with nothing in it says so.
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Failed or not delivered' }).click();
  await expect(page.getByTestId('report-recipients')).toContainText('1');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2000-01-31');
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2000-01-01');
  await expect(page.getByText('No messages match these dates and filters.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download delivery report (CSV)' })).toBeDisabled();

  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  const boRow = page.getByRole('row').filter({ hasText: 'Bo Chen' });
  await expect(boRow.getByLabel('Texts can’t reach this number: Not a mobile number')).toBeVisible();
  await boRow.getByRole('button', { name: 'Bo Chen', exact: true }).click();
  const unusable = page.getByTestId('sms-unusable');
  await expect(unusable).toContainText('Texts can’t reach this number: Not a mobile number (21614), since');
  const timeline = page.getByTestId('client-timeline');
  await expect(timeline).toContainText('Text from Spring offer');
  await expect(timeline).toContainText('Failed: Not a mobile number (21614)');
  await expect(timeline).toContainText('SMS: agreed');
  await shot(page, 'dashboard-reports-04-client-unusable', { fullPage: false });
  await timeline.scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-reports-05-client-timeline', { fullPage: false });

  // The client says it is a mobile after all: the mark goes, on the drawer and in the list.
  await unusable.getByRole('button', { name: 'It’s a mobile, text it again' }).click();
  await expect(page.getByTestId('sms-unusable')).toHaveCount(0);
  await expect(page.getByText('Agreed to get texts.')).toBeVisible();
  await expect(boRow.getByLabel('Texts can’t reach this number: Not a mobile number')).toHaveCount(0);
});
