import { z } from 'zod';
import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { deleteFunnel as removeFunnel } from '../saved-funnels';

/** Removes a funnel saved in the dashboard, with its counts; a content funnel's id is a 404. */
export const deleteFunnel = defineOperation({
  name: 'analytics.deleteFunnel',
  kind: 'mutation',
  input: z.object({ id: z.string().trim().min(1).max(60) }).strict(),
  access: withRole(AREA_ROLES.analytics),
  handle: async ({ db, actor }, { id }) => {
    await removeFunnel(db, actor, id);
    return { id };
  },
});
