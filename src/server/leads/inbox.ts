import { z } from 'zod';
import { PERSONA_SLUGS } from '../../lib/catalog';
import { isoNow } from '../../lib/time';
import { CHANNEL_ROLES, requireRole } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { AppError } from '../errors';
import { recordEvent } from '../analytics/record-event';
import * as repo from './repository';

// No content imports here: the tRPC router loads this module, and the router must also load
// outside Vite (tests/bench/servers/bare-trpc.ts), where import.meta.glob does not exist.

/** Who reads and answers the leads inbox. */
export const INBOX_ROLES = CHANNEL_ROLES;
export const INBOX_PAGE_SIZE = 25;
export const INBOX_STATUSES = [
  'open',
  'overdue',
  'waiting',
  'responded',
  'applications',
  'all',
] as const;

export const inboxFilterInput = z
  .object({
    status: z.enum(INBOX_STATUSES).default('open'),
    persona: z.enum(PERSONA_SLUGS).optional(),
    search: z.string().trim().max(100).optional(),
    page: z.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export type InboxFilterInput = z.input<typeof inboxFilterInput>;

export const RESPONSE_CHANNELS = ['phone', 'email', 'meeting', 'other'] as const;
export const responseInput = z
  .object({
    leadId: z.string().min(1).max(40),
    channel: z.enum(RESPONSE_CHANNELS, { message: 'Choose how you responded.' }),
    note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').optional(),
  })
  .strict();
export type ResponseInput = z.infer<typeof responseInput>;

/** One page of the inbox for admins and channel managers. */
export async function listInbox(
  db: Db,
  actor: SessionUser | null,
  input: z.output<typeof inboxFilterInput>,
  now: Date = new Date(),
  pageSize = INBOX_PAGE_SIZE,
) {
  requireRole(actor, INBOX_ROLES);
  const result = await repo.listLeads(
    db,
    {
      status: input.status,
      persona: input.persona,
      search: input.search || undefined,
      nowIso: isoNow(now),
    },
    { limit: pageSize, offset: (input.page - 1) * pageSize },
  );
  return { ...result, page: input.page, pageSize };
}

/**
 * Records the first response to a lead and writes `lead_responded` in the same transaction,
 * with the minutes it took and whether the deadline was met (the speed-to-lead reports read
 * these). Only the first response counts: a second one is refused, so the clock cannot be reset.
 */
export async function recordLeadResponse(
  db: Db,
  actor: SessionUser | null,
  input: ResponseInput,
  now: Date = new Date(),
) {
  const user = requireRole(actor, INBOX_ROLES);
  return db.transaction().execute(async (trx) => {
    const lead = await repo.findLead(trx, input.leadId);
    if (!lead) throw new AppError('NOT_FOUND', 'There is no lead with that id.');
    const at = isoNow(now);
    const marked = await repo.markFirstResponse(trx, lead.id, {
      at,
      by: user.id,
      channel: input.channel,
      note: input.note || null,
    });
    if (!marked) {
      throw new AppError(
        'CONFLICT',
        `A first response was already recorded for this lead (${lead.first_response_at ?? 'just now'}).`,
      );
    }
    const responseSeconds = Math.round((now.getTime() - Date.parse(lead.created_at)) / 1000);
    await recordEvent(
      trx,
      {
        type: 'lead_responded',
        occurredAt: at,
        visitorId: lead.visitor_id ?? `lead:${lead.id}`,
        userId: user.id,
        persona: lead.persona,
        utm: { source: lead.utm_source, medium: lead.utm_medium, campaign: lead.utm_campaign },
        properties: {
          leadId: lead.id,
          ownerKey: lead.owner_key,
          channel: input.channel,
          responseSeconds,
          isWithinDeadline: lead.response_due_at ? at <= lead.response_due_at : null,
        },
      },
      now,
    );
    return { leadId: lead.id, respondedAt: at, responseSeconds };
  });
}
