/** Every saved-funnel use case, for the adapters and the tests that drive them on every road. */
export { deleteFunnel } from './delete-funnel';
export { listFunnels } from './list-funnels';
export { saveFunnel } from './save-funnel';
