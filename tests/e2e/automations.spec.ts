// Automations: the Birthday one reworded, previewed on clients with birthdays coming, turned on,
// rehearsed in sandbox, and its decision in the client's drawer.
import type { Page } from '@playwright/test';
import { rpc } from './support/rpc';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';

/** A birthday `days` from today in the salon's zone, in 1990: '1990-MM-DD'. */
function birthdayIn(days: number, timeZone: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return `1990-${date.toISOString().slice(5, 10)}`;
}

/** Also saved to /tmp/shots-auto/ to look at. */
async function look(page: Page, name: string, fullPage = true): Promise<void> {
  await shot(page, name, { fullPage });
  await page.screenshot({ path: `/tmp/shots-auto/${name}.png`, fullPage, animations: 'disabled' });
}

test('the owner rewords the birthday automation, previews it, turns it on, rehearses it and sees it on the client', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  const { timeZone } = (await rpc(page, webHost.url, 'settings.get', {})) as { timeZone: string };
  const texts = { sms: 'granted', email: 'unknown' };
  // Birthday goes 7 days before: Dora's is due today; Ana's and Ben's later this week; Chloé's in a month (within the rehearsal's 30 days, not this week).
  const clients = [
    { name: 'Dora Diaz', phone: '(415) 555-2601', birthday: birthdayIn(7, timeZone) },
    { name: 'Ana Lopez', phone: '(415) 555-2602', birthday: birthdayIn(9, timeZone) },
    { name: 'Ben Okafor', phone: '(415) 555-2603', birthday: birthdayIn(11, timeZone) },
    { name: 'Chloé Martin', phone: '(415) 555-2604', birthday: birthdayIn(30, timeZone) },
  ];
  for (const client of clients) await rpc(page, webHost.url, 'contacts.create', { ...client, consent: texts });

  await page.getByRole('navigation').getByRole('link', { name: 'Automations' }).click();
  const cards = page.getByTestId('automation-card');
  await expect(cards).toHaveCount(5);
  const birthdayCard = cards.filter({ hasText: 'Birthday' });
  await expect(birthdayCard).toContainText('7 days before the birthday');
  await expect(birthdayCard.getByText('Off', { exact: true })).toBeVisible();
  await look(page, 'automations-01-list');

  await birthdayCard.getByRole('link', { name: 'Edit Birthday and see its results' }).click();
  await expect(page.getByRole('heading', { name: 'Birthday', level: 2 })).toBeVisible();
  const preview = page.getByTestId('automation-reach');
  await expect(preview).toHaveText(/This week it would reach 3 clients: .*Dora Diaz/);
  await expect(preview).not.toContainText('Chloé');

  // New wording, sent as soon as it is due; the preview follows the form before it is saved.
  await page.getByRole('textbox', { name: 'Text message' }).fill('Happy birthday {{firstName|there}}! A treat waits for you at {{salonName}}.');
  await page.getByRole('radio', { name: 'As soon as it is due' }).check();
  await expect(page.getByRole('textbox', { name: 'Days since the last visit' })).toBeDisabled();
  const days = page.getByRole('textbox', { name: 'When', exact: true });
  await days.fill('9');
  // 9 days before: Ana's birthday is due today, Ben's this week, Dora's has passed.
  await expect(preview).toHaveText(/This week it would reach 2 clients: Ana Lopez and Ben Okafor\./);
  await expect(page.getByTestId('automation-save-state')).toHaveText('You have unsaved changes.');
  await expect(page.getByText('Save your changes before turning it on.')).toBeVisible();
  await look(page, 'automations-02-edit-preview');

  await days.fill('7');
  await expect(preview).toHaveText(/This week it would reach 3 clients/);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('automation-save-state')).toHaveText('Everything is saved.');
  await expect(page.getByRole('paragraph').filter({ hasText: /^7 days before the birthday/ })).toBeVisible();

  const onOff = page.getByRole('switch', { name: 'Send “Birthday” automatically' });
  await onOff.click({ force: true });
  await expect(onOff).toBeChecked();
  await expect(page.getByText('On', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Rehearse' }).click();
  await expect(page.getByText('Nothing is sent.')).toBeVisible();
  await page.getByRole('button', { name: 'Rehearse the next 30 days' }).click();
  await expect(page.getByTestId('rehearsal-totals')).toBeVisible();
  await expect(page.getByTestId('rehearsal-day').first()).toBeVisible();
  await expect(page.getByTestId('rehearsal')).toContainText('Chloé Martin would get the text');
  await look(page, 'automations-03-rehearsal');

  // Dora's was due today: it went out (in sandbox) as soon as the automation was on.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('automation-history')).toContainText('Dora Diaz', { timeout: 20_000 });
  await look(page, 'automations-04-history');
  await page.getByRole('tab', { name: 'How it did' }).click();
  await look(page, 'automations-05-stats');

  await page.getByRole('link', { name: 'All automations' }).or(page.getByRole('button', { name: 'All automations' })).click();
  await expect(cards.filter({ hasText: 'Birthday' }).getByRole('switch')).toBeChecked();

  await page.goto(`${webHost.url}#/contacts`);
  await page.getByRole('button', { name: 'Dora Diaz', exact: true }).click();
  const drawer = page.getByRole('dialog');
  const log = drawer.getByTestId('automation-log-entry').first();
  await expect(log).toContainText('Birthday');
  await expect(log).toContainText('Sent');
  await drawer.getByText('Automatic messages').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: '/tmp/shots-auto/automations-06-drawer.png', animations: 'disabled' });

  await page.goto(`${webHost.url}#/settings/costs`);
  await expect(page.getByRole('textbox', { name: /At most this many messages/ }).or(page.getByLabel(/At most this many messages/))).toHaveValue('2');
  await page.getByText('Messages per client per week').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots-auto/automations-07-settings.png', animations: 'disabled' });
});
