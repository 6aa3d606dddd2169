import { formatDate } from '../format/dates';
import type { RuleHit } from './rules';

/**
 * What a partner may learn about another partner's registration for the same customer: that
 * it exists, whether it is approved or pending, since when and until when, and which rules
 * matched. Never the other partner's name, the deal's id, value, contact or notes.
 */
export interface PartnerSafeConflict {
  /** Approved (protected), pending (submitted, under review or returned) or since closed. */
  state: 'approved' | 'pending' | 'closed';
  /** When the other registration was submitted (first to register wins). */
  since: string;
  /** End of its protection window; null while it waits for review. */
  until: string | null;
  rules: RuleHit[];
  /** Customer match and at least one product in common. */
  isStrong: boolean;
}

type NameOf = (slug: string) => string;

/** One sentence per registration: "Another partner holds an active registration… since … until …". */
export function describeConflict(conflict: PartnerSafeConflict): string {
  if (conflict.state === 'approved') {
    return `Another partner holds an active registration for this customer since ${formatDate(conflict.since)} until ${formatDate(conflict.until)}.`;
  }
  if (conflict.state === 'pending') {
    return `Another partner registered this customer on ${formatDate(conflict.since)}; that registration is waiting for review.`;
  }
  return `Another partner registered this customer on ${formatDate(conflict.since)}; that registration has since closed.`;
}

/** A rule that fired, in words, quoting only what the asking partner typed. */
export function describeRule(hit: RuleHit, nameOf: NameOf = (s) => s): string {
  switch (hit.rule) {
    case 'domain':
      return `Same customer web domain (${hit.domain}, subdomains included)`;
    case 'email_domain':
      return `Your contact's e-mail domain (${hit.domain}) belongs to the same customer`;
    case 'company_name':
      return `Company name ${Math.round(hit.similarity * 100)}% similar (legal suffixes and punctuation ignored)`;
    case 'product_overlap':
      return `Products in common: ${hit.products.map(nameOf).join(', ')}`;
  }
}
