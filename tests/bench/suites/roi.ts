import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RoiModelId } from '../../../src/lib/catalog';
import {
  DEFAULT_TRIALS,
  distributionsFor,
  runMonteCarlo,
} from '../../../src/lib/roi/analysis/monte-carlo';
import { tornado } from '../../../src/lib/roi/analysis/sensitivity';
import { parseTextValues, textValues } from '../../../src/lib/roi/fields';
import { getModel } from '../../../src/lib/roi/models';
import { buildRoiContent } from '../../../src/server/content/roi-content';
import { load, throughputRow, type BenchRow, type Ratio } from '../harness';
import type { BenchContext } from '../run';

const ROOT = resolve(import.meta.dirname, '../../..');
const MODELS: RoiModelId[] = ['attrition', 'speed-to-lead', 'market-sizing'];

/** Budgets from DESIGN.md, in milliseconds. */
const MONTE_CARLO_BUDGET_MS = 30;
const RECOMPUTE_BUDGET_MS = 1;

function yamlFiles(dir: string): Record<string, string> {
  const path = join(ROOT, dir);
  return Object.fromEntries(
    readdirSync(path)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [join(dir, f), readFileSync(join(path, f), 'utf8')]),
  );
}

/** Median milliseconds of `fn` over `runs` runs, after `warmup` unmeasured ones. */
function medianMs(fn: () => unknown, runs: number, warmup = Math.ceil(runs / 5)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * The ROI engine in process (what the browser runs on each keystroke and in the Web Worker),
 * and roi.compute through the full server for comparison.
 */
export async function roiSuite(ctx: BenchContext): Promise<{ rows: BenchRow[]; ratios: Ratio[] }> {
  const content = buildRoiContent({
    benchmarks: yamlFiles('content/benchmarks'),
    markets: yamlFiles('content/markets'),
    headline: yamlFiles('content/markets/headline'),
  });
  const rows: BenchRow[] = [];
  const ratios: Ratio[] = [];
  for (const id of MODELS) {
    const model = getModel(id);
    const values = content.defaults[id];
    const fields = model.fields(content.context);
    const texts = textValues(fields, values);
    const ranges = content.ranges[id];
    const evaluate = medianMs(() => model.evaluate(values, content.context), 2000);
    // One recompute as the calculator does it: parse every field, evaluate, redo the tornado.
    const recompute = medianMs(() => {
      const parsed = parseTextValues(fields, texts);
      model.evaluate(parsed.values, content.context);
      tornado(model, parsed.values, content.context, ranges);
    }, 500);
    const distributions = distributionsFor(model, values, content.context, ranges);
    let seed = 1;
    const monteCarlo = medianMs(
      () =>
        runMonteCarlo(model, values, content.context, distributions, {
          trials: DEFAULT_TRIALS,
          seed: seed++,
        }),
      15,
      3,
    );
    rows.push(
      {
        suite: 'roi',
        name: `${id}: one model evaluation`,
        value: evaluate * 1000,
        unit: 'µs',
        detail: { median_of: 2000 },
      },
      {
        suite: 'roi',
        name: `${id}: one recompute (parse + evaluate + tornado)`,
        value: recompute,
        unit: 'ms',
        detail: {
          budget_ms: RECOMPUTE_BUDGET_MS,
          tornado_rows: tornado(model, values, content.context, ranges).rows.length,
        },
      },
      {
        suite: 'roi',
        name: `${id}: Monte Carlo, ${DEFAULT_TRIALS.toLocaleString('en-US')} trials`,
        value: monteCarlo,
        unit: 'ms',
        detail: { budget_ms: MONTE_CARLO_BUDGET_MS, uncertain_inputs: distributions.length },
      },
    );
    ratios.push(
      {
        name: `${id}: recompute budget / measured`,
        numerator: `${RECOMPUTE_BUDGET_MS} ms`,
        denominator: `${id}: one recompute (parse + evaluate + tornado)`,
        value: RECOMPUTE_BUDGET_MS / recompute,
        budget: 1,
      },
      {
        name: `${id}: Monte Carlo budget / measured`,
        numerator: `${MONTE_CARLO_BUDGET_MS} ms`,
        denominator: `${id}: Monte Carlo, ${DEFAULT_TRIALS} trials`,
        value: MONTE_CARLO_BUDGET_MS / monteCarlo,
        budget: 1,
      },
    );
  }
  const input = encodeURIComponent(JSON.stringify({ model: 'attrition' }));
  const http = await load({ url: `${ctx.baseUrl}/api/trpc/roi.compute?input=${input}` });
  rows.push(throughputRow('roi', 'roi.compute (attrition) through the full server', http));
  return { rows, ratios };
}
