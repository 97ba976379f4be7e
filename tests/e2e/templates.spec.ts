// A text template written once with a client's name in it, changed, then thrown away.
import { shot } from './support/screenshots';
import { expect, test } from './support/web-host';

test('a salon owner saves a text template, edits it and deletes it', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByText('Save messages you send often, then start a broadcast from one.')).toBeVisible();
  await shot(page, 'templates-01-empty');

  await page.getByRole('button', { name: 'New template', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const message = dialog.getByRole('textbox', { name: 'Message' });
  await dialog.getByRole('textbox', { name: 'Template name' }).fill('Birthday treat');
  await message.fill('Happy birthday ! 20% off colour this month.');
  // The first name goes where the cursor is, with a fallback for clients without one.
  await message.press('Home');
  for (const _ of 'Happy birthday ') await message.press('ArrowRight');
  await dialog.getByRole('button', { name: 'Insert a field into Message' }).click();
  await page.getByRole('menuitem', { name: /First name/ }).click();
  await expect(message).toHaveValue('Happy birthday {{firstName|there}}! 20% off colour this month.');

  // A misspelt field is flagged before saving, and saving waits for it to be fixed.
  await message.fill('Happy birthday {{frstName}}! 20% off colour this month.');
  await expect(dialog.getByText(/Unknown field “frstName”/)).toBeVisible();
  await shot(page, 'templates-02-unknown-field');
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeVisible();
  await message.fill('Happy birthday {{firstName|there}}! 20% off colour this month.');
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeHidden();

  const template = page.getByTestId('template').filter({ hasText: 'Birthday treat' });
  await expect(template).toContainText('Happy birthday {{firstName|there}}! 20% off colour this month.');
  await expect(template).toContainText('About 52 characters · 1 segment');
  await shot(page, 'templates-03-list');

  await page.getByRole('button', { name: 'Edit Birthday treat' }).click();
  await dialog.getByRole('textbox', { name: 'Template name' }).fill('Birthday colour treat');
  await message.fill(
    'Happy birthday {{firstName|there}}! Enjoy 20% off colour all month long at {{salonName}}. Book online or reply to this text, we will find a time that suits you. See you soon, love from the team!',
  );
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeHidden();
  const edited = page.getByTestId('template').filter({ hasText: 'Birthday colour treat' });
  // Over 160 characters once the names are filled in: two segments.
  await expect(edited).toContainText('About 179 characters · 2 segments');

  await page.getByRole('button', { name: 'Delete Birthday colour treat' }).click();
  await expect(dialog).toContainText('Delete “Birthday colour treat”?');
  await dialog.getByRole('button', { name: 'Delete template' }).click();
  await expect(page.getByText('No text templates yet')).toBeVisible();
  await expect(page.getByTestId('template')).toHaveCount(0);
});
