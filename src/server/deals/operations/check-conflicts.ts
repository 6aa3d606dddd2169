import { conflictCheckInput } from '../../../lib/deals/schema';
import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { checkConflicts as runConflictRules } from '../conflicts';

/** The live conflict check while a deal is typed; changes nothing. */
export const checkConflicts = defineOperation({
  name: 'deals.checkConflicts',
  kind: 'query',
  input: conflictCheckInput,
  access: partnerMember,
  handle: ({ db, actor, now }, input) => runConflictRules(db, actor.user, input, now),
});
