import { z } from 'zod';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listAuditLog as readAuditLog } from '../service';

export const listAuditLogInput = z
  .object({
    entityType: z.enum(['deal', 'application', 'api_key', 'webhook']).optional(),
    partnerId: z.string().max(40).optional(),
    beforeId: z.string().max(40).optional(),
  })
  .strict();

/** The append-only audit log, newest first, a page at a time (keyset: `beforeId`). */
export const listAuditLog = defineOperation({
  name: 'review.audit',
  kind: 'query',
  input: listAuditLogInput,
  access: withRole(CHANNEL_ROLES),
  handle: ({ db, actor }, filter) => readAuditLog(db, actor, filter),
});
