import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../lib/roles';
import type { AnalyticsTables } from './analytics/tables';

/**
 * Database types, following Kysely's guide. Portable between SQLite and PostgreSQL:
 * ids are text, times are UTC ISO-8601 text, booleans are integers 0/1, JSON is text.
 * Later domains add their tables by extending `Database` with an interface of their own.
 */

export { INTERNAL_ROLES, ROLES, type Role } from '../lib/roles';

export interface PartnersTable {
  id: string;
  name: string;
  tier: Generated<string>;
  /** The code in the partner's referral links (`?ref=`); unique. */
  referral_code: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  partner_id: string | null;
  password_hash: string | null;
  is_active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** Public half of the token, used to find the row. */
  id: string;
  /** SHA-256 (hex) of the secret half; the secret itself is never stored. */
  secret_hash: string;
  user_id: string;
  created_at: string;
  /** Sliding expiry, pushed forward while the session is used. */
  expires_at: string;
  /** Hard limit that sliding renewal never passes. */
  absolute_expires_at: string;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  window_ends_at: string;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  partner_id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  created_at: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'kept' | 'failed' | 'cancelled';

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  category: string;
  status: OutboxStatus;
  send_after: string;
  attempts: Generated<number>;
  last_error: string | null;
  locked_until: string | null;
  delivered_at: string | null;
  /** Makes enqueueing idempotent: the same logical e-mail is stored once. */
  dedupe_key: string | null;
  headers: string | null;
  created_at: string;
  /** Set at the first claim; retries go on for MAIL_RETRY_HOURS from then. */
  first_attempt_at: string | null;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: string;
  type: string;
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  finished_at: string | null;
}

export type ApplicationStatus = 'submitted' | 'approved' | 'rejected';

export interface PartnerApplicationsTable {
  id: string;
  company_name: string;
  /** Registrable domain, lower case (acme.com), for duplicate checks. */
  company_domain: string;
  country: string;
  contact_name: string;
  contact_email: string;
  contact_title: string | null;
  company_size: string | null;
  /** JSON array of product slugs the applicant builds on. */
  specialties: string;
  message: string | null;
  source: 'flow' | 'form';
  lead_id: string | null;
  referral_code: string | null;
  status: ApplicationStatus;
  decided_by: string | null;
  decided_at: string | null;
  rejection_reason: string | null;
  partner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  occurred_at: string;
  received_at: string;
  type: string;
  /** Random first-party id, or a daily-salted hash when the visitor sent DNT/GPC. */
  visitor_id: string;
  session_id: string | null;
  user_id: string | null;
  persona: string | null;
  variant: string | null;
  persona_source: string | null;
  path: string | null;
  referrer_host: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_term: string | null;
  /** Partner referral code from `?ref=`. */
  partner_ref: string | null;
  /** A beacon event's id or a server event's derived key; unique where present. */
  event_key: string | null;
  /** Small JSON object, validated per event type. */
  properties: string;
}

export interface CoreTables {
  partners: PartnersTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  password_resets: PasswordResetsTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  partner_applications: PartnerApplicationsTable;
  events: EventsTable;
}

/** A saved ROI scenario; inputs and summary are JSON text (see src/server/roi/). */
export interface RoiScenariosTable {
  id: string;
  owner_id: string;
  name: string;
  description: string | null;
  model: string;
  model_version: number;
  /** ISO 4217 code of every money value in inputs and summary. */
  currency: string;
  inputs: string;
  summary: string;
  created_at: string;
  updated_at: string;
}

