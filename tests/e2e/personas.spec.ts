import { expect, test, type BrowserContext } from '@playwright/test';
import { isInHoldout } from '../../src/lib/personas/holdout';

const SLUGS = [
  'developers',
  'systems-integrators',
  'contact-center',
  'revenue-teams',
  'it-operations',
  'executives',
];

/** A visitor id outside the 5% holdout, so the personalised page is what this test sees. */
async function personalisedVisitor(
  context: BrowserContext,
  baseURL: string | undefined,
  salt: string,
) {
  let i = 0;
  while (isInHoldout(`${salt}${i}`.padEnd(22, 'x').slice(0, 22), 'persona-site', 5)) i++;
  await context.addCookies([
    { name: 'chasm_vid', value: `${salt}${i}`.padEnd(22, 'x').slice(0, 22), url: baseURL! },
  ]);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a visitor from a contact-centre campaign sees the contact-centre hero on first paint', async ({
    page,
    context,
    baseURL,
  }) => {
    await personalisedVisitor(context, baseURL, 'e2ecc');
    await page.goto('/?utm_audience=contact-center&utm_source=newsletter&utm_medium=email');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Keep your agents longer without ripping out your contact centre',
    );
    await expect(page.locator('#persona-switch')).toHaveValue('contact-center');
  });

  test('switching to developers persists across pages', async ({ page, context, baseURL }) => {
    await personalisedVisitor(context, baseURL, 'e2esw');
    await page.goto('/?utm_audience=contact-center');
    await page.locator('#persona-switch').selectOption({ label: 'Developer' });
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Build the workflow in a day, then hand over the business case with it',
    );

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Solutions' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Complete solutions' })).toBeVisible();
    await page.getByRole('link', { name: 'Relay, home' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Build the workflow in a day, then hand over the business case with it',
    );
    // The switcher is on the marketing site only (not in the flows): the home page remembers.
    await page.goto('/');
    await expect(page.locator('#persona-switch')).toHaveValue('developers');

    // On a persona page, switching goes to the new persona's page.
    await page.goto('/for/executives');
    await page.locator('#persona-switch').selectOption({ label: 'IT or operations leader' });
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect(page).toHaveURL(/\/for\/it-operations$/);
  });

  test('completing an onboarding flow ends on a confirmation, and the follow-up e-mails are in the outbox', async ({
    page,
    browser,
  }) => {
    await page.goto('/for/it-operations');
    await page.getByRole('link', { name: 'Start: Scope a maintenance pilot' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Scope a proactive maintenance pilot',
    );

    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    // Once in the error summary, once beside the field: the field's is the last.
    await expect(page.getByText('Units in the field is required.').last()).toBeVisible();

    await page.getByLabel('Vending machines or kiosks').check();
    await page.getByLabel('Units in the field').fill('2,400');
    await page.getByLabel('Tickets in a service-management tool').check();
    await page.getByLabel('They are not connected yet').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await expect(page.getByRole('heading', { name: 'Connecting the units' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the previous step' }).click();
    await expect(page.getByLabel('Units in the field')).toHaveValue('2400');
    await page.getByLabel('Cellular already').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // The branch skipped the connectivity step.
    await expect(page.getByRole('heading', { name: 'Who should we reply to?' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Who should we reply to?' })).toBeVisible();
    await page.getByLabel('Your name').fill('Ines Ops');
    await page.getByLabel('Work e-mail').fill('ines@e2e-vending.test');
    await page.getByLabel('Company', { exact: true }).fill('Vendomatic');
    await page.getByLabel('Company website').fill('https://www.e2e-vending.test');
    await page.getByRole('button', { name: 'Send my pilot scope request' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Your pilot scope request is in',
    );
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Your pilot scope request is in',
    );

    const admin = await browser.newPage({ baseURL: page.url() });
    await admin.goto('/login');
    await admin.getByLabel('E-mail').fill('admin@chasm.test');
    await admin.getByLabel('Password').fill('chasm-demo');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.goto('/admin/outbox?to=ines%40e2e-vending.test');
    await expect(
      admin.getByRole('link', { name: 'Ines, scoping your maintenance pilot' }),
    ).toBeVisible();
    await expect(
      admin.getByRole('link', { name: 'How escalation works when nobody answers' }),
    ).toBeVisible();
    await expect(
      admin.getByRole('link', { name: 'Extending the phone system you already own' }),
    ).toBeVisible();
    await admin.goto('/leads?status=open&q=Vendomatic');
    await expect(admin.getByRole('link', { name: 'Ines Ops' })).toBeVisible();
    await expect(admin.getByText(/Due in|Overdue by/)).toBeVisible();
  });
});

test('persona pages load no framework JavaScript, only the inline beacon', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  for (const slug of SLUGS) {
    await page.goto(`/for/${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Only the inline analytics beacon (under 1 KB), never a framework bundle.
    const inline = await page.evaluate(() =>
      [...document.scripts].map((s) => ({ src: s.src, size: s.text.length })),
    );
    expect(inline.every((s) => s.src === '' && s.size < 1024)).toBe(true);
    expect(inline.length).toBeLessThanOrEqual(1);
  }
  expect(scripts).toEqual([]);
});

test('a channel manager records the first response to a lead', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('channel@chasm.test');
  await page.getByLabel('Password').fill('chasm-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
  await page.getByRole('link', { name: 'Amara Nwosu' }).click();
  await page.getByLabel('Phone call').check();
  await page.getByLabel('Note').fill('Called; pilot kick-off booked for Thursday');
  await page.getByRole('button', { name: 'Record first response' }).click();
  await expect(page.getByRole('status')).toHaveText('Response recorded.');
  await expect(page.getByText('Called; pilot kick-off booked for Thursday')).toBeVisible();
});
