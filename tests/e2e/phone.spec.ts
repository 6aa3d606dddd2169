/**
 * Chasm on a 375 px phone: a one-row header whose menu opens without JavaScript, the persona
 * switcher only on the marketing site, and tables whose key columns stay in view.
 */
import { expect, test, type Locator } from '@playwright/test';
import { PHONE, signIn } from './crawl';

test.use({ viewport: PHONE });

async function isInsideViewport(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header is one row; its menu opens and holds the navigation, the switcher and sign-in', async ({
    page,
  }) => {
    await page.goto('/for/contact-center');
    // One row of header (it was about 250 px with the switcher and the navigation).
    expect((await page.locator('header.site-header').boundingBox())!.height).toBeLessThan(80);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Solutions' })).toBeHidden();
    await page.getByText('Menu', { exact: true }).click();
    await expect(nav.getByRole('link', { name: 'Solutions' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'I am a…' })).toBeVisible();
    await expect(page.locator('header').getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});

test('the persona switcher is on the marketing site, not in the portal, analytics or leads', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByText('Menu', { exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'I am a…' })).toBeVisible();
  await signIn(page, 'channel@chasm.test');
  for (const path of ['/portal', '/portal/review', '/analytics', '/leads']) {
    await page.goto(path);
    await expect(page.locator('select[name="set"]'), path).toHaveCount(0);
  }
});

test('the review queue and the leads show status, value, due date and owner without scrolling sideways', async ({
  page,
}) => {
  await signIn(page, 'channel@chasm.test');
  await page.goto('/portal/review');
  const row = page.getByRole('region', { name: 'Deals to review' }).locator('tbody tr').first();
  for (const label of ['Partner', 'Status', 'Value', 'Review due']) {
    const cell = row.locator(`td[data-label="${label}"]`);
    await expect(cell).toBeVisible();
    await isInsideViewport(cell);
  }
  await page.goto('/leads?status=all');
  const lead = page.getByRole('region', { name: 'Leads' }).locator('tbody tr').first();
  for (const label of ['Owner', 'Created', 'Response']) {
    await expect(lead.locator(`td[data-label="${label}"]`)).toBeVisible();
    await isInsideViewport(lead.locator(`td[data-label="${label}"]`));
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
});

test('the ROI yearly table keeps its year column in view while the figures scroll, and a keyboard can scroll it', async ({
  page,
}) => {
  await page.goto('/roi/attrition');
  const table = page.locator('[role="region"][aria-label^="Yearly benefits and costs"]');
  await table.scrollIntoViewIfNeeded();
  await expect(table).toHaveAttribute('tabindex', '0');
  const canScroll = await table.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(canScroll, 'six columns of money do not fit 375 px').toBe(true);
  const year = table.locator('tbody tr').first().locator('td, th').first();
  const before = (await year.boundingBox())!.x;
  await table.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The first column is sticky: it has not moved.
  expect(Math.abs((await year.boundingBox())!.x - before)).toBeLessThan(2);
});
