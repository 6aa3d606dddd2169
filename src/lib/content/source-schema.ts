import { z } from 'zod';

/**
 * Where a figure comes from. `kind` says how far to trust it: a study we read, a secondary
 * source quoting one, a vendor's own claim, or something we could not verify. Vendor claims,
 * unverified figures and sources without a year must say why in `note`.
 */
export const SOURCE_KINDS = ['study', 'secondary', 'vendor-claim', 'unverified'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const sourceSchema = z
  .object({
    title: z.string().min(3),
    publisher: z.string().min(2),
    year: z.number().int().min(1950).max(2100).nullable(),
    url: z.string().url(),
    kind: z.enum(SOURCE_KINDS),
    note: z.string().min(10).optional(),
  })
  .strict()
  .superRefine((source, ctx) => {
    if ((source.kind === 'vendor-claim' || source.kind === 'unverified') && !source.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: `A ${source.kind} source needs a note saying what could not be checked.`,
      });
    }
    if (source.year === null && !source.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'A source without a year needs a note saying why.',
      });
    }
  });
export type Source = z.infer<typeof sourceSchema>;

/** A figure on a page: the number, what it means, and its source. */
export const figureSchema = z
  .object({
    figure: z.string().min(1).max(24),
    claim: z.string().min(20),
    source: sourceSchema,
  })
  .strict();
export type Figure = z.infer<typeof figureSchema>;

/** A link a page offers: an internal path or an absolute URL. */
export const ctaSchema = z
  .object({
    label: z.string().min(3).max(60),
    href: z.string().regex(/^(\/|https:\/\/)/, 'Use a path on this site (/…) or an https:// URL.'),
  })
  .strict();
export type Cta = z.infer<typeof ctaSchema>;
