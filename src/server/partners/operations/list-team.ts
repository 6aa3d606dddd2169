import { z } from 'zod';
import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listTeam as listTeamOf } from '../invitations';

/** Members and invitations of the caller's own partner company (never another's: no id is read). */
export const listTeam = defineOperation({
  name: 'team.list',
  kind: 'query',
  input: z.void(),
  access: partnerMember,
  handle: ({ db, actor }) => listTeamOf(db, actor.user),
});
