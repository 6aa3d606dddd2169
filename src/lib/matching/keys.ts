import { nameBlockingKeys, normaliseCompanyName } from './company-name';
import { domainKey } from './domain';
import { emailDomainKey } from './free-mail';

/** What the matcher needs to know about a registration, as typed. */
export interface MatchInput {
  customerName: string;
  customerDomain: string;
  contactEmail: string;
  products: readonly string[];
}

/**
 * The keys a registration is stored and looked up under. Every rule is an equality on one of
 * them, so the database answers each with an index lookup.
 */
export interface MatchKeys {
  /** Registrable customer domain: `acme.com`. */
  domainKey: string | null;
  /** Registrable domain of the contact's e-mail; null for free-mail providers. */
  emailDomainKey: string | null;
  /** Normalised company name: `acme`. */
  nameKey: string;
  namePrefix: string;
  nameSuffix: string;
}

export function matchKeysOf(input: Omit<MatchInput, 'products'>): MatchKeys {
  const nameKey = normaliseCompanyName(input.customerName);
  const { prefix, suffix } = nameBlockingKeys(nameKey);
  return {
    domainKey: domainKey(input.customerDomain),
    emailDomainKey: emailDomainKey(input.contactEmail),
    nameKey,
    namePrefix: prefix,
    nameSuffix: suffix,
  };
}
