import { z } from 'zod';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listPartnerApplications } from '../review';

export const listApplicationsInput = z
  .object({
    status: z
      .enum(['submitted', 'approved', 'rejected'], {
        message: 'Status is submitted, approved or rejected.',
      })
      .optional(),
    page: z.number().int().min(1).max(10_000).default(1),
  })
  .strict();

/** Applications to the partner program for channel managers, newest first, by status. */
export const listApplications = defineOperation({
  name: 'review.applications',
  kind: 'query',
  input: listApplicationsInput,
  access: withRole(CHANNEL_ROLES),
  handle: ({ db, actor }, { status, page }) =>
    listPartnerApplications(db, actor, status ?? null, page),
});
