import type { Migration } from 'kysely';
import * as foundation from './2026_11_24_1000_foundation';
import * as partnerApplications from './2026_11_24_1050_partner_applications';
import * as events from './2026_11_24_1100_events';
import * as flowProgress from './2026_11_24_1200_flow_progress';
import * as leads from './2026_11_24_1210_leads';
import * as campaigns from './2026_11_24_1220_campaigns';
import * as roiScenarios from './2026_11_24_1300_roi_scenarios';
import * as analyticsRollups from './2026_11_24_1500_analytics_rollups';
import * as partnerReferrals from './2026_11_24_1510_partner_referrals';
import * as deals from './2026_11_24_1400_deals';
import * as auditLog from './2026_11_24_1410_audit_log';
import * as partnerApi from './2026_11_24_1420_partner_api';
import * as webhooks from './2026_11_24_1430_webhooks';
import * as eventKeys from './2026_12_03_0900_event_keys';
import * as outboxFirstAttempt from './2026_12_03_1000_outbox_first_attempt';

/**
 * Every migration, by name. Kysely's Migrator runs them in name order; the names are
 * date-prefixed so that order is the order they were written. A test checks that every file
 * in this folder is listed here, so a forgotten registration fails CI instead of production.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_24_1000_foundation': foundation,
  '2026_11_24_1050_partner_applications': partnerApplications,
  '2026_11_24_1100_events': events,
  '2026_11_24_1200_flow_progress': flowProgress,
  '2026_11_24_1210_leads': leads,
  '2026_11_24_1220_campaigns': campaigns,
  '2026_11_24_1300_roi_scenarios': roiScenarios,
  '2026_11_24_1500_analytics_rollups': analyticsRollups,
  '2026_11_24_1510_partner_referrals': partnerReferrals,
  '2026_11_24_1400_deals': deals,
  '2026_11_24_1410_audit_log': auditLog,
  '2026_11_24_1420_partner_api': partnerApi,
  '2026_11_24_1430_webhooks': webhooks,
  '2026_12_03_0900_event_keys': eventKeys,
  '2026_12_03_1000_outbox_first_attempt': outboxFirstAttempt,
};
