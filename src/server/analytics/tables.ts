/** Analytics rollup tables (migration 2026_11_24_1500_analytics_rollups). */
export interface AnalyticsTables {
  visitor_sessions: {
    visitor_id: string;
    session_id: string;
    started_at: string;
    last_seen_at: string;
  };
  rollup_events: {
    day: string;
    persona: string;
    variant: string;
    type: string;
    path: string;
    count: number;
  };
  rollup_visitors: { day: string; segment: string; visitor_id: string };
  rollup_sessions: { day: string; persona: string; source: string; count: number };
  lift_exposures: {
    visitor_id: string;
    persona: string;
    variant: string;
    exposed_at: string;
    converted_at: string | null;
  };
  rollup_lift: {
    day: string;
    persona: string;
    variant: string;
    exposed: number;
    converted: number;
  };
  rollup_switches: {
    day: string;
    from_persona: string;
    from_source: string;
    to_persona: string;
    count: number;
  };
  funnels: {
    id: string;
    name: string;
    steps: string;
    window_ms: number;
    created_by: string | null;
    backfill_to_event_id: number;
    backfilled_at: string | null;
    created_at: string;
  };
  funnel_progress: {
    funnel_id: string;
    visitor_id: string;
    step: number;
    entered_at: string;
    last_at: string;
    persona: string;
  };
  rollup_funnel: { funnel_id: string; day: string; persona: string; step: number; count: number };
  analytics_salts: { day: string; salt: string };
  rollup_referrals: { day: string; partner_ref: string; sessions: number; page_views: number };
}
