// A text scheduled for tomorrow: paused, resumed, cancelled, copied, and found again in the list.
import type { Page } from '@playwright/test';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';

async function addClient(page: Page, client: { name: string; phone: string }) {
  await page.getByRole('button', { name: 'Add client' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(client.name);
  await dialog.getByRole('textbox', { name: 'Mobile number', exact: true }).fill(client.phone);
  await dialog.getByLabel('Agreed to receive texts').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: client.name, exact: true })).toBeVisible();
}

test('a salon owner schedules a text, pauses, resumes, cancels and copies it', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await addClient(page, { name: 'Ana Lopez', phone: '(415) 555-2671' });
  await addClient(page, { name: 'Di Evans', phone: '415.555.2600' });

  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await page.getByRole('button', { name: /New broadcast|Write your first broadcast/ }).first().click();
  await page.getByLabel('Broadcast name').fill('Holiday hours');
  await page.getByLabel('Message').fill('We open late tomorrow: 10:30 to 19:00. See you soon!');
  await expect(page.getByText(/Will go to 2 clients/)).toBeVisible();
  await page.getByRole('radio', { name: 'Schedule for later' }).check();
  // Tomorrow on the salon's clock is offered first.
  await expect(page.getByLabel('Date')).not.toHaveValue('');
  await page.getByLabel('Time').fill('10:30');
  await expect(page.getByRole('button', { name: 'Schedule', exact: true })).toBeVisible();
  await shot(page, 'lifecycle-01-new-scheduled');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(/Schedule for \w{3} \d{1,2} \w{3} at 10:30 \(.+\) to 2 clients\?/);
  await shot(page, 'lifecycle-02-confirm-schedule');
  await confirm.getByRole('button', { name: 'Schedule', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Holiday hours' })).toBeVisible();
  await expect(page.getByText('Scheduled', { exact: true })).toBeVisible();
  await expect(page.getByTestId('schedule')).toContainText(/Goes out \w{3} \d{1,2} \w{3} at 10:30/);
  await expect(page.getByTestId('stat-cancelled')).toHaveCount(0);
  await shot(page, 'lifecycle-03-scheduled');

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(confirm).toContainText('2 messages not yet sent will wait until you resume.');
  await shot(page, 'lifecycle-04-confirm-pause');
  await confirm.getByRole('button', { name: 'Pause' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  await shot(page, 'lifecycle-05-paused');

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(confirm).toContainText('2 messages waiting will be sent');
  await confirm.getByRole('button', { name: 'Resume' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Scheduled', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Cancel broadcast' }).click();
  await expect(confirm).toContainText('will never be sent');
  await shot(page, 'lifecycle-06-confirm-cancel');
  await confirm.getByRole('button', { name: 'Cancel broadcast' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('stat-cancelled')).toContainText('2');
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  await expect(page.getByText('Not sent (cancelled)')).toHaveCount(2);
  await shot(page, 'lifecycle-07-cancelled');

  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { name: 'Holiday hours (copy)' })).toBeVisible();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send now' })).toBeVisible();
  await shot(page, 'lifecycle-08-copy-draft');

  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await expect(page.getByRole('cell', { name: 'Holiday hours (copy)', exact: true })).toBeVisible();
  await shot(page, 'lifecycle-09-broadcasts');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Cancelled' }).click();
  await expect(page.getByRole('cell', { name: 'Holiday hours', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Holiday hours (copy)', exact: true })).toHaveCount(0);
  await shot(page, 'lifecycle-10-filtered');
  await page.getByRole('textbox', { name: 'Search broadcasts' }).fill('birthday');
  await expect(page.getByText('Nothing matches')).toBeVisible();
  await shot(page, 'lifecycle-11-nothing-matches');
  await page.getByRole('button', { name: 'Show all broadcasts' }).click();
  await expect(page.getByRole('cell', { name: 'Holiday hours (copy)', exact: true })).toBeVisible();
});
