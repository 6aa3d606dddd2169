import { z } from 'zod';
import { PERSONA_SLUGS, PRODUCT_SLUGS, ROI_MODEL_IDS, SOLUTION_SLUGS } from '../catalog';
import { figureSchema } from './source-schema';

/**
 * A complete solution: the problem in the buyer's terms, the outcomes it is measured by, the
 * products it is built from (and the job each does), how a pilot starts small, and the ROI
 * model that prices it.
 */
export const solutionSchema = z
  .object({
    slug: z.enum(SOLUTION_SLUGS),
    name: z.string().min(5).max(60),
    tagline: z.string().min(20).max(200),
    order: z.number().int(),
    personas: z.array(z.enum(PERSONA_SLUGS)).min(1),
    problem: z
      .object({ summary: z.string().min(60), points: z.array(z.string().min(20)).min(2) })
      .strict(),
    evidence: z.array(figureSchema).min(1).max(4),
    outcomes: z
      .array(
        z
          .object({
            metric: z.string().min(3).max(60),
            direction: z.enum(['down', 'up']),
            description: z.string().min(30),
          })
          .strict(),
      )
      .min(2),
    products: z
      .array(z.object({ slug: z.enum(PRODUCT_SLUGS), role: z.string().min(20) }).strict())
      .min(1),
    pilot: z
      .object({
        summary: z.string().min(40),
        duration: z.string().min(3).max(40),
        steps: z.array(z.string().min(20)).min(3),
        exitCriteria: z.array(z.string().min(15)).min(1),
      })
      .strict(),
    roi: z.object({ model: z.enum(ROI_MODEL_IDS), pitch: z.string().min(40) }).strict(),
    seo: z
      .object({ title: z.string().min(10).max(70), description: z.string().min(50).max(160) })
      .strict(),
  })
  .strict();
export type Solution = z.infer<typeof solutionSchema>;
