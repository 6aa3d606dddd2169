import { z } from 'zod';
import { PRODUCT_SLUGS } from '../catalog';

/**
 * Zod schemas for content, shared by `src/content.config.ts` (the build fails on a bad file)
 * and by the server's content loaders (services read the same data outside Astro pages).
 */
export const productSchema = z.object({
  slug: z.enum(PRODUCT_SLUGS),
  name: z.string().min(1),
  category: z.enum(['communications', 'connectivity', 'routing', 'data']),
  summary: z.string().min(20),
  /** What a buyer gets, in their terms, not the API's. */
  capabilities: z.array(z.string().min(5)).min(2),
  docsPath: z.string().startsWith('/'),
  order: z.number().int(),
});
export type Product = z.infer<typeof productSchema>;

export const brandSchema = z.object({
  name: z.string().min(1),
  tagline: z.string().min(10),
  description: z.string().min(40),
  salesEmail: z.string().email(),
  partnersEmail: z.string().email(),
});
export type Brand = z.infer<typeof brandSchema>;
