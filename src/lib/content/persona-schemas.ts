import { z } from 'zod';
import { PERSONA_SLUGS, SOLUTION_SLUGS } from '../catalog';
import { ctaSchema, figureSchema } from './source-schema';

const contentId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case words joined by -.');
const lowerText = z
  .string()
  .min(1)
  .transform((v) => v.trim().toLowerCase());

/** How a persona is recognised before the visitor says who they are (see src/lib/personas/resolve.ts). */
export const detectionSchema = z
  .object({
    utmAudience: z.array(lowerText).default([]),
    utmCampaigns: z.array(lowerText).default([]),
    referrerHosts: z
      .array(
        lowerText.refine(
          (h) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(h),
          'Use a bare host like github.com.',
        ),
      )
      .default([]),
    pathHints: z
      .array(z.string().regex(/^\/[a-z0-9/_-]*$/, 'Use a path like /solutions/x.'))
      .default([]),
  })
  .strict();

/**
 * One buyer persona: who it is for, what hurts, the message, the proof (each figure sourced),
 * where to go next, and how it is detected. Every part is required: a persona page missing one
 * fails the build rather than rendering a hole.
 */
export const personaSchema = z
  .object({
    slug: z.enum(PERSONA_SLUGS),
    /** How the persona is named in lists ("Contact-centre leaders"). */
    name: z.string().min(3).max(40),
    /** Completes "I am a…" in the switcher ("contact-centre leader"). */
    iAmA: z.string().min(3).max(40),
    order: z.number().int(),
    audience: z
      .object({
        summary: z.string().min(40),
        roles: z.array(z.string().min(2)).min(2),
      })
      .strict(),
    pains: z
      .array(z.object({ title: z.string().min(5).max(80), detail: z.string().min(40) }).strict())
      .min(2)
      .max(4),
    hero: z
      .object({
        eyebrow: z.string().min(3).max(60),
        headline: z.string().min(10).max(90),
        subhead: z.string().min(40).max(320),
      })
      .strict(),
    proofPoints: z.array(figureSchema).min(2).max(4),
    primaryCta: ctaSchema,
    secondaryCta: ctaSchema,
    recommendedSolutions: z.array(z.enum(SOLUTION_SLUGS)).min(1).max(3),
    flow: contentId,
    campaign: contentId,
    detection: detectionSchema,
    seo: z
      .object({ title: z.string().min(10).max(70), description: z.string().min(50).max(160) })
      .strict(),
  })
  .strict();
export type Persona = z.infer<typeof personaSchema>;
