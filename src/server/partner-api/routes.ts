import type { ZodTypeAny } from 'zod';
import { describeConflict } from '../../lib/matching/explain';
import type { DbOrTx } from '../db';
import * as deals from '../deals/operations';
import { createDealInput } from '../deals/operations/create-deal';
import { updateDealInput } from '../deals/operations/update-deal';
import type { Operation as UseCase } from '../operations/operation';
import { listTemplates } from '../templates/operations/list-templates';
import {
  conflictReportSchema,
  dealIdParams,
  dealListSchema,
  dealResourceSchema,
  templateListSchema,
  timelineSchema,
  commentCreatedSchema,
} from './schemas';
import { dealResource, dealResources } from './resources';
import { templateResource } from './template-resource';

/** The request parts a REST operation reads, each validated by its own schema. */
export interface RestParts {
  params: any;
  query: any;
  body: any;
}

/**
 * One REST operation: a route and its documentation over a use case (`operation`). The parts'
 * schemas are the use case's own (or pieces of it), so the rules are the same as on the other
 * roads; `toInput` assembles the use case's input, `respond` shapes the answer for the API.
 */
export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** OpenAPI path under /api/v1, e.g. `/deals/{id}`. */
  path: string;
  summary: string;
  description: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any use case; its input is checked at run time
  operation: UseCase<any, any, any>;
  params?: ZodTypeAny;
  query?: ZodTypeAny;
  body?: ZodTypeAny;
  toInput(parts: RestParts): unknown;
  /** The use case's answer as the API's resource (default: as it is). */
  respond?(result: any, db: DbOrTx): unknown;
  /** A use-case issue path as the REST body names it (a PATCH body is the deal itself). */
  issuePath?(path: string): string;
  success: { status: number; description: string; schema: ZodTypeAny };
  /** Error statuses this operation can answer with (besides 401, 429 and 500, which all can). */
  errors: number[];
}

const asDeal = (result: unknown, db: DbOrTx) => dealResource(db, result as never);
const withId = ({ params, body }: RestParts) => ({ id: params.id, ...body });
const commentBody = deals.addComment.input.omit({ id: true });
const outcomeBody = deals.recordOutcome.input.omit({ id: true });
const extensionBody = deals.requestExtension.input.omit({ id: true });
const { version, submit } = updateDealInput.shape;
const patchBody = updateDealInput.shape.deal.extend({ version, submit }).strict();

/**
 * Every operation of the partner API. The edge routes /api/v1 from this list; the OpenAPI
 * document, /docs/api and the tenant-isolation test read it too.
 */
