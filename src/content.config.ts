import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { brandSchema, productSchema } from './lib/content/schemas';
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

export const collections = { products, brand, tiers, templates };
