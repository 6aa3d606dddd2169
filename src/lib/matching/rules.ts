import { NAME_MATCH_THRESHOLD, similarityOfKeys } from './company-name';
import type { MatchKeys } from './keys';
import { productOverlap } from './products';

export const CONFLICT_RULES = [
  'domain',
  'email_domain',
  'company_name',
  'product_overlap',
] as const;
export type ConflictRule = (typeof CONFLICT_RULES)[number];

/** One rule that fired, with what it fired on (only values the asking partner typed). */
export type RuleHit =
  | { rule: 'domain'; domain: string }
  | { rule: 'email_domain'; domain: string }
  | { rule: 'company_name'; similarity: number }
  | { rule: 'product_overlap'; products: string[] };

export interface MatchSubject extends MatchKeys {
  products: readonly string[];
}

/**
 * The conflict rules, in one place (deal registration, DESIGN.md "Deals"):
 *  - domain: the same registrable customer domain (subdomains folded: `eu.acme.com` = `acme.com`);
 *  - email_domain: the contact's e-mail domain is the other registration's contact e-mail
 *    domain or customer domain (free-mail providers never count);
 *  - company_name: normalised names at least NAME_MATCH_THRESHOLD similar;
 *  - product_overlap: at least one product in common.
 * Product overlap alone is not a conflict (every deal for Voice would collide): it only
 * counts next to a customer rule, and then it strengthens it. Siebel's duplicate rule is the
 * same idea: same end customer plus at least one product in common
 * (Oracle Siebel PRM Administration Guide, "Deal Registration",
 * http://docs.oracle.com/cd/E14004_01/books/PRMAdm/PRMAdm_DealReg6.html).
 */
export function matchRules(mine: MatchSubject, other: MatchSubject): RuleHit[] {
  const hits: RuleHit[] = [];
  if (mine.domainKey && mine.domainKey === other.domainKey) {
    hits.push({ rule: 'domain', domain: mine.domainKey });
  }
  if (
    mine.emailDomainKey &&
    (mine.emailDomainKey === other.emailDomainKey || mine.emailDomainKey === other.domainKey)
  ) {
    hits.push({ rule: 'email_domain', domain: mine.emailDomainKey });
  }
  if (mine.nameKey && other.nameKey) {
    const similarity = similarityOfKeys(mine.nameKey, other.nameKey);
    if (similarity >= NAME_MATCH_THRESHOLD) {
      hits.push({ rule: 'company_name', similarity: Math.round(similarity * 100) / 100 });
    }
  }
  if (hits.length === 0) return hits;
  const overlap = productOverlap(mine.products, other.products);
  if (overlap.length > 0) hits.push({ rule: 'product_overlap', products: overlap });
  return hits;
}

/** The rules that identify the customer (as opposed to product overlap, which qualifies). */
export function isCustomerMatch(hits: readonly RuleHit[]): boolean {
  return hits.some((h) => h.rule !== 'product_overlap');
}

export function hasProductOverlap(hits: readonly RuleHit[]): boolean {
  return hits.some((h) => h.rule === 'product_overlap');
}