export const OPERATIONS = {
  listDeals: {
    operationId: 'listDeals',
    method: 'GET',
    path: '/deals',
    summary: 'List your deals',
    description:
      'Your company’s deals, newest first. Follow `nextCursor` until it is null; the order is stable while new deals arrive.',
    operation: deals.listDealsByCursor,
    query: deals.listDealsByCursor.input,
    toInput: ({ query }) => query,
    respond: async (result: { deals: never[]; nextCursor: string | null }, db) => ({
      data: await dealResources(db, result.deals),
      nextCursor: result.nextCursor,
    }),
    success: { status: 200, description: 'A page of deals.', schema: dealListSchema },
    errors: [400],
  },
  createDeal: {
    operationId: 'createDeal',
    method: 'POST',
    path: '/deals',
    summary: 'Register a deal',
    description:
      'Registers a deal as a draft, or submits it for review with `submit: true`. Conflicts with other partners’ registrations never block it; they flag it for review and appear in `conflict.evidence`. A duplicate of one of your own open deals (same customer, a product in common) is refused with 409. `externalId` is unique per company.',
    operation: deals.createDeal,
    body: createDealInput,
    toInput: ({ body }) => body,
    respond: asDeal,
    success: { status: 201, description: 'The deal as registered.', schema: dealResourceSchema },
    errors: [400, 409, 415, 422],
  },
  getDeal: {
    operationId: 'getDeal',
    method: 'GET',
    path: '/deals/{id}',
    summary: 'Get a deal',
    description:
      'One of your deals, with its status, protection window and conflict evidence. Another company’s id answers 404.',
    operation: deals.getDeal,
    params: dealIdParams,
    toInput: ({ params }) => params,
    respond: (result: { deal: never }, db) => dealResource(db, result.deal),
    success: { status: 200, description: 'The deal.', schema: dealResourceSchema },
    errors: [400, 404],
  },
  updateDeal: {
    operationId: 'updateDeal',
    method: 'PATCH',
    path: '/deals/{id}',
    summary: 'Edit a draft or returned deal',
    description:
      'Changes the fields you send; the others keep their values. Only a draft or a deal returned for more information can be edited, by the same rules as registration (a duplicate of your own open deal, a used `externalId` or a past close date are refused). Send `version` from your last read to refuse a stale edit with 409; `submit: true` resubmits in the same step.',
    operation: deals.updateDeal,
    params: dealIdParams,
    body: patchBody,
    toInput: ({ params, body: { version: v, submit: s, ...deal } }) => ({
      id: params.id,
      ...(v !== undefined ? { version: v } : {}),
      ...(s !== undefined ? { submit: s } : {}),
      deal,
    }),
    issuePath: (path) => path.replace(/^deal\./, ''),
    respond: asDeal,
    success: { status: 200, description: 'The deal after the edit.', schema: dealResourceSchema },
    errors: [400, 404, 409, 415, 422],
  },
  submitDeal: {
    operationId: 'submitDeal',
    method: 'POST',
    path: '/deals/{id}/submit',
    summary: 'Submit a deal for review',
    description:
      'Submits a draft, or resubmits a returned deal after editing it. The conflict rules run again; the review deadline starts.',
    operation: deals.submitDeal,
    params: dealIdParams,
    toInput: ({ params }) => params,
    respond: asDeal,
    success: { status: 200, description: 'The submitted deal.', schema: dealResourceSchema },
    errors: [400, 404, 409, 422],
  },
  addDealComment: {
    operationId: 'addDealComment',
    method: 'POST',
    path: '/deals/{id}/comments',
    summary: 'Comment on a deal',
    description:
      'Adds a comment to the deal’s timeline, which the channel manager reviewing it reads. At most 4,000 characters; comments cannot be edited or deleted.',
    operation: deals.addComment,
    params: dealIdParams,
    body: commentBody,
    toInput: withId,
    success: { status: 201, description: 'The comment’s id.', schema: commentCreatedSchema },
    errors: [400, 404, 415, 422],
  },
  recordDealOutcome: {
    operationId: 'recordDealOutcome',
    method: 'POST',
    path: '/deals/{id}/outcome',
    summary: 'Record that a deal was won or lost',
    description:
      'Closes an approved deal as won or lost. A reason is required for a loss (at most 2,000 characters) and kept in the timeline.',
    operation: deals.recordOutcome,
    params: dealIdParams,
    body: outcomeBody,
    toInput: withId,
    respond: asDeal,
    success: { status: 200, description: 'The closed deal.', schema: dealResourceSchema },
    errors: [400, 404, 409, 415, 422],
  },
  requestDealExtension: {
    operationId: 'requestDealExtension',
    method: 'POST',
    path: '/deals/{id}/extension',
    summary: 'Ask to extend a deal’s protection',
    description:
      'Asks, once per deal and before its protection ends, for the protection window to be extended; a channel manager approves or denies it. The reason is optional (at most 2,000 characters).',
    operation: deals.requestExtension,
    params: dealIdParams,
    body: extensionBody,
    toInput: withId,
    respond: asDeal,
    success: {
      status: 200,
      description: 'The deal with `extensionStatus: "requested"`.',
      schema: dealResourceSchema,
    },
    errors: [400, 404, 409, 415, 422],
  },
  listDealTimeline: {
    operationId: 'listDealTimeline',
    method: 'GET',
    path: '/deals/{id}/timeline',
    summary: 'Read a deal’s timeline',
    description:
      'Every state change, edit and comment on the deal, oldest first: who, when, from which status to which, and why.',
    operation: deals.listTimeline,
    params: dealIdParams,
    toInput: ({ params }) => params,
    respond: (items: unknown[]) => ({ data: items }),
    success: { status: 200, description: 'The timeline.', schema: timelineSchema },
    errors: [400, 404],
  },
  checkConflicts: {
    operationId: 'checkConflicts',
    method: 'POST',
    path: '/conflicts/check',
    summary: 'Check a customer for conflicts',
    description:
      'Runs the conflict rules on what you send (any of company, domain and contact e-mail, plus products) without registering anything.',
    operation: deals.checkConflicts,
    body: deals.checkConflicts.input,
    toInput: ({ body }) => body,
    respond: (report: { conflicts: Parameters<typeof describeConflict>[0][] }) => ({
      ...report,
      conflicts: report.conflicts.map((c) => ({ ...c, description: describeConflict(c) })),
    }),
    success: {
      status: 200,
      description: 'What matched, and against which dates.',
      schema: conflictReportSchema,
    },
    errors: [400, 404, 415, 422],
  },
  listTemplates: {
    operationId: 'listTemplates',
    method: 'GET',
    path: '/templates',
    summary: 'List solution templates',
    description:
      'Every solution blueprint with its version, products, phases and bill of materials. Record `slug` as `templateSlug` on a deal.',
    operation: listTemplates,
    toInput: () => undefined,
    respond: (templates: Parameters<typeof templateResource>[0][]) => ({
      data: templates.map(templateResource),
    }),
    success: { status: 200, description: 'The templates.', schema: templateListSchema },
    errors: [],
  },
} satisfies Record<string, Operation>;

export type OperationId = keyof typeof OPERATIONS;
