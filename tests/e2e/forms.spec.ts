/**
 * Refused forms, as a keyboard or screen-reader user meets them (the GOV.UK error summary):
 * after a failed submit focus is on a summary that links to every field in error, a link
 * lands on its field, and each field keeps what was typed and says what is wrong beside it.
 * The refused page passes axe too.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeFindings, signIn } from './crawl';

const FLOWS = [
  'developers',
  'systems-integrators',
  'contact-center',
  'revenue-teams',
  'it-operations',
  'executives',
];

/** Every field in error must have a summary link that lands on it, and a message beside it. */
async function expectSummaryOfErrors(page: Page) {
  const summary = page.locator('#form-error');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  const invalid = page.locator('main [aria-invalid="true"]');
  const count = await invalid.count();
  expect(count).toBeGreaterThan(0);
  const links = summary.getByRole('link');
  await expect(links).toHaveCount(count);
  for (let i = 0; i < count; i++) {
    const field = invalid.nth(i);
    const href = (await links.nth(i).getAttribute('href')) ?? '';
    // The link's target is the field, or the first choice of a group of choices.
    const target = page.locator(href);
    await expect(target).toHaveCount(1);
    expect(
      await target.evaluate((t, f) => t === f || f!.contains(t), await field.elementHandle()),
    ).toBe(true);
    // The message beside the field is the summary's text for it.
    const described = (await field.getAttribute('aria-describedby')) ?? '';
    const errorId = described.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId, `field ${href} has no message tied to it`).toBeTruthy();
    await expect(page.locator(`#${errorId}`)).toHaveText(await links.nth(i).innerText());
  }
  return { links, invalid };
}

for (const slug of FLOWS) {
  test(`the ${slug} flow: a refused step focuses the error summary, links land on the fields, typed values stay`, async ({
    page,
  }) => {
    await page.goto(`/start/${slug}`);
    const form = page.locator('main form');
    await form.getByRole('button').first().click();
    const { links } = await expectSummaryOfErrors(page);
    expect(await axeFindings(page, `/start/${slug} (refused)`)).toEqual([]);

    // Following a link puts the keyboard in that field.
    const firstHref = (await links.first().getAttribute('href'))!;
    await links.first().click();
    await expect(page.locator(firstHref)).toBeFocused();

    // Something wrong typed into every text field in error is still there after the refusal.
    const typed = form.locator(
      'input[aria-invalid="true"]:is([type=text],[type=email],[type=tel])',
    );
    const n = await typed.count();
    test.skip(n === 0, 'this step has no text fields in error');
    for (let i = 0; i < n; i++) await typed.nth(i).fill('@@');
    const names = await typed.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name));
    await form.getByRole('button').first().click();
    await expectSummaryOfErrors(page);
    for (const name of names) {
      const input = form.locator(`[name="${name}"]`);
      await expect(input).toHaveValue('@@');
    }
  });
}

test('the deal form: a refused registration focuses the summary, keeps the typed customer, and links to the missing fields', async ({
  page,
}) => {
  await signIn(page, 'ana@northwind.test');
  await page.goto('/portal/deals/new');
  await page.getByLabel('Customer company').fill('Globex Corporation');
  await page.getByLabel('Contact e-mail').fill('not an address');
  await page.getByRole('button', { name: 'Register and submit' }).click();
  const { links } = await expectSummaryOfErrors(page);
  await expect(page.getByLabel('Customer company')).toHaveValue('Globex Corporation');
  await expect(page.getByLabel('Contact e-mail')).toHaveValue('not an address');
  await expect(page.getByLabel('Contact e-mail')).toHaveAttribute('aria-invalid', 'true');
  const domain = links.filter({ hasText: /domain/i }).first();
  await domain.click();
  await expect(page.getByLabel('Customer web domain')).toBeFocused();
  expect(await axeFindings(page, '/portal/deals/new (refused)')).toEqual([]);
});

test('sign-in: a refused sign-in focuses the summary and keeps the e-mail', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('ana@northwind.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#form-error')).toBeFocused();
  await expect(page.locator('#form-error')).toContainText('There is a problem');
  await expect(page.getByLabel('E-mail')).toHaveValue('ana@northwind.test');
});
