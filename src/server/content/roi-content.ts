import type { RoiModelId } from '../../lib/catalog';
import {
  benchmarkFileSchema,
  marketHeadlineSchema,
  marketSchema,
  type BenchmarkDefault,
  type MarketContent,
  type MarketHeadline,
} from '../../lib/content/roi-schemas';
import type { Range } from '../../lib/roi/analysis/ranges';
import { validateValues, type InputValues } from '../../lib/roi/fields';
import { BENEFIT_LINES, getModel, MODELS, type ModelContext } from '../../lib/roi/models';
import { riskDefaults } from '../../lib/roi/risk';
import { parseYamlFiles } from './yaml-files';

export interface RoiContent {
  benchmarks: Record<RoiModelId, Record<string, BenchmarkDefault>>;
  defaults: Record<RoiModelId, InputValues>;
  ranges: Record<RoiModelId, Record<string, Range | undefined>>;
  markets: MarketContent[];
  headline: MarketHeadline | undefined;
  context: ModelContext;
}

const MODEL_IDS = Object.keys(MODELS) as RoiModelId[];

/** Every input's default with sources; market sizing adds its per-market shares and toggles. */
function benchmarksFor(
  model: RoiModelId,
  files: ReturnType<typeof benchmarkFileSchema.parse>[],
  markets: readonly MarketContent[],
): Record<string, BenchmarkDefault> {
  const file = files.find((b) => b.model === model);
  if (!file) throw new Error(`content/benchmarks has no file for the ${model} model`);
  const out: Record<string, BenchmarkDefault> = { ...file.defaults };
  // Risk adjustments are derived from the evidence of the inputs they cover (lib/roi/risk.ts).
  const labels = new Map(
    getModel(model)
      .fields({ markets })
      .map((f) => [f.key, f.label]),
  );
  const labelOf = (key: string) => {
    const label = labels.get(key) ?? key;
    return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
  };
  const withRisk = () => ({ ...out, ...riskDefaults(BENEFIT_LINES[model], out, labelOf) });
  if (model !== 'market-sizing') return withRisk();
  for (const m of markets) {
    out[`serviceableShare.${m.id}`] = m.serviceableShare;
    out[`obtainableShare.${m.id}`] = m.obtainableShare;
    for (const e of m.estimates) {
      out[`include.${e.id}`] = {
        value: e.includedByDefault ? 1 : 0,
        basis: 'published',
        note: e.note ?? e.definition,
        sources: [e.source],
      };
    }
  }
  return withRisk();
}

/** A model's default values; a missing or out-of-range default is an error naming it. */
function defaultsFor(
  model: RoiModelId,
  benchmarks: Record<string, BenchmarkDefault>,
  context: ModelContext,
): InputValues {
  const fields = getModel(model).fields(context);
  const values: InputValues = {};
  for (const field of fields) {
    const benchmark = benchmarks[field.key];
    if (!benchmark) throw new Error(`content/benchmarks: ${model} has no default for ${field.key}`);
    values[field.key] = benchmark.value;
  }
  const issues = validateValues(fields, values);
  if (issues.length) {
    const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new Error(`content/benchmarks: invalid ${model} defaults: ${list}`);
  }
  return values;
}

/**
 * Validates and assembles the ROI content from raw YAML files (path → text): benchmark
 * defaults per model, markets and the essay's headline.
 */
export function buildRoiContent(files: {
  benchmarks: Record<string, string>;
  markets: Record<string, string>;
  headline: Record<string, string>;
}): RoiContent {
  const benchmarkFiles = parseYamlFiles(files.benchmarks, benchmarkFileSchema);
  const markets = parseYamlFiles(files.markets, marketSchema).sort((a, b) => a.order - b.order);
  const context: ModelContext = { markets };
  const benchmarks = Object.fromEntries(
    MODEL_IDS.map((id) => [id, benchmarksFor(id, benchmarkFiles, markets)]),
  ) as RoiContent['benchmarks'];
  return {
    benchmarks,
    defaults: Object.fromEntries(
      MODEL_IDS.map((id) => [id, defaultsFor(id, benchmarks[id], context)]),
    ) as RoiContent['defaults'],
    ranges: Object.fromEntries(
      MODEL_IDS.map((id) => [
        id,
        Object.fromEntries(Object.entries(benchmarks[id]).map(([k, b]) => [k, b.range])),
      ]),
    ) as RoiContent['ranges'],
    markets,
    headline: parseYamlFiles(files.headline, marketHeadlineSchema)[0],
    context,
  };
}
