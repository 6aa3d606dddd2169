import type { RoiModelId } from '../catalog';

/** How the ROI models are named in links from solution pages (the models live at /roi/<id>). */
export const ROI_MODEL_NAMES: Record<RoiModelId, string> = {
  attrition: 'contact-centre attrition model',
  'speed-to-lead': 'speed-to-lead model',
  'market-sizing': 'market-sizing model',
};
