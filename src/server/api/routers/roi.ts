import * as roi from '../../roi/operations';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/**
 * ROI models and saved scenarios. Computing is public (the calculator works signed out);
 * scenarios belong to the signed-in user who saved them, and share tokens give read-only
 * access to one scenario.
 */
export const roiRouter = router({
  model: procedureFor(roi.getModel),
  compute: procedureFor(roi.computeRoi),
  saveScenario: procedureFor(roi.saveScenario),
  updateScenario: procedureFor(roi.updateScenario),
  listScenarios: procedureFor(roi.listScenarios),
  getScenario: procedureFor(roi.getScenario),
  duplicateScenario: procedureFor(roi.duplicateScenario),
  deleteScenario: procedureFor(roi.deleteScenario),
  compareScenarios: procedureFor(roi.compareScenarios),
  shareScenario: procedureFor(roi.shareScenario),
  revokeShare: procedureFor(roi.revokeShare),
  getShared: procedureFor(roi.getSharedScenario),
});
