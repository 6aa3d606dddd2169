import type { RoiModelId } from '../../lib/catalog';
import {
  benchmarkFileSchema,
  marketHeadlineSchema,
  marketSchema,
  type BenchmarkDefault,
  type BenchmarkFile,
  type MarketContent,
  type MarketHeadline,
} from '../../lib/content/roi-schemas';
import { validateValues, type InputValues } from '../../lib/roi/fields';
import { getModel, MODELS, type ModelContext } from '../../lib/roi/models';
import type { Range } from '../../lib/roi/analysis/ranges';
import { parseYamlFiles } from './yaml-files';

// Bundled at build time (and by Vitest), like the rest of content/.
const benchmarkFiles = import.meta.glob<string>('/content/benchmarks/*.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const marketFiles = import.meta.glob<string>('/content/markets/*.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const headlineFiles = import.meta.glob<string>('/content/markets/headline/*.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});

const benchmarkList: BenchmarkFile[] = parseYamlFiles(benchmarkFiles, benchmarkFileSchema);
const markets: MarketContent[] = parseYamlFiles(marketFiles, marketSchema).sort(
  (a, b) => a.order - b.order,
);
const headline: MarketHeadline | undefined = parseYamlFiles(headlineFiles, marketHeadlineSchema)[0];
const context: ModelContext = { markets };

/** Defaults with sources for every input of a model, keyed like its fields. */
function buildBenchmarks(model: RoiModelId): Record<string, BenchmarkDefault> {
  const file = benchmarkList.find((b) => b.model === model);
  if (!file) throw new Error(`content/benchmarks has no file for the ${model} model`);
  const out: Record<string, BenchmarkDefault> = { ...file.defaults };
  if (model === 'market-sizing') {
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
  }
  return out;
}

const benchmarks = Object.fromEntries(
  Object.keys(MODELS).map((id) => [id, buildBenchmarks(id as RoiModelId)]),
) as Record<RoiModelId, Record<string, BenchmarkDefault>>;

function buildDefaults(model: RoiModelId): InputValues {
  const values: InputValues = {};
  for (const field of getModel(model).fields(context)) {
    const benchmark = benchmarks[model][field.key];
    if (!benchmark) throw new Error(`content/benchmarks: ${model} has no default for ${field.key}`);
    values[field.key] = benchmark.value;
  }
  const issues = validateValues(getModel(model).fields(context), values);
  if (issues.length) {
    throw new Error(
      `content/benchmarks: invalid ${model} defaults: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  return values;
}

// Checked once at start-up: a missing or out-of-range default stops the process (and the tests).
const defaults = Object.fromEntries(
  Object.keys(MODELS).map((id) => [id, buildDefaults(id as RoiModelId)]),
) as Record<RoiModelId, InputValues>;

/** Every input's default, its range and sources, for a model. */
export function getBenchmarks(model: RoiModelId): Record<string, BenchmarkDefault> {
  return benchmarks[model];
}

/** The default inputs of a model (validated when the content loads). */
export function getDefaultValues(model: RoiModelId): InputValues {
  return { ...defaults[model] };
}

/** The low–high range of each input where the evidence gives one. */
export function getRanges(model: RoiModelId): Record<string, Range | undefined> {
  return Object.fromEntries(Object.entries(benchmarks[model]).map(([key, b]) => [key, b.range]));
}

export function listMarkets(): MarketContent[] {
  return markets;
}

export function getMarketHeadline(): MarketHeadline {
  if (!headline) throw new Error('content/markets/headline/essay.yaml is missing');
  return headline;
}

/** What the models need besides their inputs. */
export function getModelContext(): ModelContext {
  return context;
}
