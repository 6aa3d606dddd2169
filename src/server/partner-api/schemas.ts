import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { PRODUCT_SLUGS, ROI_MODEL_IDS, SOLUTION_SLUGS } from '../../lib/catalog';
import { DEAL_STATUSES } from '../../lib/deals/statuses';
import { CONFLICT_RULES } from '../../lib/matching/rules';

/**
 * The partner API's response schemas and path parameters. Request bodies are the operations'
 * own input schemas (see routes.ts); the OpenAPI document at /api/v1/openapi.json is generated
 * from both, so the document and the validation are the same code.
 */
export const dealIdParams = z
  .object({ id: z.string().regex(/^[0-9A-Z]{26}$/, 'Not a deal id.') })
  .strict();

const ruleHit = z.union([
  z.object({ rule: z.literal('domain'), domain: z.string() }),
  z.object({ rule: z.literal('email_domain'), domain: z.string() }),
  z.object({
    rule: z.literal('company_name'),
    similarity: z.number().describe('0 to 1; the rule fires at 0.9 or more.'),
  }),
  z.object({ rule: z.literal('product_overlap'), products: z.array(z.enum(PRODUCT_SLUGS)) }),
]);

export const conflictEvidence = z.object({
  state: z
    .enum(['approved', 'pending', 'closed'])
    .describe('The other registration: approved (protected), pending review, or since closed.'),
  since: z.string().describe('When the other registration was submitted.'),
  until: z.string().nullable().describe('End of its protection window (approved only).'),
  rules: z.array(ruleHit).describe(`Rules that fired: ${CONFLICT_RULES.join(', ')}.`),
  isStrong: z.boolean().describe('Customer match plus at least one product in common.'),
  description: z.string().describe('One sentence for people.'),
});

const nullableString = z.string().nullable();

export const dealResourceSchema = z.object({
  id: z.string(),
  externalId: nullableString,
  status: z.enum(DEAL_STATUSES),
  statusReason: nullableString.describe('Why the deal was returned, rejected or lost.'),
  customerName: z.string(),
  customerDomain: z.string(),
  country: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactTitle: nullableString,
  valueCents: z.number().int(),
  currency: z.string(),
  expectedCloseDate: z.string(),
  products: z.array(z.enum(PRODUCT_SLUGS)),
  useCase: z.string(),
  templateSlug: z.enum(SOLUTION_SLUGS).nullable(),
  templateVersion: nullableString,
  roiScenarioId: nullableString,
  notes: nullableString,
  source: z.enum(['portal', 'api', 'seed']),
  conflict: z.object({
    flagged: z
      .boolean()
      .describe(
        'Another partner holds a registration for this customer; a channel manager decides.',
      ),
    evidence: z.array(conflictEvidence),
  }),
  submittedAt: nullableString,
  reviewDueAt: nullableString,
  decidedAt: nullableString,
  approvedAt: nullableString,
  protectedUntil: nullableString,
  extensionStatus: z.enum(['requested', 'approved', 'denied']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  portalUrl: z.string(),
});
export type DealResource = z.infer<typeof dealResourceSchema>;

export const dealListSchema = z.object({
  data: z.array(dealResourceSchema),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as `cursor` for the next page; null on the last page.'),
});

const ownMatch = z.object({
  id: z.string(),
  customerName: z.string(),
  status: z.enum(DEAL_STATUSES),
  rules: z.array(ruleHit),
});

export const conflictReportSchema = z.object({
  conflicts: z
    .array(conflictEvidence)
    .describe("Other partners' registrations for this customer (never their names)."),
  duplicate: ownMatch
    .nullable()
    .describe(
      'Your own open deal for this customer with a product in common: registering again is refused.',
    ),
  related: z
    .array(ownMatch)
    .describe('Your own open deals for this customer with no product in common.'),
  checkedAt: z.string(),
});

export const templateResourceSchema = z.object({
  slug: z.enum(SOLUTION_SLUGS),
  title: z.string(),
  version: z.string(),
  updated: z.string(),
  summary: z.string(),
  products: z.array(z.enum(PRODUCT_SLUGS)),
  phases: z.array(
    z.object({
      name: z.string(),
      weeks: z.number(),
      effortDays: z.number(),
      deliverables: z.array(z.string()),
    }),
  ),
  billOfMaterials: z.array(
    z.object({
      item: z.string(),
      product: z.enum(PRODUCT_SLUGS).nullable(),
      quantity: z.number(),
      unit: z.string(),
    }),
  ),
  prerequisites: z.array(z.string()),
  risks: z.array(z.object({ risk: z.string(), mitigation: z.string() })),
  roi: z.object({ model: z.enum(ROI_MODEL_IDS), preset: z.record(z.string(), z.number()) }),
  portalUrl: z.string(),
});
export const templateListSchema = z.object({ data: z.array(templateResourceSchema) });

const changedValue = z.union([z.string(), z.number(), z.null()]);

export const timelineItemSchema = z.union([
  z
    .object({
      kind: z.literal('audit'),
      id: z.string(),
      at: z.string().describe('When (ISO 8601).'),
      actor: z.string().describe('Who: a person, an API key or the system.'),
      action: z.string().describe('create, edit, submit, approve, return, reject, mark_won…'),
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string().nullable(),
      changes: z
        .record(z.string(), z.array(changedValue).length(2))
        .nullable()
        .describe('For an edit: each changed field as [before, after].'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('comment'),
      id: z.string(),
      at: z.string(),
      actor: z.string(),
      role: z.string(),
      body: z.string(),
    })
    .strict(),
]);

export const timelineSchema = z.object({ data: z.array(timelineItemSchema) });

export const commentCreatedSchema = z.object({ id: z.string().describe('The comment id.') });

export { ERROR_CODES };

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Field paths and what to fix (400).'),
  }),
});

/** The envelope every webhook delivery carries (src/server/webhooks/emit.ts writes it). */
function webhookEnvelope<T extends z.ZodTypeAny>(type: string, data: T) {
  return z
    .object({
      id: z.string().describe('The event id (evt_…): the same on every retry, to deduplicate.'),
      type: z.literal(type),
      createdAt: z.string().describe('When the event happened (ISO 8601).'),
      data,
    })
    .strict();
}

/** A deal event: the deal as GET /api/v1/deals/{id} returns it. */
export function dealWebhookSchema(type: string) {
  return webhookEnvelope(
    type,
    z
      .object({
        dealId: z.string(),
        deal: dealResourceSchema,
        daysLeft: z
          .number()
          .int()
          .optional()
          .describe('deal.expiring only: whole days until protection ends.'),
      })
      .strict(),
  );
}

export const pingWebhookSchema = webhookEnvelope(
  'ping',
  z.object({ message: z.string().describe('Who sent the test event.') }).strict(),
);
