import type { Page } from '@playwright/test';
import { expect } from './web-host';

export interface NewClient {
  name: string;
  phone: string;
  email?: string;
  /** What the client agreed to; texts only by default. */
  agreed?: { texts?: boolean; emails?: boolean };
}

/** Add a client through the Contacts page's form, with the consent they gave. */
export async function addClient(page: Page, client: NewClient): Promise<void> {
  const { texts = true, emails = false } = client.agreed ?? {};
  await page.getByRole('button', { name: 'Add client' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(client.name);
  await dialog.getByRole('textbox', { name: 'Mobile number', exact: true }).fill(client.phone);
  if (client.email) await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill(client.email);
  if (texts) await dialog.getByLabel('Agreed to receive texts').check();
  if (emails) await dialog.getByLabel('Agreed to receive emails').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: client.name, exact: true })).toBeVisible();
}
