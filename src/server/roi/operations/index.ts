/** Every ROI use case, for the adapters and the tests that drive them on every road. */
export { compareScenarios } from './compare-scenarios';
export { computeRoi } from './compute-roi';
export { deleteScenario } from './delete-scenario';
export { duplicateScenario } from './duplicate-scenario';
export { getModel } from './get-model';
export { getScenario } from './get-scenario';
export { getSharedScenario } from './get-shared-scenario';
export { listScenarios } from './list-scenarios';
export { revokeShare } from './revoke-share';
export { saveScenario } from './save-scenario';
export { shareScenario } from './share-scenario';
export { updateScenario } from './update-scenario';
