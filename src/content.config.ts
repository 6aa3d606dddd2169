import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { brandSchema, productSchema } from './lib/content/schemas';
import { benchmarkFileSchema, marketHeadlineSchema, marketSchema } from './lib/content/roi-schemas';

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

export const collections = { products, brand, benchmarks, markets, marketHeadline };
