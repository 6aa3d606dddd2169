import { expect, test } from '@playwright/test';

/** Issue 15 in the browser: the simulation beside the headline and the believability guard. */
test('the headline shows its simulation, and the disputed range only on opt-in', async ({
  page,
}) => {
  await page.goto('/roi/attrition');
  await expect(page.getByText('Results update as you type.')).toBeVisible();
  await expect(page.getByText('Before risk adjustment:').first()).toBeVisible();
  const p50 = page.getByTestId('story-p50');
  await expect(p50).toHaveText(/^-?\$[\d,.]+[KM]?$/, { timeout: 15_000 });
  await expect(
    page.getByText(/disputed range of productivity change .* is left out/),
  ).toBeVisible();
  const before = await p50.innerText();
  await page.getByLabel('Simulate disputed ranges too').check();
  await expect(page.getByText(/Including the disputed range/)).toBeVisible();
  await expect(p50).not.toHaveText(before, { timeout: 15_000 });
});

test('speed to lead at its defaults offers conservative inputs in one click', async ({ page }) => {
  await page.goto('/roi/speed-to-lead');
  await expect(page.getByText('Results update as you type.')).toBeVisible();
  const guard = page.getByTestId('believability');
  await expect(guard).toContainText('Unusually high:');
  const roi = await page.getByTestId('roi').innerText();
  await guard.getByRole('button', { name: 'Use conservative inputs' }).click();
  await expect(page.getByTestId('roi')).not.toHaveText(roi);
  await expect(page.getByLabel(/Average first-year deal value/)).toHaveValue('9600');
});
