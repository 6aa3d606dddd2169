import { expect, test } from '@playwright/test';

test('ana signs in, sees her name and partner, and signs out', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('ana@northwind.test');
  await page.getByLabel('Password').fill('chasm-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: 'Welcome, Ana Northwind' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header).toContainText('Ana Northwind');
  await expect(header).toContainText('Northwind Integrators');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'Portal',
    'ROI',
  ]);

  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?notice=signed-out$/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/portal');
  await expect(page).toHaveURL(/\/login\?next=%2Fportal$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the login form works and a wrong password keeps the e-mail', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('raj@northwind.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('do not match');
    await expect(page.getByLabel('E-mail')).toHaveValue('raj@northwind.test');

    await page.getByLabel('Password').fill('chasm-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, Raj Northwind' })).toBeVisible();
  });
});

test('an admin reads a password-reset e-mail in the outbox and the link works', async ({
  page,
  browser,
}) => {
  await page.goto('/forgot-password');
  await page.getByLabel('E-mail').fill('raj@northwind.test');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('raj@northwind.test');

  const admin = await browser.newPage();
  await admin.goto('/login');
  await admin.getByLabel('E-mail').fill('admin@chasm.test');
  await admin.getByLabel('Password').fill('chasm-demo');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.goto('/admin/outbox?to=raj%40northwind.test');
  await admin.getByRole('link', { name: 'Reset your Chasm password' }).first().click();
  const body = await admin.locator('pre').first().innerText();
  const link = /https?:\/\/\S+\/reset-password\/[a-z2-9]+/.exec(body)?.[0];
  expect(link).toBeTruthy();

  await page.goto(new URL(link!).pathname);
  await page.getByLabel('New password').fill('raj has a new passphrase');
  await page.getByLabel('Type it again').fill('raj has a new passphrase');
  await page.getByRole('button', { name: /Save password/ }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();
  await page.getByLabel('E-mail').fill('raj@northwind.test');
  await page.getByLabel('Password').fill('raj has a new passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Raj Northwind' })).toBeVisible();
});
