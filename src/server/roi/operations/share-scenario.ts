import { signedIn } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { shareScenario as createShareLink } from '../sharing';
import { scenarioIdInput } from './get-scenario';

/** The scenario's read-only link: the active one, or a new one (recorded as `scenario_shared`). */
export const shareScenario = defineOperation({
  name: 'roi.shareScenario',
  kind: 'mutation',
  input: scenarioIdInput,
  access: signedIn,
  handle: ({ db, actor, now }, { id }) => createShareLink(db, actor, id, now),
});
