// A text scheduled for tomorrow: paused, resumed, cancelled, copied, and found again in the list.
import { addClient } from './support/clients';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';
import { reviewTextBroadcast } from './support/wizard';

test('a salon owner schedules a text, pauses, resumes, cancels and copies it', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await addClient(page, { name: 'Ana Lopez', phone: '(415) 555-2671' });
  await addClient(page, { name: 'Di Evans', phone: '415.555.2600' });

  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await reviewTextBroadcast(page, {
    name: 'Holiday hours',
    body: 'We open late tomorrow: 10:30 to 19:00. See you soon!',
    tomorrowAt: '10:30',
    shots: { compose: 'lifecycle-01-new', review: 'lifecycle-01b-review-scheduled' },
  });
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Launch “Holiday hours” to 2 clients?');
  await shot(page, 'lifecycle-02-confirm-schedule');
  await confirm.getByRole('button', { name: 'Schedule', exact: true }).click();

  // Launch leaves the wizard for the broadcast's own page.
  await expect(page).toHaveURL(/#\/broadcasts\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Holiday hours', exact: true })).toBeVisible();
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
  // The copy opens in the wizard, as a draft ready to change and send.
  await expect(page.getByRole('heading', { name: 'Holiday hours (copy)' })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Draft saved');
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
