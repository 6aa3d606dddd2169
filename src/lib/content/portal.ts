import { z } from 'zod';
import { PRODUCT_SLUGS, ROI_MODEL_IDS, SOLUTION_SLUGS } from '../catalog';

/**
 * Zod schemas for the partner program's content: tiers (content/tiers/*.yaml) and solution
 * templates (content/templates/*.mdx). src/content.config.ts and the server loaders share them,
 * so a missing field fails `astro build` and the server alike.
 */
export const sourceSchema = z.object({
  title: z.string().min(3),
  publisher: z.string().min(2),
  /** Publication year, or "n.d." for an undated page (then `accessed` says when it was read). */
  year: z.union([z.number().int().min(1990).max(2100), z.literal('n.d.')]),
  url: z.string().url(),
  accessed: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .optional(),
  /** Vendor claim, unverified, or Chasm's own choice: say so. */
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const TIER_SLUGS = ['registered', 'silver', 'gold'] as const;
export type TierSlug = (typeof TIER_SLUGS)[number];

export const tierSchema = z.object({
  slug: z.enum(TIER_SLUGS),
  name: z.string().min(1),
  order: z.number().int(),
  summary: z.string().min(20),
  /** Days a registration is protected after approval. */
  protectionDays: z.number().int().min(7).max(365),
  /** Days one approved extension adds. */
  extensionDays: z.number().int().min(1).max(180),
  requirements: z.array(z.string().min(5)).min(1),
  benefits: z.array(z.string().min(5)).min(2),
  sources: z.array(sourceSchema).min(1),
});
export type Tier = z.infer<typeof tierSchema>;

const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'Use a version like 1.2.0.');

export const templateSchema = z.object({
  slug: z.enum(SOLUTION_SLUGS),
  title: z.string().min(3),
  version: semver,
  updated: z.coerce.date(),
  summary: z.string().min(40),
  /** Who buys it, in one line. */
  audience: z.string().min(10),
  components: z
    .array(z.object({ product: z.enum(PRODUCT_SLUGS), role: z.string().min(10) }))
    .min(1),
  phases: z
    .array(
      z.object({
        name: z.string().min(3),
        weeks: z.number().positive().max(52),
        /** Partner effort in person-days: a planning estimate, not a benchmark. */
        effortDays: z.number().positive().max(1000),
        deliverables: z.array(z.string().min(3)).min(1),
      }),
    )
    .min(2),
  billOfMaterials: z
    .array(
      z.object({
        item: z.string().min(3),
        product: z.enum(PRODUCT_SLUGS).optional(),
        quantity: z.number().positive(),
        unit: z.string().min(1),
        note: z.string().optional(),
      }),
    )
    .min(1),
  prerequisites: z.array(z.string().min(5)).min(1),
  risks: z.array(z.object({ risk: z.string().min(5), mitigation: z.string().min(5) })).min(1),
  roi: z.object({
    model: z.enum(ROI_MODEL_IDS),
    /** Scenario inputs for a typical customer (sizes, not benchmarks); the model's defaults carry sources. */
    preset: z.record(z.string(), z.number()),
    note: z.string().min(10),
  }),
  changelog: z
    .array(z.object({ version: semver, date: z.coerce.date(), note: z.string().min(5) }))
    .min(1),
});
export type SolutionTemplate = z.infer<typeof templateSchema>;
