/**
 * Walks the site as one person: follows every same-origin link a page shows (one page per
 * route shape, so a list of 200 deals costs one deal page), and hands each page to a check.
 * Used by the accessibility crawl; not a spec itself.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

/** The demo logins of the README, one per role (plus a second partner company). */
export const DEMO_USERS = {
  admin: 'admin@chasm.test',
  channel_manager: 'channel@chasm.test',
  executive: 'exec@chasm.test',
  partner_admin: 'ana@northwind.test',
  partner_rep: 'raj@northwind.test',
} as const;

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('chasm-demo');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function personPage(browser: Browser, email: string | null): Promise<Page> {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  if (email) await signIn(page, email);
  return page;
}

/** Paths a crawl never opens: machine endpoints, downloads, and GETs that change state. */
const SKIP = [
  /^\/api\//,
  /^\/logout/,
  /^\/persona(\?|$)/,
  /\.(csv|json|xml|txt|svg|png|ico|js|css)$/,
  /^\/analytics\/export\//,
  /^\/portal\/audit\.csv/,
  /^\/leads\/export/,
];

/**
 * The route a path belongs to: ids, tokens and dates become placeholders, so the crawl opens
 * one deal, one lead, one outbox message… but every persona and solution page (their slugs
 * are words).
 */
export function routeOf(pathname: string): string {
  return pathname
    .split('/')
    .map((s) => (/^[0-9A-HJKMNP-TV-Z]{26}$/i.test(s) || /\d/.test(s) || s.length >= 24 ? ':id' : s))
    .join('/');
}

export interface Visit {
  url: string;
  status: number;
  from: string;
}

/**
 * Breadth-first over links, from `start`. `check` runs on every page that opened; the
 * returned list is every link followed, with the page it was found on and its status.
 */
export interface CrawlOptions {
  /** Pages only opened (their status counted), neither checked nor followed further. */
  shallow?: RegExp[];
  /** Route families whose members look alike: only the first one found is opened. */
  alike?: RegExp[];
  limit?: number;
}

export async function crawl(
  page: Page,
  start: string[],
  check: (page: Page, path: string) => Promise<void>,
  { shallow = [], alike = [], limit = 120 }: CrawlOptions = {},
): Promise<Visit[]> {
  const routeKey = (pathname: string) => {
    const family = alike.find((re) => re.test(pathname));
    return family ? family.source : routeOf(pathname);
  };
  const seen = new Set<string>();
  const routes = new Set<string>();
  const queue: { path: string; from: string }[] = start.map((path) => ({ path, from: '(start)' }));
  const visits: Visit[] = [];
  while (queue.length > 0 && visits.length < limit) {
    const { path, from } = queue.shift()!;
    const pathname = path.split('?')[0]!;
    const route = routeKey(pathname);
    if (seen.has(pathname) || routes.has(route)) continue;
    seen.add(pathname);
    routes.add(route);
    if (shallow.some((re) => re.test(pathname))) {
      const answer = await page.request.get(path, { maxRedirects: 5 });
      visits.push({ url: path, status: answer.status(), from });
      continue;
    }
    // Chromium rejects an error status with an empty body; that is still an answer.
    const response = await page.goto(path, { waitUntil: 'load' }).catch(() => null);
    const status = response?.status() ?? 0;
    visits.push({ url: path, status, from });
    if (status >= 400 || status === 0) continue;
    const t0 = Date.now();
    await check(page, path);
    if (process.env.CRAWL_LOG) console.log(`${Date.now() - t0} ms ${path}`);
    const here = new URL(page.url());
    const links = await page.$$eval('a[href]', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    for (const href of links) {
      const url = new URL(href);
      if (url.origin !== here.origin) continue;
      const next = url.pathname + url.search;
      if (SKIP.some((re) => re.test(url.pathname))) continue;
      if (!seen.has(url.pathname) && !routes.has(routeKey(url.pathname)))
        queue.push({ path: next, from: here.pathname });
    }
  }
  return visits;
}

export interface Finding {
  path: string;
  width: number;
  rule: string;
  impact: string;
  targets: string[];
}

/** Serious and critical axe violations (WCAG 2.0–2.2 A and AA) on the page as it is now. */
export async function axeFindings(page: Page, path: string): Promise<Finding[]> {
  // Violations only: computing the passes too doubles the time on long pages.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const width = page.viewportSize()?.width ?? 0;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      path,
      width,
      rule: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/**
 * Whether the page scrolls sideways (the document is wider than the viewport), and the widest
 * elements that stick out, to say where.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 1;
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!sticksOut(el) || clipped(el)) continue;
      if (el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement))
        continue;
      const cls =
        typeof el.className === 'string' && el.className.trim()
          ? `.${el.className.trim().split(/\s+/)[0]}`
          : '';
      out.push(
        `${el.tagName.toLowerCase()}${cls} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`,
      );
      if (out.length >= 5) break;
    }
    return out.length ? out : [`document ${document.documentElement.scrollWidth} px wide`];
  });
}
