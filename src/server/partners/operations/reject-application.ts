import { z } from 'zod';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { rejectPartnerApplication } from '../review';
import { applicationIdField } from './application-id';

const GIVE_A_REASON = 'Give a reason; the applicant receives it.';

/** The applicant reads the reason in an e-mail, so it is required and refused (never cut) beyond 2,000 characters. */
export const rejectionReasonField = z
  .string({ required_error: GIVE_A_REASON, invalid_type_error: 'Reason must be text.' })
  .trim()
  .min(1, GIVE_A_REASON)
  .max(2000, 'Keep the reason under 2,000 characters.');

export const rejectApplicationInput = z
  .object({ id: applicationIdField, reason: rejectionReasonField })
  .strict();

/** Rejects a submitted application and e-mails the applicant the reason. */
export const rejectApplication = defineOperation({
  name: 'review.rejectApplication',
  kind: 'mutation',
  input: rejectApplicationInput,
  access: withRole(CHANNEL_ROLES),
  handle: ({ db, actor, now }, { id, reason }) =>
    rejectPartnerApplication(db, actor, id, reason, now),
});
