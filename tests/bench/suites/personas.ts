import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isInHoldout } from '../../../src/lib/personas/holdout';
import { load, throughputRow, type BenchRow, type Loaded, type Ratio } from '../harness';
import type { BenchContext } from '../run';

const SLUGS = [
  'developers',
  'systems-integrators',
  'contact-center',
  'revenue-teams',
  'it-operations',
  'executives',
];
const ROOT = resolve(import.meta.dirname, '../../..');

/** A returning visitor outside the holdout, so every request renders and logs a personalised page. */
function personalisedVisitor(): string {
  for (let i = 0; ; i++) {
    const id = `bench${i}`.padEnd(22, 'x');
    if (!isInHoldout(id, 'persona-site', 5)) return id;
  }
}

/** HTML plus its stylesheets, gzipped, as a browser downloads a persona page. */
async function gzippedPageBytes(
  baseUrl: string,
  path: string,
): Promise<{ html: number; css: number }> {
  const html = await (await fetch(`${baseUrl}${path}`)).text();
  let css = 0;
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    css += gzipSync(await (await fetch(`${baseUrl}${m[1]}`)).text()).length;
  }
  return { html: gzipSync(html).length, css };
}

interface LighthouseResult {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
}

/** Lighthouse 12 (default mobile profile, simulated throttling) in the machine's Chromium. */
function runLighthouse(url: string): LighthouseResult | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'chasm-lh-'));
  const out = join(dir, 'report.json');
  try {
    const result = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'lighthouse'),
      [
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        encoding: 'utf8',
        timeout: 180_000,
      },
    );
    if (result.status !== 0)
      return { error: (result.stderr || result.stdout || 'lighthouse failed').slice(-300) };
    return JSON.parse(readFileSync(out, 'utf8')) as LighthouseResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Personalised `/` (a returning visitor with an inferred persona: resolution, holdout check,
 * exposure event written, page rendered) against the prerendered `/for/<slug>` of the same
 * persona, in the same run; page weight of every persona page; Lighthouse on one.
 */
export async function personasSuite(
  ctx: BenchContext,
): Promise<{ rows: BenchRow[]; ratios: Ratio[] }> {
  const cookie = `chasm_vid=${personalisedVisitor()}; chasm_persona=contact-center~d`;
  const check = await (await fetch(`${ctx.baseUrl}/`, { headers: { cookie } })).text();
  if (!check.includes('Keep your agents longer'))
    throw new Error('bench visitor did not get the personalised page');
  const prerendered = await load({ url: `${ctx.baseUrl}/for/contact-center` });
  const personalised = await load({ url: `${ctx.baseUrl}/`, headers: { cookie } });
  const generic = await load({ url: `${ctx.baseUrl}/` });
  // The cheapest on-demand response this server can give (middleware + SELECT 1): the ceiling
  // for any page rendered per request, measured in the same run for context.
  const floor = await load({ url: `${ctx.baseUrl}/api/health` });
  const row = (name: string, r: Loaded) => throughputRow('personas', name, r);
  const rows: BenchRow[] = [
    row('prerendered /for/contact-center', prerendered),
    row('personalised / (exposure logged)', personalised),
    row('generic / (new visitor, no persona)', generic),
    row('on-demand floor: /api/health', floor),
  ];

  let largest = { slug: '', html: 0, css: 0 };
  for (const slug of SLUGS) {
    const size = await gzippedPageBytes(ctx.baseUrl, `/for/${slug}`);
    if (size.html + size.css > largest.html + largest.css) largest = { slug, ...size };
  }
  rows.push({
    suite: 'personas',
    name: 'largest persona page, HTML+CSS gzipped (budget 30 KB)',
    value: Math.round(((largest.html + largest.css) / 1024) * 10) / 10,
    unit: 'KB',
    detail: { page: `/for/${largest.slug}`, html_bytes: largest.html, css_bytes: largest.css },
  });

  const lighthouse = runLighthouse(`${ctx.baseUrl}/for/contact-center`);
  if ('error' in lighthouse) {
    rows.push({
      suite: 'personas',
      name: 'Lighthouse /for/contact-center',
      value: 0,
      unit: 'failed',
      detail: { error: lighthouse.error },
    });
  } else {
    const score = (id: string) => Math.round((lighthouse.categories[id]?.score ?? 0) * 100);
    rows.push({
      suite: 'personas',
      name: 'Lighthouse /for/contact-center (mobile, simulated throttling)',
      value: Math.min(
        score('performance'),
        score('accessibility'),
        score('best-practices'),
        score('seo'),
      ),
      unit: 'lowest score',
      detail: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        best_practices: score('best-practices'),
        seo: score('seo'),
        transferred_bytes: Math.round(lighthouse.audits['total-byte-weight']?.numericValue ?? 0),
        lcp_ms: Math.round(lighthouse.audits['largest-contentful-paint']?.numericValue ?? 0),
      },
    });
  }
  return {
    rows,
    ratios: [
      {
        name: 'personalised / ÷ prerendered /for/<slug>',
        numerator: 'personalised / (exposure logged)',
        denominator: 'prerendered /for/contact-center',
        value: personalised.rps / prerendered.rps,
        budget: 0.8,
      },
      {
        name: 'on-demand floor /api/health ÷ prerendered /for/<slug>',
        numerator: 'on-demand floor: /api/health',
        denominator: 'prerendered /for/contact-center',
        value: floor.rps / prerendered.rps,
      },
      {
        name: 'personalised / ÷ on-demand floor',
        numerator: 'personalised / (exposure logged)',
        denominator: 'on-demand floor: /api/health',
        value: personalised.rps / floor.rps,
      },
    ],
  };
}