/** A read-only link to a scenario; active while revoked_at is null. */
export interface RoiScenarioSharesTable {
  id: string;
  scenario_id: string;
  token: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface RoiTables {
  roi_scenarios: RoiScenariosTable;
  roi_scenario_shares: RoiScenarioSharesTable;
}

export interface Database
  extends CoreTables, AnalyticsTables, RoiTables, PersonaTables, PortalTables {}

export type Partner = Selectable<PartnersTable>;
export type NewPartner = Insertable<PartnersTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type NewOutboxMessage = Insertable<OutboxTable>;
export type Job = Selectable<JobsTable>;
export type PartnerApplication = Selectable<PartnerApplicationsTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
export type NewJob = Insertable<JobsTable>;
export type RoiScenarioRow = Selectable<RoiScenariosTable>;
export type NewRoiScenario = Insertable<RoiScenariosTable>;
export type RoiScenarioUpdate = Updateable<RoiScenariosTable>;
export type RoiScenarioShare = Selectable<RoiScenarioSharesTable>;

// --- Personas: onboarding progress, leads, campaigns (issue 3) ---

export type FlowProgressStatus = 'in_progress' | 'completed';

export interface FlowProgressTable {
  id: string;
  flow_id: string;
  persona: string;
  /** The visitor id cookie; null for a visitor who sent DNT/GPC (found by resume token instead). */
  visitor_id: string | null;
  /** SHA-256 (hex) of the resume token in the page address, for visitors without an id cookie. */
  resume_token_hash: string | null;
  status: FlowProgressStatus;
  /** Bumped by "start a new request"; with the id it forms the lead's submission key. */
  attempt: Generated<number>;
  current_step: string;
  /** JSON object of answers by field name. */
  answers: string;
  referral_code: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  lead_id: string | null;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface LeadsTable {
  id: string;
  /** `<progress id>:<attempt>`, unique: one lead per completed flow, whatever the clicks. */
  submission_key: string;
  flow_id: string;
  persona: string;
  name: string;
  email: string;
  company: string;
  company_domain: string;
  /** JSON object of the flow's answers on the path taken. */
  answers: string;
  visitor_id: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  referral_code: string | null;
  /** Sales owner key from content/sales/team.yaml; null for partner applications. */
  owner_key: string | null;
  response_due_at: string | null;
  first_response_at: string | null;
  responded_by: string | null;
  response_channel: string | null;
  response_note: string | null;
  partner_application_id: string | null;
  created_at: string;
  updated_at: string;
}

export type EnrollmentStatus = 'active' | 'unsubscribed' | 'suppressed';

export interface CampaignEnrollmentsTable {
  id: string;
  lead_id: string;
  campaign_id: string;
  email: string;
  status: EnrollmentStatus;
  unsubscribe_token_hash: string;
  steps_scheduled: Generated<number>;
  enrolled_at: string;
  unsubscribed_at: string | null;
}

export interface EmailSuppressionsTable {
  email: string;
  reason: string;
  enrollment_id: string | null;
  created_at: string;
}

export interface PersonaTables {
  flow_progress: FlowProgressTable;
  leads: LeadsTable;
  campaign_enrollments: CampaignEnrollmentsTable;
  email_suppressions: EmailSuppressionsTable;
}

export type FlowProgress = Selectable<FlowProgressTable>;
export type NewFlowProgress = Insertable<FlowProgressTable>;
export type Lead = Selectable<LeadsTable>;
export type NewLead = Insertable<LeadsTable>;
export type CampaignEnrollment = Selectable<CampaignEnrollmentsTable>;
export type NewCampaignEnrollment = Insertable<CampaignEnrollmentsTable>;

// ── Systems-integrator portal (issue 5): deals, audit log, partner API, webhooks ──

export type DealStatusColumn =
  | 'draft'
  | 'submitted'
  | 'under_review'
  | 'returned'
  | 'approved'
  | 'rejected'
  | 'won'
  | 'lost'
  | 'expired';

export interface DealsTable {
  id: string;
  partner_id: string;
  created_by: string | null;
  source: 'portal' | 'api' | 'seed';
  status: DealStatusColumn;
  customer_name: string;
  /** Host as typed, cleaned (eu.acme.com). */
  customer_domain: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  contact_name: string;
  contact_email: string;
  contact_title: string | null;
  value_cents: number;
  currency: string;
  /** YYYY-MM-DD. */
  expected_close_date: string;
  /** JSON array of product slugs. */
  products: string;
  use_case: string;
  template_slug: string | null;
  template_version: string | null;
  /** ROI scenario id (no foreign key yet: scenarios live in another domain). */
  roi_scenario_id: string | null;
  notes: string | null;
  /** The partner's CRM id, unique per partner. */
  external_id: string | null;
  /** Conflict keys (src/lib/matching/keys.ts). */
  domain_key: string | null;
  email_domain_key: string | null;
  name_key: string;
  name_prefix: string;
  name_suffix: string;
  has_conflict: Generated<number>;
  submitted_at: string | null;
  last_submitted_at: string | null;
  review_due_at: string | null;
  review_started_at: string | null;
  reviewer_id: string | null;
  escalated_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  /** Seconds from the (last) submission to the review decision. */
  decision_seconds: number | null;
  /** The reason of the latest return, rejection or loss, shown to the partner. */
  status_reason: string | null;
  approved_at: string | null;
  protected_until: string | null;
  extension_status: 'requested' | 'approved' | 'denied' | null;
  extension_requested_at: string | null;
  extension_reason: string | null;
  /** Days-before-expiry of the last reminder sent (14, then 3); null when none yet. */
  reminder_stage: number | null;
  closed_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DealConflictsTable {
  id: string;
  deal_id: string;
  other_deal_id: string;
  /** JSON array of RuleHit. */
  rules: string;
  is_strong: number;
  detected_at: string;
}

export interface DealCommentsTable {
  id: string;
  deal_id: string;
  partner_id: string;
  author_id: string | null;
  author_name: string;
  author_role: string;
  body: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  entity_type: 'deal' | 'application' | 'api_key' | 'webhook';
  entity_id: string;
  partner_id: string | null;
  actor_id: string | null;
  actor_label: string;
  actor_role: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  /** JSON object of changed fields: { field: [before, after] }. */
  changes: string | null;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  partner_id: string;
  name: string;
  /** Public part of the key, shown in lists and used to find the row. */
  prefix: string;
  /** SHA-256 (hex) of the whole key. */
  key_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  /** Overrides API_RATE_LIMIT for this key. */
  rate_limit_per_minute: number | null;
}

export interface IdempotencyKeysTable {
  api_key_id: string;
  idem_key: string;
  operation: string;
  request_hash: string;
  state: 'in_progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  locked_until: string | null;
  created_at: string;
  expires_at: string;
}

export interface WebhookEndpointsTable {
  id: string;
  partner_id: string;
  url: string;
  description: string | null;
  /** JSON array of event names. */
  events: string;
  /** Signing secret; shown to the partner once, kept to sign each delivery. */
  secret: string;
  is_active: Generated<number>;
  created_by: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  partner_id: string;
  event_type: string;
  event_id: string;
  deal_id: string | null;
  payload: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: Generated<number>;
  max_attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  response_snippet: string | null;
  attempted_at: string;
}

export interface PortalTables {
  deals: DealsTable;
  deal_conflicts: DealConflictsTable;
  deal_comments: DealCommentsTable;
  audit_log: AuditLogTable;
  api_keys: ApiKeysTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

export type Deal = Selectable<DealsTable>;
export type NewDeal = Insertable<DealsTable>;
export type DealUpdate = Updateable<DealsTable>;
export type DealConflictRow = Selectable<DealConflictsTable>;
export type DealComment = Selectable<DealCommentsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type WebhookEndpoint = Selectable<WebhookEndpointsTable>;
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>;
export type WebhookAttempt = Selectable<WebhookAttemptsTable>;
