import providers from 'email-providers/all.json';
import { domainKey } from './domain';

/**
 * Mailbox providers anyone can sign up to. A contact at `gmail.com` tells us nothing about
 * which company they work for, so the "same contact e-mail domain" rule ignores these. The
 * list is the `email-providers` package's (about 8,700 free and regional providers, kept by its
 * maintainers), plus the few we found missing from it. A provider missing from both only makes
 * the rule fire where a channel manager will see it, never hides a conflict.
 */
const OUR_ADDITIONS = ['fastmail.com', 'tutanota.com', 'tutamail.com', 'tuta.io', 'duck.com'];

export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  ...(providers as string[]),
  ...OUR_ADDITIONS,
]);

/** The domain part of an e-mail address (lower case), or null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain) || FREE_MAIL_DOMAINS.has(domainKey(domain) ?? domain);
}

/**
 * The registrable domain of a contact's e-mail, or null for free-mail providers (and for
 * something that is not an address), so `ana@eu.acme.com` and `bo@acme.com` meet on `acme.com`.
 */
export function emailDomainKey(email: string): string | null {
  const domain = emailDomain(email);
  if (domain === null) return null;
  const key = domainKey(domain);
  if (key === null || isFreeMailDomain(domain)) return null;
  return key;
}
