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

