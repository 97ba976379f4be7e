// Settings -> Sending against a local Twilio stand-in: the sandbox banner, a wrong then a right Auth
// Token with a test text each, the token never shown again, live sending behind the typed phrase, and a
// broadcast that reaches the client through "Twilio" exactly once.
import type { Locator, Page } from '@playwright/test';
import { LIVE_CONFIRMATION } from '../../shared/sending';
import { startTwilioDouble, type TwilioDouble } from '../doubles/twilio/twilio-double';
import { addClient } from './support/clients';
import { shot } from './support/screenshots';
import { expect, middayTimeZone, startHost, test as base } from './support/web-host';
import { reviewTextBroadcast } from './support/wizard';

/** The salon's Twilio number: the double refuses any other From. */
const SALON_NUMBER = '+15005550006';
/** The owner's own mobile, where a test text goes, as typed and as dialled. */
const OWNER_MOBILE = { typed: '(415) 555-2699', e164: '+14155552699', shown: /\+14155552699|\(415\) 555-2699/ };
const CLIENT = { name: 'Ana Lopez', phone: '(415) 555-2671', e164: '+14155552671' };
/** Looks like an Auth Token (32 hex digits), but not the account's. */
const WRONG_TOKEN = '0123456789abcdef0123456789abcdef';

const test = base.extend<{ twilio: TwilioDouble }>({
  // Playwright reads a fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  twilio: async ({}, use) => {
    const twilio = await startTwilioDouble({ senders: [SALON_NUMBER], statusStepMs: 20, clock: { now: () => new Date() } });
    await use(twilio);
    await twilio.close();
  },
  // The host sends Twilio's calls to the double, and its salon clock reads about noon so that a
  // broadcast sent "now" is never held back by quiet hours, whenever this runs.
  webHostEnv: async ({ twilio }, use) => {
    await use({ SALON_TWILIO_BASE_URL: twilio.baseUrl, TZ: middayTimeZone() });
  },
});

