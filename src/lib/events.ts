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

/**
 * Business events: what staff and partners do about a visitor (a lead recorded or answered, a
 * deal registered or moved), not what a visitor did on the site. They are counted as events and
 * can end a funnel or convert a lift exposure, but never make a visitor or a visit: an empty
 * site with a busy sales team shows no traffic. Every other type is website traffic.
 */
export const BUSINESS_EVENT_TYPES = [
  'lead_created',
  'lead_responded',
  'deal_registered',
  'deal_status_changed',
] as const satisfies readonly EventType[];

const BUSINESS = new Set<string>(BUSINESS_EVENT_TYPES);

export function isWebsiteTraffic(type: string): boolean {
  return !BUSINESS.has(type);
}
