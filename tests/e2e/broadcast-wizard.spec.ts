// The wizard end to end: a 3-day text & email sequence, previewed for a chosen client, scheduled in
// the sandbox, then paused, resumed and cancelled from its page.
import { addClient } from './support/clients';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';

test('a salon owner builds a 3-day text & email sequence, previews it and launches it', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await addClient(page, { name: 'Ana Lopez', phone: '(415) 555-2671', email: 'ana@salon.dev', agreed: { texts: true, emails: true } });
  await addClient(page, { name: 'Di Evans', phone: '415.555.2600', email: 'di@salon.dev', agreed: { texts: true, emails: true } });

  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await page.getByRole('button', { name: /New broadcast|Write your first broadcast/ }).first().click();

  // 1. Type
  await page.getByRole('button', { name: 'Next: Audience' }).click();
  await expect(page.getByText('Give the broadcast a name')).toBeVisible();
  await page.getByLabel('Broadcast name').fill('Welcome week');
  await page.getByRole('radio', { name: 'Text & email' }).check();
  await page.getByRole('radio', { name: 'A sequence over several days' }).check();
  await expect(page.getByTestId('save-status')).toHaveText('Draft saved');
  await shot(page, 'wizard-01-type');
  await page.getByRole('button', { name: 'Next: Audience' }).click();

  // 2. Audience: everyone who agreed
  await expect(page.getByText('Who this reaches')).toBeVisible();
  await shot(page, 'wizard-02-audience');
  await page.getByRole('button', { name: 'Next: Compose' }).click();

  // 3. Compose three days
  await expect(page.getByTestId('reach-strip')).toContainText('Audience: 2 clients');
  await page.getByRole('textbox', { name: 'Text message' }).fill('Hi {{firstName|there}}, welcome to Luxe! Book your first visit: 20% off.');
  await page.getByRole('textbox', { name: 'Email subject' }).fill('Welcome, {{firstName|friend}}');
  await page.getByRole('textbox', { name: 'Email message' }).fill('# Welcome!\n\nWe are **so glad** you found us.');
  await page.getByRole('button', { name: 'Add a day' }).click();
  await page.getByRole('textbox', { name: 'Text message' }).fill('Day two: our stylists are ready for you.');
  await page.getByRole('textbox', { name: 'Email subject' }).fill('Meet the team');
  await page.getByRole('textbox', { name: 'Email message' }).fill('Our stylists are ready for you.');
  await page.getByRole('button', { name: 'Add a day' }).click();
  await page.getByRole('textbox', { name: 'Text message' }).fill('Last day of your 20% welcome offer, {{firstName|there}}!');
  await page.getByRole('textbox', { name: 'Email subject' }).fill('Last day of your offer');
  await page.getByRole('textbox', { name: 'Email message' }).fill('The welcome offer ends today.');
  await expect(page.getByRole('radio', { name: 'Day 3' })).toBeChecked();

  // Preview Day 3 as Di gets it.
  const preview = page.getByTestId('message-preview');
  await preview.getByLabel('As sent to').fill('Di');
  await page.getByRole('option', { name: 'Di Evans' }).click();
  await expect(preview.getByTestId('preview-sms')).toHaveText('Last day of your 20% welcome offer, Di!\nReply STOP to opt out');
  await shot(page, 'wizard-03-compose-sms-preview');
  await preview.getByRole('tab', { name: 'Email' }).click();
  await expect(preview.getByTestId('preview-email-subject')).toHaveText('Last day of your offer');
  await shot(page, 'wizard-04-compose-email-preview');
  await page.getByRole('button', { name: 'Next: Schedule' }).click();

  // 4. Schedule: Day 1 tomorrow at 10:00, the others follow at the same time.
  await page.getByRole('radio', { name: 'At a time I pick' }).first().check();
  await expect(page.getByTestId('schedule-day-1')).toContainText(/Goes out \w{3} \d{1,2} \w{3} at 10:00/);
  await expect(page.getByTestId('schedule-day-3')).toContainText(/Goes out \w{3} \d{1,2} \w{3} at 10:00/);
  await shot(page, 'wizard-05-schedule');
  await page.getByRole('button', { name: 'Next: Review' }).click();

  // 5. Review and launch
  await expect(page.getByTestId('review-recipients')).toContainText('2');
  await expect(page.getByTestId('review-timeline').getByRole('row')).toHaveCount(4);
  await expect(page.getByTestId('review-cost')).toContainText('6 text segments');
  await expect(page.getByTestId('review-problems')).toHaveCount(0);
  await shot(page, 'wizard-06-review');
  await page.getByTestId('launch').click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Launch “Welcome week” to 2 clients?');
  await confirm.getByRole('button', { name: 'Schedule', exact: true }).click();

  // The broadcast's page shows the schedule of all three days.
  // Launch leaves the wizard for the broadcast's own page.
  await expect(page).toHaveURL(/#\/broadcasts\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Welcome week', exact: true })).toBeVisible();
  await expect(page.getByText('Scheduled', { exact: true })).toBeVisible();
  for (const day of ['Day 1', 'Day 2', 'Day 3']) await expect(page.getByText(day, { exact: false }).first()).toBeVisible();
  await expect(page.getByTestId('stat-pending')).toContainText('12');
  await shot(page, 'wizard-07-broadcast-scheduled');

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(confirm).toContainText('12 messages not yet sent will wait until you resume.');
  await confirm.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(confirm).toContainText('12 messages waiting will be sent');
  await confirm.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('Scheduled', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel broadcast' }).click();
  await expect(confirm).toContainText('12 messages not yet sent will never be sent');
  await confirm.getByRole('button', { name: 'Cancel broadcast' }).click();
  await expect(page.getByTestId('stat-cancelled')).toContainText('12');
  await shot(page, 'wizard-08-cancelled');
});
