import { z } from 'zod';
import { ROI_MODEL_IDS } from '../catalog';

/**
 * Zod schemas for the ROI content: benchmark defaults (content/benchmarks/) and market
 * estimates (content/markets/). Every figure carries where it comes from and how far it can
 * be trusted; a file without that fails `astro build` and the server's loader.
 */

/** How a figure reached us: the study itself, someone quoting it, a vendor, or nobody. */
export const SOURCE_STATUSES = [
  'primary',
  'secondary',
  'vendor-claim',
  'disputed',
  'unverified',
  'anecdote',
  'assumption',
] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/** Statuses that must say why in a note. */
const NEEDS_NOTE: readonly SourceStatus[] = [
  'vendor-claim',
  'disputed',
  'unverified',
  'assumption',
];

export const sourceSchema = z
  .object({
    title: z.string().min(3),
    publisher: z.string().min(2),
    /** Year of publication; 'n.d.' (no date) when the page does not show one, as in citations. */
    year: z.union([z.number().int().min(1900).max(2100), z.literal('n.d.')]),
    /** Where it can be read. Only an unverified figure or our own assumption may lack one. */
    url: z.string().url().optional(),
    status: z.enum(SOURCE_STATUSES),
    note: z.string().min(10).optional(),
  })
  .strict()
  .refine((s) => s.url || s.status === 'unverified' || s.status === 'assumption', {
    message: 'A source needs a URL unless it is unverified or our assumption.',
    path: ['url'],
  });
export type Source = z.infer<typeof sourceSchema>;

export const rangeSchema = z
  .object({ low: z.number(), high: z.number() })
  .strict()
  .refine((r) => r.low <= r.high, { message: 'low must not exceed high', path: ['low'] });

/** The default of one input: value, the range the evidence spans, and its sources. */
export const benchmarkDefaultSchema = z
  .object({
    value: z.union([z.number(), z.string()]),
    /** Where published evidence spreads; sensitivity and simulation use it. */
    range: rangeSchema.optional(),
    /** published: a figure from a source; derived: computed from sourced figures; assumption: ours. */
    basis: z.enum(['published', 'derived', 'assumption']),
    note: z.string().min(10).optional(),
    sources: z.array(sourceSchema).min(1),
  })
  .strict()
  .refine((d) => d.note !== undefined || !d.sources.some((s) => NEEDS_NOTE.includes(s.status)), {
    message: 'Say in a note why a vendor claim, disputed, unverified or assumed figure is used.',
    path: ['note'],
  })
  .refine((d) => d.basis !== 'assumption' || d.note !== undefined, {
    message: 'An assumption needs a note.',
    path: ['note'],
  })
  .refine(
    (d) =>
      !d.range ||
      typeof d.value !== 'number' ||
      (d.value >= d.range.low && d.value <= d.range.high),
    { message: 'The value must lie inside its range.', path: ['range'] },
  );
export type BenchmarkDefault = z.infer<typeof benchmarkDefaultSchema>;

export const benchmarkFileSchema = z
  .object({
    model: z.enum(ROI_MODEL_IDS),
    title: z.string().min(5),
    currency: z.string().regex(/^[A-Z]{3}$/),
    defaults: z.record(z.string(), benchmarkDefaultSchema),
  })
  .strict();
export type BenchmarkFile = z.infer<typeof benchmarkFileSchema>;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

export const marketEstimateSchema = z
  .object({
    id: slug,
    label: z.string().min(3),
    baseYear: z.number().int().min(1990).max(2100),
    baseValue: z.number().positive(),
    cagr: z.number().gt(-1).lt(10).optional(),
    endYear: z.number().int().min(1990).max(2100).optional(),
    endValue: z.number().positive().optional(),
    /** Last year the source's growth rate covers, when it says (and there is no end year). */
    growthUntil: z.number().int().min(1990).max(2100).optional(),
    /** A figure quoted in the essay this product grew from. */
    fromEssay: z.boolean().default(false),
    includedByDefault: z.boolean().default(true),
    definition: z.string().min(10),
    source: sourceSchema,
    note: z.string().min(10).optional(),
  })
  .strict()
  .refine((e) => (e.cagr === undefined) !== (e.endYear === undefined && e.endValue === undefined), {
    message: 'Give either cagr, or endYear with endValue.',
    path: ['cagr'],
  })
  .refine((e) => (e.endYear === undefined) === (e.endValue === undefined), {
    message: 'endYear and endValue go together.',
    path: ['endValue'],
  })
  .refine((e) => e.endYear === undefined || e.endYear > e.baseYear, {
    message: 'endYear must be after baseYear.',
    path: ['endYear'],
  });
export type MarketEstimateContent = z.infer<typeof marketEstimateSchema>;

export const marketSchema = z
  .object({
    id: slug,
    name: z.string().min(3),
    order: z.number().int(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    summary: z.string().min(20),
    serviceableShare: benchmarkDefaultSchema,
    obtainableShare: benchmarkDefaultSchema,
    estimates: z.array(marketEstimateSchema).min(1),
    /** Figures looked at and not used, and why. */
    notUsed: z
      .array(z.object({ text: z.string().min(10), source: sourceSchema }).strict())
      .default([]),
  })
  .strict();
export type MarketContent = z.infer<typeof marketSchema>;

/** The essay's headline figure and how it is read. */
export const marketHeadlineSchema = z
  .object({
    value: z.number().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    quote: z.string().min(10),
    publishedYear: z.number().int(),
    comparisonYear: z.number().int(),
    searchFromYear: z.number().int(),
    searchToYear: z.number().int(),
    source: sourceSchema,
    note: z.string().min(10),
  })
  .strict();
export type MarketHeadline = z.infer<typeof marketHeadlineSchema>;
