import { expect, test, type Browser, type Page } from '@playwright/test';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('chasm-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  return page;
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

async function fillDeal(page: Page, customer: { name: string; domain: string; email: string }) {
  await page.getByLabel('Customer company').fill(customer.name);
  await page.getByLabel('Customer web domain').fill(customer.domain);
  await page.getByLabel('Country').selectOption('GB');
  await page.getByLabel('Contact name').fill('Peter Gibbons');
  await page.getByLabel('Contact e-mail').fill(customer.email);
  await page.getByLabel('Estimated value').fill('240000');
  await page.getByLabel('Currency').selectOption('GBP');
  const close = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Expected close date').fill(close);
  await page.getByLabel('Programmable Voice').check();
  await page.getByLabel('Use case').fill('Move the help desk lines to a cloud contact centre.');
}

test('ana registers a deal, channel approves it, ana sees the expiry; lee sees the conflict without Northwind’s name', async ({
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const customer = {
    name: `Initech ${stamp} Inc.`,
    domain: `initech-${stamp}.example`,
    email: `peter@initech-${stamp}.example`,
  };

  // 1. Ana (Northwind, gold tier) registers and submits.
  const ana = await signedIn(browser, 'ana@northwind.test');
  await ana
    .getByRole('navigation', { name: 'Portal' })
    .getByRole('link', { name: 'Register a deal' })
    .click();
  await fillDeal(ana, customer);
  await expect(ana.getByRole('region', { name: 'Conflict check' })).toContainText(
    'No other registration matches this customer.',
  );
  await ana.getByRole('button', { name: 'Register and submit' }).click();
  await expect(ana.getByRole('heading', { level: 1 })).toHaveText(customer.name);
  await expect(ana.getByRole('status')).toContainText('Submitted');
  const dealUrl = ana.url().replace(/\?.*$/, '');
  const dealId = dealUrl.split('/').pop()!;

  // 2. The channel manager finds it in the queue and approves it.
  const channel = await signedIn(browser, 'channel@chasm.test');
  await channel.goto('/portal/review');
  await channel.getByRole('link', { name: customer.name }).click();
  await expect(channel).toHaveURL(new RegExp(`/portal/review/${dealId}$`));
  await channel.getByRole('button', { name: /^Approve/ }).click();
  await expect(channel.getByRole('status')).toContainText('Done');
  const approvedAt = Date.now();

  // 3. Ana sees it approved, protected for 180 days (gold).
  await ana.goto(dealUrl);
  await expect(ana.getByText('Approved', { exact: true }).first()).toBeVisible();
  const until = [
    DATE.format(approvedAt + 180 * 86_400_000),
    DATE.format(approvedAt + 180 * 86_400_000 - 60_000),
  ];
  const summary = ana.getByText(/Protected until \d/);
  await expect(summary).toContainText(new RegExp(`Protected until (${until.join('|')})`));
  await expect(summary).toContainText('(180 days left)');

  // 4. Lee (Bluepeak) registers the same customer: the live check explains the conflict.
  const lee = await signedIn(browser, 'lee@bluepeak.test');
  await lee.goto('/portal/deals/new');
  await fillDeal(lee, {
    name: `INITECH ${stamp} Corporation`,
    domain: `https://www.eu.initech-${stamp}.example/`,
    email: `joanna@initech-${stamp}.example`,
  });
  const panel = lee.getByRole('region', { name: 'Conflict check' });
  await expect(panel).toContainText(
    'Another partner holds an active registration for this customer since',
  );
  await expect(panel).toContainText(`until ${until[0]}`.slice(0, 10));
  await expect(panel).toContainText(`Same customer web domain (initech-${stamp}.example`);
  await expect(panel).toContainText('Products in common: Programmable Voice');
  await expect(panel).not.toContainText('Northwind');
  await lee.getByRole('button', { name: 'Register and submit' }).click();
  await expect(
    lee.getByRole('heading', { name: 'Flagged for review: possible conflict' }),
  ).toBeVisible();
  await expect(lee.locator('main')).not.toContainText('Northwind');
  await expect(lee.locator('main')).not.toContainText(dealId);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an integrator applies from a referral link, leaving the optional fields blank', async ({
    page,
  }) => {
    await page.goto('/partners/apply?ref=northwind');
    await page.getByLabel('Company name').fill('Formfill Systems BV');
    await page.getByLabel('Company website').fill('formfill.example');
    await page.getByLabel('Country').selectOption({ index: 3 });
    await page.getByLabel('Your name').fill('Femke');
    await page.getByLabel('Work e-mail').fill(`femke-${Date.now().toString(36)}@formfill.example`);
    await page.getByLabel('Programmable Voice').check();
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect(page).toHaveURL(/\/partners\/apply\?submitted=1$/);
    await expect(page.getByRole('status')).toContainText('Thank you: your application is in.');
  });

  test('the deal form keeps values and shows errors beside fields', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('raj@northwind.test');
    await page.getByLabel('Password').fill('chasm-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.goto('/portal/deals/new');
    await page.getByLabel('Customer company').fill('Half Filled Ltd');
    await page.getByLabel('Customer web domain').fill('not a domain');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expect(page.getByLabel('Customer company')).toHaveValue('Half Filled Ltd');
    await expect(
      page
        .getByText('Enter the customer’s web domain, like acme.com.')
        .or(page.getByText("Enter the customer's web domain, like acme.com."))
        // In the error summary and beside the field: the field's is the last.
        .last(),
    ).toBeVisible();
    await expect(page.getByLabel('Customer web domain')).toHaveAttribute('aria-invalid', 'true');
  });
});
