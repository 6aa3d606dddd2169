import { signedIn } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { revokeShare as endShareLinks } from '../sharing';
import { scenarioIdInput } from './get-scenario';

/** Ends the scenario's share links for good; sharing again makes a new token. */
export const revokeShare = defineOperation({
  name: 'roi.revokeShare',
  kind: 'mutation',
  input: scenarioIdInput,
  access: signedIn,
  handle: ({ db, actor, now }, { id }) => endShareLinks(db, actor, id, now),
});
