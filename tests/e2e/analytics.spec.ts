import { expect, test } from '@playwright/test';

// Playwright's headless Chromium announces itself as HeadlessChrome, which the bot filter drops.
const PERSON =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

async function signIn(page: import('@playwright/test').Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('chasm-demo');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
}

test('an executive opens the analytics and reads every view, with its table alternative', async ({
  page,
}) => {
  await signIn(page, 'exec@chasm.test');
  await expect(page).toHaveURL(/\/analytics$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Visitors and visits per day' })).toBeVisible();
  for (const [tab, heading] of [
    ['Funnels', 'Funnels'],
    ['Personalisation lift', 'Personalisation lift'],
    ['Persona inference', 'Persona inference'],
    ['Speed to lead', 'Speed to lead'],
    ['Partner pipeline', 'Partner pipeline'],
    ['ROI usage', 'ROI usage'],
  ]) {
    await page
      .getByRole('navigation', { name: 'Analytics views' })
      .getByRole('link', { name: tab })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    const figure = page.locator('figure').first();
    await figure.getByText('Show the data as a table').click();
    await expect(figure.getByRole('table')).toBeVisible();
  }
});

test.describe('with a browser that is not a bot', () => {
  test.use({ userAgent: PERSON });

  test('the beacon on a prerendered persona page records a page view and a call-to-action click, credited to the referral', async ({
    page,
    browser,
  }) => {
    const ana = await browser.newPage();
    await signIn(ana, 'ana@northwind.test');
    const today = new Date().toISOString().slice(0, 10);
    const visitsToday = async () => {
      await ana.goto(`/portal/referrals?from=${today}&to=${today}`);
      return Number(
        (
          await ana
            .locator('.kpi')
            .filter({ hasText: 'visits' })
            .first()
            .locator('.value')
            .innerText()
        ).replace(/,/g, ''),
      );
    };
    const before = await visitsToday();

    const beacons: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/events')) beacons.push(r.postData() ?? '');
    });
    // The first beacon's response gives this new visitor its id cookie; a person reads before
    // clicking, so the click below comes after it (and belongs to the same visit).
    const pageViewStored = page.waitForResponse(
      (r) =>
        r.url().endsWith('/api/events') && (r.request().postData() ?? '').includes('"page_view"'),
    );
    await page.goto('/for/executives?utm_source=e2e-beacon&ref=northwind');
    expect((await pageViewStored).status()).toBe(202);
    // Any element with data-cta reports a click.
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.dataset.cta = 'e2e-check';
      a.href = '#';
      a.textContent = 'x';
      document.body.append(a);
      a.click();
    });
    await expect.poll(() => beacons.some((b) => b.includes('e2e-check'))).toBe(true);

    await expect.poll(visitsToday).toBe(before + 1);
  });
});
