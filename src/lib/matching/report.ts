import type { DealStatus } from '../deals/statuses';
import type { PartnerSafeConflict } from './explain';
import type { RuleHit } from './rules';

/** One of the partner's own open deals for the same customer. */
export interface OwnMatch {
  id: string;
  customerName: string;
  status: DealStatus;
  rules: RuleHit[];
}

/** What the conflict check tells a partner (shared by the server and the form's island). */
export interface ConflictReport {
  /** Other partners' registrations for the customer, without their identity. */
  conflicts: PartnerSafeConflict[];
  /** An own open deal for the same customer with a product in common: registering again is refused. */
  duplicate: OwnMatch | null;
  /** Own open deals for the same customer with no product in common (a separate opportunity). */
  related: OwnMatch[];
  checkedAt: string;
}