/** One titled block of the Settings page. */
function card(page: Page, title: string): Locator {
  return page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

test('a salon owner sets up Twilio, tests it, turns live sending on and sends a broadcast for real', async ({ page, webHost, twilio }) => {
  test.slow(); // one long walk through two pages and the wizard, with a dozen full-page screenshots
  // 1. The sandbox says nothing is sent for real.
  await page.goto(`${webHost.url}#/settings/sending`);
  const mode = page.getByTestId('sending-mode');
  await expect(mode).toContainText('Sandbox: nothing leaves this computer');
  await expect(mode).toContainText('No client receives anything');
  await expect(mode).toContainText('Text messages: practice only, they stay on this computer.');
  const liveSwitch = page.getByRole('switch', { name: 'Send messages to clients for real (live sending)' });
  await expect(liveSwitch).toBeDisabled();
  await expect(page.getByText('SANDBOX', { exact: true }).first()).toBeVisible();
  await shot(page, 'sending-01-sandbox');

  // 2. Twilio with a wrong token: refused on Save, in the owner's words, and nothing saved.
  const twilioCard = card(page, 'Text messages (Twilio)');
  const token = twilioCard.getByLabel('Auth Token', { exact: true }).and(page.locator('input[type="password"]'));
  await twilioCard.getByLabel('Account SID').fill(twilio.accountSid);
  await token.fill(WRONG_TOKEN);
  await twilioCard.getByLabel('Your Twilio phone number').fill(SALON_NUMBER);
  await shot(page, 'sending-02-twilio-filled');
  await twilioCard.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(twilioCard).toContainText('Twilio refused these details: copy the Account SID and the Auth Token again from your Twilio Console.');
  // In the owner's words, not Twilio's ("20003 Authenticate").
  await expect(twilioCard).not.toContainText(/20003|Authenticate/);
  await expect(twilioCard.getByText('Set up', { exact: true })).toHaveCount(0);
  await shot(page, 'sending-03-wrong-token-refused');
  expect(twilio.messages('outbound-api')).toHaveLength(0);

  // The right token saves.
  await token.fill(twilio.authToken);
  await twilioCard.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Text message settings saved.')).toBeVisible();
  await expect(twilioCard.getByText('Set up', { exact: true })).toBeVisible();
  // No own number yet: the test button waits, and says where to add it.
  const sendTest = twilioCard.getByRole('button', { name: 'Send a test text' });
  await expect(sendTest).toBeDisabled();
  await expect(twilioCard).toContainText('To send yourself a test, add your own mobile number in Costs, limits and quiet hours.');
  await shot(page, 'sending-04-no-own-number');

  // With the owner's number, the test text goes through, once.
  const costs = card(page, 'Costs, limits and quiet hours');
  await costs.getByLabel('Your mobile number').fill(OWNER_MOBILE.typed);
  await costs.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(twilioCard).toContainText('The test text goes to your own number');
  await expect(sendTest).toBeEnabled();
  await sendTest.click();
  const result = twilioCard.getByTestId('provider-test-result');
  await expect(result).toContainText('The test went through');
  await expect(result).toContainText('It worked');
  await expect(result).toContainText(OWNER_MOBILE.shown);
  await shot(page, 'sending-05-test-sent');
  const tests = twilio.messages('outbound-api');
  expect(tests).toHaveLength(1);
  expect(tests[0]).toMatchObject({ to: OWNER_MOBILE.e164, from: SALON_NUMBER });
  expect(tests[0]?.body).toContain('sending works');

  // 3. The token never comes back: only that one is saved, and its last four characters.
  await page.reload();
  await expect(twilioCard.getByText('Set up', { exact: true })).toBeVisible();
  await expect(token).toHaveValue('');
  await expect(token).toHaveAttribute('placeholder', `Saved, ends in ••••${twilio.authToken.slice(-4)}`);
  await expect(twilioCard).toContainText('Leave it empty to keep the saved one.');
  const html = await page.content();
  const text = await page.locator('body').innerText();
  for (const secret of [twilio.authToken, WRONG_TOKEN]) {
    expect(html).not.toContain(secret);
    expect(text).not.toContain(secret);
  }
  await shot(page, 'sending-06-token-saved');

  // 4. Live sending asks for the phrase; a wrong one does not turn it on.
  await expect(liveSwitch).toBeEnabled();
  await liveSwitch.click({ force: true }); // Mantine's switch input sits under its painted track
  const confirm = page.getByRole('dialog', { name: 'Send messages to your clients for real?' });
  await expect(confirm).toBeVisible();
  const phrase = confirm.getByLabel(`To confirm, type “${LIVE_CONFIRMATION}”`);
  const turnOn = confirm.getByRole('button', { name: 'Turn on live sending' });
  await phrase.fill('send for reel');
  await expect(turnOn).toBeDisabled();
  await phrase.press('Enter');
  await shot(page, 'sending-07-live-wrong-phrase', { fullPage: false });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(liveSwitch).not.toBeChecked();
  await expect(mode).toContainText('Sandbox: nothing leaves this computer');

  await liveSwitch.click({ force: true });
  await expect(confirm).toBeVisible();
  await expect(phrase).toHaveValue(''); // nothing typed last time stays
  await phrase.fill(LIVE_CONFIRMATION);
  await shot(page, 'sending-08-live-right-phrase', { fullPage: false });
  await turnOn.click();
  await expect(confirm).toBeHidden();
  await expect(liveSwitch).toBeChecked();
  await expect(mode).toContainText('Live: messages reach your clients');
  await expect(mode).toContainText('Text messages: sent for real, through your Twilio account.');
  await expect(page.getByText('LIVE', { exact: true }).first()).toBeVisible();
  await shot(page, 'sending-09-live');

  // 5. A client who agreed to texts, and a one-text broadcast sent now, for real.
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await addClient(page, { name: CLIENT.name, phone: CLIENT.phone });
  await page.getByRole('navigation').getByRole('link', { name: 'Broadcasts' }).click();
  await reviewTextBroadcast(page, {
    name: 'Live spring offer',
    body: 'Hi {{firstName|there}}, 20% off colour this week. Reply to book.',
    shots: { compose: 'sending-10-compose', review: 'sending-11-review-live' },
  });
  // The review and the launch question both say the texts are real.
  await expect(page.getByTestId('live-note').first()).toContainText('Texts go to your clients for real');
  const launch = page.getByRole('dialog');
  await expect(launch).toContainText('to 1 client?');
  await expect(launch.getByTestId('live-note')).toContainText('Texts go to your clients for real');
  await shot(page, 'sending-12-confirm-live', { fullPage: false });
  await launch.getByRole('button', { name: 'Launch', exact: true }).click();

  await expect(page).toHaveURL(/#\/broadcasts\/\d+$/);
  await expect(page.getByTestId('stat-recipients')).toContainText('1');
  await expect(page.getByTestId('stat-delivered')).toContainText('1', { timeout: 30_000 });
  await expect(page.getByTestId('stat-failed')).toContainText('0');
  await expect(page.getByTestId('stat-pending')).toContainText('0');
  await expect(page.getByRole('row', { name: new RegExp(CLIENT.name) })).toContainText(/delivered/i);
  await shot(page, 'sending-13-broadcast-delivered');

  const toClient = twilio.messages('outbound-api').filter((message) => message.to === CLIENT.e164);
  expect(toClient).toHaveLength(1);
  expect(toClient[0]).toMatchObject({
    from: SALON_NUMBER,
    status: 'delivered',
    body: 'Hi Ana, 20% off colour this week. Reply to book.\nReply STOP to opt out',
  });
  expect(twilio.messages('outbound-api')).toHaveLength(2); // the test text and the broadcast, nothing more
  twilio.expectNoViolations();
});

test('the web host sends to a Twilio stand-in on this computer only', async () => {
  await expect(startHost({ SALON_TWILIO_BASE_URL: 'https://api.twilio.com' })).rejects.toThrow(
    /SALON_TWILIO_BASE_URL is for tests against a Twilio stand-in on this computer only/,
  );
});
