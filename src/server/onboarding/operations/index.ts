/** Every onboarding-flow use case, for the page and tests. */
export { restartFlow } from './restart-flow';
export { submitFlowStep } from './submit-flow-step';
