import { z } from 'zod';
import { ROI_MODEL_IDS } from '../catalog';

/**
 * What a browser may send to POST /api/events, validated per event type. Everything else
 * (leads, deals, exposures…) is recorded by the server itself.
 */
export const MAX_BATCH_EVENTS = 100;
export const MAX_BATCH_BYTES = 64 * 1024;
/** Clocks drift; an event may claim to be at most this far in the future. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;
/** A beacon queued offline may arrive late, but not later than this. */
export const MAX_EVENT_AGE_MS = 7 * 86_400_000;

const pageUrl = z
  .string()
  .max(2000, 'The page address is too long (2,000 characters at most).')
  .refine(
    (value) =>
      value.startsWith('/') &&
      !value.startsWith('//') &&
      URL.canParse(value, 'http://site.invalid'),
    'The page address must be a path on this site, like /for/developers.',
  );

const base = {
  /** Path and query of the page, e.g. /for/developers?utm_source=newsletter&ref=NW42. */
  url: pageUrl,
  /** document.referrer; only its host is kept. */
  referrer: z.string().max(2000).optional(),
  /** Milliseconds since the epoch, when the event happened in the browser. */
  at: z.number().int().positive().optional(),
  /**
   * A random id the browser gives the event, so a batch re-sent after a lost answer is stored
   * once (the server drops an id it has seen, within the raw-event retention window).
   */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'An event id is 16 to 64 letters, digits, "-" or "_".')
    .optional(),
};

const propsLimit = (value: unknown) => JSON.stringify(value ?? {}).length <= 2000;

export const clientEventSchema = z
  .discriminatedUnion(
    'type',
    [
      z
        .object({
          type: z.literal('page_view'),
          ...base,
          props: z
            .object({ title: z.string().max(300).optional() })
            .strict()
            .optional(),
        })
        .strict(),
      z
        .object({
          type: z.literal('cta_clicked'),
          ...base,
          props: z
            .object({ cta: z.string().min(1).max(100), href: z.string().max(500).optional() })
            .strict(),
        })
        .strict(),
      z
        .object({
          type: z.literal('roi_computed'),
          ...base,
          props: z
            .object({
              model: z.enum(ROI_MODEL_IDS),
              npv: z.number().finite().optional(),
              currency: z.string().length(3).optional(),
            })
            .strict(),
        })
        .strict(),
    ],
    {
      errorMap: (issue, ctx) =>
        issue.code === 'invalid_union_discriminator'
          ? {
              message:
                'Unknown event type. Browsers may send page_view, cta_clicked or roi_computed.',
            }
          : { message: ctx.defaultError },
    },
  )
  .refine((e) => propsLimit(e.props), {
    message: 'Event properties are too large (2,000 characters at most).',
    path: ['props'],
  });

export type ClientEvent = z.infer<typeof clientEventSchema>;

export const clientBatchSchema = z
  .object({
    events: z
      .array(z.unknown())
      .min(1, 'Send at least one event.')
      .max(MAX_BATCH_EVENTS, `Send at most ${MAX_BATCH_EVENTS} events per batch.`),
  })
  .strict();
