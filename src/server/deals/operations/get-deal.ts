import { z } from 'zod';
import { dealIdField } from '../../../lib/deals/schema';
import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { getDealDetail } from '../queries';

export const dealIdInput = z.object({ id: dealIdField }).strict();

/** One deal with conflicts, timeline and allowed actions. Another partner's id is a 404. */
export const getDeal = defineOperation({
  name: 'deals.get',
  kind: 'query',
  input: dealIdInput,
  access: withRole(AREA_ROLES.portal),
  handle: ({ db, actor, now }, { id }) => getDealDetail(db, actor, id, now),
});
