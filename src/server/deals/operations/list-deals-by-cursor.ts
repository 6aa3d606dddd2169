import { z } from 'zod';
import { DEAL_STATUSES, type DealStatus } from '../../../lib/deals/statuses';
import { AppError } from '../../errors';
import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listDealsAfter } from '../repository';
import { toDealView } from '../view';

const ID = /^[0-9A-Z]{26}$/;

function encodeCursor(id: string): string {
  return Buffer.from(`d:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('d:') ? decoded.slice(2) : '';
  if (!ID.test(id)) {
    throw new AppError('BAD_REQUEST', 'That cursor is not one this API returned.', {
      issues: [{ path: 'cursor', message: 'Pass nextCursor from the previous page unchanged.' }],
    });
  }
  return id;
}

export const listDealsByCursorInput = z
  .object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(25)
      .describe('Deals per page, 1 to 100 (default 25).'),
    cursor: z.string().max(100).optional().describe('`nextCursor` from the previous page.'),
    status: z
      .string()
      .max(200)
      .optional()
      .describe(`Comma-separated statuses: ${DEAL_STATUSES.join(', ')}.`)
      .refine(
        (v) => !v || v.split(',').every((s) => (DEAL_STATUSES as readonly string[]).includes(s)),
        `Use statuses from: ${DEAL_STATUSES.join(', ')}.`,
      ),
    externalId: z.string().max(100).optional().describe('Only the deal with this CRM id.'),
  })
  .strict();

/**
 * The company's deals, newest first, for a CRM to sync: a cursor rather than page numbers, so
 * the order is stable while new deals arrive.
 */
export const listDealsByCursor = defineOperation({
  name: 'deals.listByCursor',
  kind: 'query',
  input: listDealsByCursorInput,
  access: partnerMember,
  handle: async ({ db, actor }, query) => {
    const beforeId = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await listDealsAfter(
      db,
      {
        partnerId: actor.partnerId,
        statuses: query.status ? (query.status.split(',') as DealStatus[]) : undefined,
        externalId: query.externalId,
      },
      beforeId,
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      deals: page.map(toDealView),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
    };
  },
});
