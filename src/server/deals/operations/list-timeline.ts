import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { loadDealFor } from '../actions';
import { timelineOf } from '../queries';
import { dealIdInput } from './get-deal';

/** The deal's audit entries and comments, oldest first. Another partner's id is a 404. */
export const listTimeline = defineOperation({
  name: 'deals.timeline',
  kind: 'query',
  input: dealIdInput,
  access: withRole(AREA_ROLES.portal),
  handle: async ({ db, actor }, { id }) => {
    const deal = await loadDealFor(db, actor, id);
    return timelineOf(db, deal.id);
  },
});
