import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './web-host';

/**
 * A full-page screenshot in test-results/screenshots/, animations stopped so it is stable.
 * `fullPage: false` shoots the window only: a dialog's overlay covers the window, not a long page.
 */
export async function shot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  // From the top: a page scrolled by an earlier click would show the fixed header halfway down.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage, animations: 'disabled' });
}
