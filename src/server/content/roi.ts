import type { RoiModelId } from '../../lib/catalog';
import type {
  BenchmarkDefault,
  MarketContent,
  MarketHeadline,
} from '../../lib/content/roi-schemas';
import type { Range } from '../../lib/roi/analysis/ranges';
import type { InputValues } from '../../lib/roi/fields';
import type { ModelContext } from '../../lib/roi/models';
import { readdirSync, readFileSync } from 'node:fs';
import { buildRoiContent } from './roi-content';

type Files = Parameters<typeof buildRoiContent>[0];

// Bundled at build time (and by Vitest), like the rest of content/.
function bundledFiles(): Files {
  return {
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
  };
}

/** Scripts run by tsx rather than Vite (the bench's bare tRPC server) read content/ from disk. */
function filesOnDisk(): Files {
  const read = (dir: string) => {
    const url = new URL(`../../../content/${dir}/`, import.meta.url);
    return Object.fromEntries(
      readdirSync(url)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => [`/content/${dir}/${f}`, readFileSync(new URL(f, url), 'utf8')]),
    );
  };
  return {
    benchmarks: read('benchmarks'),
    markets: read('markets'),
    headline: read('markets/headline'),
  };
}

function loadFiles(): Files {
  try {
    return bundledFiles();
  } catch (error) {
    // Outside Vite, import.meta.glob does not exist.
    if (error instanceof TypeError) return filesOnDisk();
    throw error;
  }
}

// Checked once at start-up: a missing or out-of-range default stops the process (and the tests).
const content = buildRoiContent(loadFiles());

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
