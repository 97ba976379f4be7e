// The walking skeleton by hand: add clients, send a first text, watch it settle.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addClient } from './support/clients';
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';
import { reviewTextBroadcast } from './support/wizard';

test('a salon owner adds three clients and sends a first broadcast', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await expect(page.getByText('SANDBOX', { exact: true })).toBeVisible();
  await shot(page, '01-dashboard-empty');

  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('button', { name: 'Add your first client' })).toBeVisible();
  await shot(page, '02-contacts-empty');

  await addClient(page, { name: 'Ana Lopez', phone: '(415) 555-2671', email: 'ana@salon.dev' });
  await addClient(page, { name: 'Di Evans', phone: '415.555.2600' });
  // A toll-free number passes as a phone number but can never receive a text.
  await addClient(page, { name: 'Bo Chen', phone: '(800) 555-0199' });

  // A number that is not a phone number at all is refused at the door, next to the field.
  await page.getByRole('button', { name: 'Add client' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Typo');
  await dialog.getByRole('textbox', { name: 'Mobile number', exact: true }).fill('555-12');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/not a valid phone number for United States/)).toBeVisible();
  await shot(page, '03-contact-invalid-number');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await shot(page, '04-contacts');

  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await shot(page, '05-broadcasts-empty');
  await reviewTextBroadcast(page, {
    name: 'Spring offer',
    body: 'Spring is here! 20% off colour this week. Reply to book.',
    shots: { compose: '06-new-broadcast', review: '06b-review' },
  });
  await expect(page.getByTestId('review-recipients')).toContainText('3');
  await shot(page, '07-confirm-send');
  await page.getByRole('dialog').getByRole('button', { name: 'Launch', exact: true }).click();

  await expect(page.getByTestId('stat-recipients')).toContainText('3');
  await expect(page.getByTestId('stat-delivered')).toContainText('2', { timeout: 30_000 });
  await expect(page.getByTestId('stat-failed')).toContainText('1');
  await expect(page.getByTestId('stat-pending')).toContainText('0');
  await expect(page.getByTestId('deliveries-scroller').getByText('Not a mobile number (21614)')).toBeVisible();
  await shot(page, '08-broadcast-settled');

  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await expect(page.getByRole('cell', { name: 'Spring offer', exact: true })).toBeVisible();
  await shot(page, '09-broadcasts');
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await shot(page, '10-dashboard');
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Salon name')).toBeVisible();
  await shot(page, '11-settings');
});

test('the page refuses a visitor without the launch key', async ({ page, webHost }) => {
  const withoutKey = webHost.url.replace(/\?token=.*/, '');
  await page.goto(withoutKey);
  await expect(page.getByText('Open Salon Broadcast from its link')).toBeVisible();
  await expect(page.getByText('npm run start:web')).toBeVisible();
});

test('the key leaves the address bar, survives a reload, and never reaches another local server', async ({ page, webHost }) => {
  const seen: string[] = [];
  const neighbour = createServer((request, response) => {
    seen.push(JSON.stringify(request.headers));
    response.end('neighbour');
  });
  await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve));
  const neighbourPort = (neighbour.address() as AddressInfo).port;
  try {
    await page.goto(webHost.url);
    await expect(page.getByRole('navigation')).toBeVisible();
    expect(page.url()).not.toContain('token');
    await page.reload();
    await expect(page.getByRole('navigation')).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);

    // What a real Chromium sends another server on 127.0.0.1, by navigation and by a page's fetch.
    await page.goto(`http://127.0.0.1:${neighbourPort}/`);
    await page.evaluate(async (port) => fetch(`http://127.0.0.1:${port}/again`, { credentials: 'include' }), neighbourPort);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const key = new URL(webHost.url).searchParams.get('token') ?? '';
    for (const headers of seen) expect(headers).not.toContain(key);
  } finally {
    neighbour.close();
  }
});
