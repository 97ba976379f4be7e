// How a broadcast did, on its page: a two-day text & email sequence sent in the sandbox, Day 1 straight
// away and Day 2 tomorrow. The sandbox decides each outcome from the address, so the numbers are known:
// Ana and Di get everything; Ed's phone is off (30003) and his mailbox full (552), both worth retrying;
// Lena's number is not a mobile (21614) and her address does not exist (550).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addClient } from './support/clients';
import { expect, SCREENSHOT_DIR, test } from './support/web-host';

/** The whole page at the two window sizes owners use most, to look at. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    // From the top: a page scrolled by an earlier click would show the fixed header halfway down.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}x${height}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a salon owner sees how each day and channel did, acts on the failures and downloads the report', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  const both = { texts: true, emails: true };
  await addClient(page, { name: 'Ana Lopez', phone: '(415) 555-2671', email: 'ana@salon.dev', agreed: both });
  await addClient(page, { name: 'Di Evans', phone: '415.555.2600', email: 'di@salon.dev', agreed: both });
  await addClient(page, { name: 'Ed Park', phone: '(415) 555-2007', email: 'ed@salon.dev', agreed: both });
  await addClient(page, { name: 'Lena Ford', phone: '(500) 555-0009', email: 'lena@example.com', agreed: both });

  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await page.getByRole('button', { name: /New broadcast|Write your first broadcast/ }).first().click();
  await page.getByLabel('Broadcast name').fill('Welcome week');
  await page.getByRole('radio', { name: 'Text & email' }).check();
  await page.getByRole('radio', { name: 'A sequence over several days' }).check();
  await page.getByRole('button', { name: 'Next: Audience' }).click();
  await page.getByRole('button', { name: 'Next: Compose' }).click();
  await page.getByRole('textbox', { name: 'Text message' }).fill('Hi {{firstName|there}}, welcome to Luxe!');
  await page.getByRole('textbox', { name: 'Email subject' }).fill('Welcome, {{firstName|friend}}');
  await page.getByRole('textbox', { name: 'Email message' }).fill('We are so glad you found us.');
  await page.getByRole('button', { name: 'Add a day' }).click();
  await page.getByRole('textbox', { name: 'Text message' }).fill('Day two: our stylists are ready for you.');
  await page.getByRole('textbox', { name: 'Email subject' }).fill('Meet the team');
  await page.getByRole('textbox', { name: 'Email message' }).fill('Our stylists are ready for you.');
  await page.getByRole('button', { name: 'Next: Schedule' }).click();
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await page.getByTestId('launch').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(page).toHaveURL(/#\/broadcasts\/\d+$/);
  await expect(page.getByTestId('breakdown')).toBeVisible();
  await shoot(page, 'tracking-sending');

  // Day 1 settles; Day 2 waits for tomorrow. Settled means the rates: a count alone ("2") would also
  // match the "25%" under it while one report is still to come.
  const day1Text = page.getByTestId('breakdown-d1-sms');
  const day1Email = page.getByTestId('breakdown-d1-email');
  for (const row of [day1Text, day1Email]) {
    await expect(row.getByTestId('delivered-rate')).toHaveText('50%', { timeout: 30_000 });
    await expect(row.getByTestId('failed-rate')).toHaveText('50%', { timeout: 30_000 });
    await expect(row.getByTestId('recipients')).toHaveText('4');
    await expect(row.getByTestId('sent')).toHaveText('3');
    await expect(row.getByTestId('pending')).toHaveText('0');
  }
  await expect(page.getByTestId('breakdown-d2-sms').getByTestId('pending')).toHaveText('4');
  const total = page.getByTestId('breakdown-total');
  await expect(total.getByTestId('recipients')).toHaveText('16');
  await expect(total.getByTestId('delivered')).toContainText('4');
  await expect(total.getByTestId('pending')).toHaveText('8');
  // A sequence between its days is being sent, not "scheduled".
  await expect(page.getByTestId('broadcast-status')).toHaveText('Sending, day 1 of 2 sent');
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('cost-note')).toContainText('nothing was charged');
  await shoot(page, 'tracking-day1-sent');

  // Failure groups, biggest first, each with what can be done.
  const offline = page.getByTestId('failure-30003');
  await expect(offline).toContainText('Phone switched off or out of range (30003): 1');
  await expect(offline.getByRole('button', { name: 'Resend to these' })).toBeVisible();
  await expect(offline.getByRole('button', { name: 'Stop texting these numbers' })).toHaveCount(0);
  const landline = page.getByTestId('failure-21614');
  await expect(landline).toContainText('Not a mobile number (21614): 1');
  await expect(landline.getByRole('button', { name: 'Resend to these' })).toHaveCount(0);
  await expect(page.getByTestId('failure-550').getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Resend to all retryable failures \(2 messages\)/ })).toBeVisible();

  await landline.getByRole('button', { name: 'Stop texting these numbers' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('left out of every text audience');
  await dialog.getByRole('button', { name: 'Stop texting them' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('1 number marked as unable to get texts', { exact: false })).toBeVisible();

  // The table: filter, search, and a row opens the client.
  const deliveries = page.getByTestId('delivery-row');
  await expect(page.getByTestId('deliveries-total')).toContainText('16 messages');
  await page.getByRole('textbox', { name: 'Search' }).fill('lena');
  await expect(page.getByTestId('deliveries-total')).toContainText('4 messages match');
  await page.getByRole('textbox', { name: 'Search' }).fill('');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Failed or not delivered' }).click();
  await expect(page.getByTestId('deliveries-total')).toContainText('4 messages match');
  await page.getByRole('combobox', { name: 'Channel' }).click();
  await page.getByRole('option', { name: 'Email' }).click();
  await expect(deliveries).toHaveCount(2);
  await expect(deliveries.filter({ hasText: 'Lena Ford' })).toContainText('Email address does not exist (550)');
  await deliveries.filter({ hasText: 'Lena Ford' }).getByRole('link', { name: 'Lena Ford' }).click();
  await expect(page).toHaveURL(/#\/contacts\/\d+$/);
  await expect(page.getByTestId('sms-unusable')).toContainText('Not a mobile number');
  await page.goBack();

  // A failure reason narrows the list to its messages; a header sorts it.
  await page.getByRole('combobox', { name: 'Why it failed' }).click();
  await page.getByRole('option', { name: 'Mailbox full (552)' }).click();
  await expect(deliveries).toHaveCount(1);
  await expect(deliveries).toContainText('Ed Park');
  await page.getByRole('button', { name: 'Show all messages' }).click();
  await expect(deliveries).toHaveCount(16);
  await page.getByTitle('Sort by client').click();
  await expect(deliveries.first()).toContainText('Ana Lopez');
  await page.getByTitle('Sort by client').click();
  await expect(deliveries.first()).toContainText('Lena Ford');

  // The delivery report downloads, one row per message.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download delivery report (CSV)' }).click();
  const file = await (await download).path();
  const header = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  expect(header.startsWith('Broadcast,Day,Channel,Client name,Client id,Address,Status,Status meaning,Error code,Reason')).toBe(true);
  expect(readFileSync(file, 'utf8').trim().split(/\r?\n/)).toHaveLength(17);

  // Resend to the retryable ones: a new draft opens in the wizard.
  await page.getByTestId('failure-30003').getByRole('button', { name: 'Resend to these' }).click();
  await expect(page).toHaveURL(/#\/broadcasts\/\d+\/edit$/);
});
