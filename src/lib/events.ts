/** Every analytics event type. The ingestion endpoint refuses anything else. */
export const EVENT_TYPES = [
  'page_view',
  'experience_viewed',
  'persona_switched',
  'cta_clicked',
  'flow_started',
  'flow_step_completed',
  'flow_completed',
  'lead_created',
  'lead_responded',
  'application_submitted',
  'deal_registered',
  'deal_status_changed',
  'roi_computed',
  'scenario_saved',
  'scenario_shared',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Events a browser may send to /api/events; the rest are written only by the server. */
export const CLIENT_EVENT_TYPES = [
  'page_view',
  'cta_clicked',
  'roi_computed',
] as const satisfies readonly EventType[];

export type Variant = 'personalized' | 'holdout';
