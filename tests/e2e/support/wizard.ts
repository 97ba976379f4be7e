import type { Page } from '@playwright/test';
import { shot } from './screenshots';
import { expect } from './web-host';

export interface TextBroadcast {
  name: string;
  body: string;
  /** 'HH:mm' tomorrow on the salon's clock; straight away at launch without it. */
  tomorrowAt?: string;
  /** Screenshots of the compose and review steps under these names. */
  shots?: { compose: string; review: string };
}

/** From the Broadcasts page: one text to everyone who agreed, through every step of the wizard, up to the launch question. */
export async function reviewTextBroadcast(page: Page, broadcast: TextBroadcast): Promise<void> {
  await page.getByRole('button', { name: /New broadcast|Write your first broadcast/ }).first().click();
  await page.getByLabel('Broadcast name').fill(broadcast.name);
  await page.getByRole('radio', { name: 'Text message' }).check();
  await page.getByRole('button', { name: 'Next: Audience' }).click();
  await page.getByRole('button', { name: 'Next: Compose' }).click();
  await page.getByRole('textbox', { name: 'Text message' }).fill(broadcast.body);
  if (broadcast.shots) {
    // The preview follows typing after a short pause: shoot it once it shows the new words.
    const words = broadcast.body.split(/\{\{[^}]*\}\}/).reduce((longest, part) => (part.trim().length > longest.length ? part.trim() : longest), '');
    if (words) await expect(page.getByTestId('preview-sms')).toContainText(words);
    await shot(page, broadcast.shots.compose);
  }
  await page.getByRole('button', { name: 'Next: Schedule' }).click();
  if (broadcast.tomorrowAt) {
    await page.getByRole('radio', { name: 'At a time I pick' }).check();
    await page.getByLabel('Time', { exact: true }).fill(broadcast.tomorrowAt);
  }
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.getByTestId('review-timeline')).toBeVisible();
  if (broadcast.shots) await shot(page, broadcast.shots.review);
  await page.getByTestId('launch').click();
}
