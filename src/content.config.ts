import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { brandSchema, productSchema } from './lib/content/schemas';
import {
  campaignSchema,
  campaignStepSchema,
  salesTeamSchema,
} from './lib/content/campaign-schemas';
import { flowSchema } from './lib/content/flow-schemas';
import { personaSchema } from './lib/content/persona-schemas';
import { solutionSchema } from './lib/content/solution-schemas';
import { benchmarkFileSchema, marketHeadlineSchema, marketSchema } from './lib/content/roi-schemas';
import { templateSchema, tierSchema } from './lib/content/portal';

/**
 * Content collections. Each schema lives in src/lib/content/schemas.ts so the server's loaders
 * validate the same way; a missing or wrong field fails `astro build`.
 */
const products = defineCollection({
  loader: glob({ base: './content/products', pattern: '*.yaml' }),
  schema: productSchema,
});

const brand = defineCollection({
  loader: glob({ base: './content/brand', pattern: '*.yaml' }),
  schema: brandSchema,
});

const tiers = defineCollection({
  loader: glob({ base: './content/tiers', pattern: '*.yaml' }),
  schema: tierSchema,
});

const templates = defineCollection({
  loader: glob({ base: './content/templates', pattern: '*.mdx' }),
  schema: templateSchema,
});

// ROI content: benchmark defaults per model, market estimates, and the essay's headline.
const benchmarks = defineCollection({
  loader: glob({ base: './content/benchmarks', pattern: '*.yaml' }),
  schema: benchmarkFileSchema,
});
const markets = defineCollection({
  loader: glob({ base: './content/markets', pattern: '*.yaml' }),
  schema: marketSchema,
});
const marketHeadline = defineCollection({
  loader: glob({ base: './content/markets/headline', pattern: '*.yaml' }),
  schema: marketHeadlineSchema,
});

// Personas (issue 3): the same schemas as src/server/content/persona-content.ts, which also
// checks links between files (a persona's flow, campaign and solutions must exist).
const personas = defineCollection({
  loader: glob({ base: './content/personas', pattern: '*.yaml' }),
  schema: personaSchema,
});
const flows = defineCollection({
  loader: glob({ base: './content/personas/flows', pattern: '*.yaml' }),
  schema: flowSchema,
});
const solutions = defineCollection({
  loader: glob({ base: './content/solutions', pattern: '*.yaml' }),
  schema: solutionSchema,
});
const campaigns = defineCollection({
  loader: glob({ base: './content/campaigns', pattern: '*/campaign.yaml' }),
  schema: campaignSchema,
});
const campaignSteps = defineCollection({
  loader: glob({ base: './content/campaigns', pattern: '*/*.mdx' }),
  schema: campaignStepSchema,
});
const sales = defineCollection({
  loader: glob({ base: './content/sales', pattern: '*.yaml' }),
  schema: salesTeamSchema,
});

export const collections = {
  products,
  brand,
  personas,
  flows,
  solutions,
  campaigns,
  campaignSteps,
  sales,
  benchmarks,
  markets,
  marketHeadline,
  tiers,
  templates,
};
