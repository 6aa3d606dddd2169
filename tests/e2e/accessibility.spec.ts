/**
 * The accessibility crawl: every page each demo role can reach by following links (and the
 * guest pages), checked with axe-core for WCAG 2.0–2.2 A and AA at 1280 px and 375 px, and for
 * sideways scrolling on a phone. Every link followed must open: a link to a 403 or a 404 is a
 * dead end the navigation should never have shown.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  axeFindings,
  crawl,
  DEMO_USERS,
  DESKTOP,
  horizontalOverflow,
  personPage,
  PHONE,
  type Finding,
} from './crawl';

const GUEST_START = ['/', '/solutions', '/roi', '/login', '/forgot-password', '/partners/apply'];

async function checkPage(page: Page, path: string, findings: Finding[], overflow: string[]) {
  // Closed disclosures (table alternatives, filters) hold content people open: check it too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  findings.push(...(await axeFindings(page, path)));
  // A phone loads the page at its own width (islands measure themselves when they start).
  await page.setViewportSize(PHONE);
  await page.reload({ waitUntil: 'load' });
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const wide = await horizontalOverflow(page);
  if (wide.length) overflow.push(`${path}: ${wide.join(', ')}`);
  findings.push(...(await axeFindings(page, path)));
  await page.setViewportSize(DESKTOP);
}

/**
 * The public site is the same for everyone but the header, which every signed-in page shows:
 * the guest crawl checks it all, signed-in crawls check that its links open. Of the
 * calculators (which add saving and sharing when signed in) they check one.
 */
const PUBLIC = [/^\/for\//, /^\/solutions/, /^\/docs\//, /^\/start\//, /^\/partners\/apply$/];
const CALCULATOR = /^\/roi\/(?!scenarios|shared)[^/]+$/;

const WHO = [['guest', null] as const, ...Object.entries(DEMO_USERS)];

for (const [role, email] of WHO) {
  test(`${role}: every page passes axe (WCAG 2.2 AA) at 1280 and 375 px, fits a phone, and every link opens`, async ({
    browser,
  }) => {
    test.setTimeout(900_000);
    const page = await personPage(browser, email);
    const start = email ? [new URL(page.url()).pathname, '/', '/roi'] : GUEST_START;
    const findings: Finding[] = [];
    const overflow: string[] = [];
    const visits = await crawl(
      page,
      start,
      (p, path) => checkPage(p, path, findings, overflow),
      email ? { shallow: PUBLIC, alike: [CALCULATOR] } : {},
    );

    // Enough of the site was reached for the result to mean something.
    expect(visits.filter((v) => v.status < 400).length).toBeGreaterThan(email ? 8 : 12);
    expect
      .soft(
        visits
          .filter((v) => v.status >= 400 || v.status === 0)
          .map((v) => `${v.from} → ${v.url}: ${v.status}`),
        'links that do not open',
      )
      .toEqual([]);
    expect
      .soft(
        findings.map(
          (f) => `${f.path} @${f.width}px ${f.impact} ${f.rule}: ${f.targets.join(' | ')}`,
        ),
        'serious or critical axe violations',
      )
      .toEqual([]);
    expect.soft(overflow, 'pages wider than a 375 px phone').toEqual([]);
  });
}
