import { expect, test, type Page } from '@playwright/test';

async function signIn(page: Page, email = 'exec@chasm.test') {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('chasm-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Waits until the island has hydrated (its note replaces the no-JavaScript button). */
async function openCalculator(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByText('Results update as you type.')).toBeVisible();
}

test('changing an input recomputes NPV at once, signed out', async ({ page }) => {
  await openCalculator(page, '/roi/attrition');
  const npv = page.getByTestId('npv');
  const before = await npv.innerText();
  expect(before).toMatch(/^\$[\d,]+$/);
  await page.getByLabel('Agents (N)').fill('1000');
  await expect(npv).not.toHaveText(before);
  await expect(page.getByTestId('replaced-before')).toHaveText('350');
  await expect(page).toHaveURL(/agents=1000/);
  // The address brings the same numbers back.
  await page.reload();
  await expect(page.getByLabel('Agents (N)')).toHaveValue('1000');
});

test('bad input gets a message per field and never a NaN', async ({ page }) => {
  await openCalculator(page, '/roi/attrition');
  const agents = page.getByLabel('Agents (N)');
  await agents.fill('abc');
  await expect(page.getByText('Agents must be a number.')).toBeVisible();
  await expect(agents).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Current attrition per year (a₀)').fill('150');
  await expect(page.getByText('Current attrition per year must be at most 100%.')).toBeVisible();
  await page.getByLabel('Cost to replace one agent (C)').fill('1e308');
  await expect(
    page.getByText('Cost to replace one agent must be at most $10,000,000,000.'),
  ).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('3 inputs need attention');
  await expect(page.locator('body')).not.toContainText('NaN');
  await agents.fill('-5');
  await expect(page.getByText('Agents must be at least 1.')).toBeVisible();
  await agents.fill('400');
  await page.getByLabel('Current attrition per year (a₀)').fill('40');
  await page.getByLabel('Cost to replace one agent (C)').fill('12000');
  await expect(page.getByText('need attention')).toHaveCount(0);
});

test('Monte Carlo runs in a worker, repeats with the same seed, and can be cancelled', async ({
  page,
}) => {
  await openCalculator(page, '/roi/speed-to-lead');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const p50 = page.getByTestId('p50');
  await expect(p50).toBeVisible();
  await expect(page.getByTestId('p10')).toBeVisible();
  await expect(page.getByTestId('p90')).toBeVisible();
  // The panel's own note (the headline's summary line also names its 10,000 trials).
  const panelNote = page.getByText(/^10,000 trials, seed 1, [\d,]+ ms$/);
  await expect(panelNote).toBeVisible();
  const first = await p50.innerText();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(panelNote).toBeVisible();
  await expect(p50).toHaveText(first);

  // Start and cancel in one task, so the worker cannot finish first: the progress bar and the
  // Cancel button must be there as soon as the run starts.
  await page.getByLabel('Trials').selectOption('200000');
  const sawProgress = await page.evaluate(async () => {
    const button = (name: string) =>
      [...document.querySelectorAll('button')].find((b) => b.textContent === name);
    button('Run simulation')!.click();
    // React renders a click's update in a microtask; the worker's replies are tasks, so none
    // can arrive before Cancel is clicked.
    await Promise.resolve();
    await Promise.resolve();
    const progress = document.querySelector('progress');
    button('Cancel')!.click();
    return progress !== null && progress.getAttribute('max') === '200000';
  });
  expect(sawProgress).toBe(true);
  await expect(page.getByText('Simulation cancelled.')).toBeVisible();
  await expect(page.getByTestId('p50')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
});

test('an executive saves a scenario, shares it, and the link opens signed out until revoked', async ({
  page,
  browser,
}) => {
  await signIn(page);
  await openCalculator(page, '/roi/attrition');
  await page.getByLabel('Agents (N)').fill('750');
  const npv = await page.getByTestId('npv').innerText();
  const name = `Board case ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page).toHaveURL(/\/roi\/scenarios\/[0-9A-Z]{26}\?saved=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText('Scenario saved.')).toBeVisible();
  await expect(page.getByTestId('npv')).toHaveText(npv);

  await page.getByRole('button', { name: 'Create read-only link' }).click();
  const link = page.getByLabel('Anyone with this link can view the scenario');
  await expect(link).toHaveValue(/\/roi\/shared\/[a-z2-9]{32}$/);
  const url = await link.inputValue();

  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  await anon.goto(url);
  await expect(anon.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(anon.getByText('Read-only')).toBeVisible();
  await expect(anon.getByTestId('npv')).toHaveText(npv);
  await expect(anon.getByRole('button', { name: /Delete|Revoke/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Revoke link' }).click();
  await expect(page.getByText('Link revoked.')).toBeVisible();
  const response = await anon.goto(url);
  expect(response?.status()).toBe(404);
  await expect(anon.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await visitor.close();
});

test('compares two saved scenarios side by side', async ({ page }) => {
  await signIn(page);
  await page.goto('/roi/scenarios');
  await page.getByRole('checkbox', { name: /phase 1/ }).check();
  await page.getByRole('checkbox', { name: /full rollout/ }).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await expect(page.getByRole('heading', { name: 'Compare 2 scenarios' })).toBeVisible();
  // The rollout share differs between them and is highlighted.
  await expect(page.locator('mark.changed', { hasText: '30%' })).toBeVisible();
});

test('visitors are asked to sign in to save, and come back to their numbers', async ({ page }) => {
  await openCalculator(page, '/roi/speed-to-lead');
  await page.getByLabel('Inbound leads per month').fill('900');
  await expect(page).toHaveURL(/monthlyLeads=900/);
  await page.getByRole('link', { name: 'Sign in to save' }).click();
  await page.getByLabel('E-mail').fill('channel@chasm.test');
  await page.getByLabel('Password').fill('chasm-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/roi\/speed-to-lead\?monthlyLeads=900/);
  await expect(page.getByLabel('Inbound leads per month')).toHaveValue('900');
  await expect(page.getByRole('button', { name: 'Save scenario' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the calculator form computes on the server', async ({ page }) => {
    await page.goto('/roi/attrition');
    const before = await page.getByTestId('npv').innerText();
    await page.getByLabel('Agents (N)').fill('900');
    await page.getByRole('button', { name: 'Update results' }).click();
    await expect(page).toHaveURL(/agents=900/);
    await expect(page.getByTestId('npv')).not.toHaveText(before);
    await page.getByLabel('Agents (N)').fill('many');
    await page.getByRole('button', { name: 'Update results' }).click();
    await expect(page.getByText('Agents must be a number.')).toBeVisible();
  });
});
