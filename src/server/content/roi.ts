import type { RoiModelId } from '../../lib/catalog';
import type {
  BenchmarkDefault,
  MarketContent,
  MarketHeadline,
} from '../../lib/content/roi-schemas';
import type { Range } from '../../lib/roi/analysis/ranges';
import type { InputValues } from '../../lib/roi/fields';
import type { ModelContext } from '../../lib/roi/models';
import { buildRoiContent } from './roi-content';

// Bundled at build time (and by Vitest), like the rest of content/. Checked once at start-up:
// a missing or out-of-range default stops the process (and the tests).
const content = buildRoiContent({
  benchmarks: import.meta.glob<string>('/content/benchmarks/*.yaml', {
    eager: true,
    query: '?raw',
    import: 'default',
  }),
  markets: import.meta.glob<string>('/content/markets/*.yaml', {
    eager: true,
    query: '?raw',
    import: 'default',
  }),
  headline: import.meta.glob<string>('/content/markets/headline/*.yaml', {
    eager: true,
    query: '?raw',
    import: 'default',
  }),
});

/** Every input's default, its range and sources, for a model. */
export function getBenchmarks(model: RoiModelId): Record<string, BenchmarkDefault> {
  return content.benchmarks[model];
}

/** The default inputs of a model (validated when the content loads). */
export function getDefaultValues(model: RoiModelId): InputValues {
  return { ...content.defaults[model] };
}

/** The low–high range of each input where the evidence gives one. */
export function getRanges(model: RoiModelId): Record<string, Range | undefined> {
  return content.ranges[model];
}

export function listMarkets(): MarketContent[] {
  return content.markets;
}

export function getMarketHeadline(): MarketHeadline {
  if (!content.headline) throw new Error('content/markets/headline/essay.yaml is missing');
  return content.headline;
}

/** What the models need besides their inputs. */
export function getModelContext(): ModelContext {
  return content.context;
}
