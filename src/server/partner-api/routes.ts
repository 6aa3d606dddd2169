import type { z, ZodTypeAny } from 'zod';
import type { DbOrTx } from '../db';
import type { Actor } from '../deals/actor';
import {
  conflictCheckBody,
  conflictReportSchema,
  createDealBody,
  dealIdParams,
  dealListSchema,
  dealResourceSchema,
  listDealsQuery,
  templateListSchema,
} from './schemas';
import {
  apiCheckConflicts,
  apiCreateDeal,
  apiGetDeal,
  apiListDeals,
  apiListTemplates,
  apiSubmitDeal,
} from './service';

export interface OperationContext<P, Q, B> {
  db: DbOrTx;
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  now: Date;
}

/** One REST operation: its route, schemas (validation and OpenAPI) and the service it calls. */
export interface Operation<
  P extends ZodTypeAny = ZodTypeAny,
  Q extends ZodTypeAny = ZodTypeAny,
  B extends ZodTypeAny = ZodTypeAny,
> {
  operationId: string;
  method: 'GET' | 'POST';
  /** OpenAPI path under /api/v1, e.g. `/deals/{id}`. */
  path: string;
  summary: string;
  description: string;
  params?: P;
  query?: Q;
  body?: B;
  success: { status: number; description: string; schema: ZodTypeAny };
  /** Error statuses this operation can answer with (besides 401, 429 and 500, which all can). */
  errors: number[];
  handle(ctx: OperationContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<unknown> | unknown;
}

function define<P extends ZodTypeAny, Q extends ZodTypeAny, B extends ZodTypeAny>(
  op: Operation<P, Q, B>,
): Operation {
  return op as unknown as Operation;
}

/**
 * Every operation of the partner API. Route files under src/pages/api/v1 export handlers for
 * these ids; the OpenAPI document, /docs/api and the tenant-isolation test read this list.
 */
export const OPERATIONS = {
  listDeals: define({
    operationId: 'listDeals',
    method: 'GET',
    path: '/deals',
    summary: 'List your deals',
    description:
      'Your company’s deals, newest first. Follow `nextCursor` until it is null; the order is stable while new deals arrive.',
    query: listDealsQuery,
    success: { status: 200, description: 'A page of deals.', schema: dealListSchema },
    errors: [400],
    handle: ({ db, actor, query }) => apiListDeals(db, actor, query),
  }),
  createDeal: define({
    operationId: 'createDeal',
    method: 'POST',
    path: '/deals',
    summary: 'Register a deal',
    description:
      'Registers a deal as a draft, or submits it for review with `submit: true`. Conflicts with other partners’ registrations never block it; they flag it for review and appear in `conflict.evidence`. A duplicate of one of your own open deals (same customer, a product in common) is refused with 409. `externalId` is unique per company.',
    body: createDealBody,
    success: { status: 201, description: 'The deal as registered.', schema: dealResourceSchema },
    errors: [400, 409, 415, 422],
    handle: ({ db, actor, body, now }) => apiCreateDeal(db, actor, body, now),
  }),
  getDeal: define({
    operationId: 'getDeal',
    method: 'GET',
    path: '/deals/{id}',
    summary: 'Get a deal',
    description:
      'One of your deals, with its status, protection window and conflict evidence. Another company’s id answers 404.',
    params: dealIdParams,
    success: { status: 200, description: 'The deal.', schema: dealResourceSchema },
    errors: [400, 404],
    handle: ({ db, actor, params }) => apiGetDeal(db, actor, params.id),
  }),
  submitDeal: define({
    operationId: 'submitDeal',
    method: 'POST',
    path: '/deals/{id}/submit',
    summary: 'Submit a deal for review',
    description:
      'Submits a draft, or resubmits a returned deal after editing it in the portal. The conflict rules run again; the review deadline starts.',
    params: dealIdParams,
    success: { status: 200, description: 'The submitted deal.', schema: dealResourceSchema },
    errors: [400, 404, 409, 422],
    handle: ({ db, actor, params, now }) => apiSubmitDeal(db, actor, params.id, now),
  }),
  checkConflicts: define({
    operationId: 'checkConflicts',
    method: 'POST',
    path: '/conflicts/check',
    summary: 'Check a customer for conflicts',
    description:
      'Runs the conflict rules on what you send (any of company, domain and contact e-mail, plus products) without registering anything.',
    body: conflictCheckBody,
    success: {
      status: 200,
      description: 'What matched, and against which dates.',
      schema: conflictReportSchema,
    },
    errors: [400, 404, 415, 422],
    handle: ({ db, actor, body, now }) => apiCheckConflicts(db, actor, body, now),
  }),
  listTemplates: define({
    operationId: 'listTemplates',
    method: 'GET',
    path: '/templates',
    summary: 'List solution templates',
    description:
      'Every solution blueprint with its version, products, phases and bill of materials. Record `slug` as `templateSlug` on a deal.',
    success: { status: 200, description: 'The templates.', schema: templateListSchema },
    errors: [],
    handle: ({ actor }) => apiListTemplates(actor),
  }),
} satisfies Record<string, Operation>;

export type OperationId = keyof typeof OPERATIONS;
