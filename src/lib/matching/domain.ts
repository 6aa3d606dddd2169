import { getDomain } from 'tldts';
import { normaliseHost } from './host';

export { normaliseHost } from './host';

/**
 * Customer web domains, reduced to the part that names the organisation.
 *
 * Partners type domains every way there is: `https://www.Acme.com/about`, `ACME.COM.`,
 * `eu.acme.com`. Two registrations for the same customer must meet on one key, so a domain is
 * folded to its *registrable domain*: the public suffix plus one label (`acme.com`,
 * `acme.co.uk`, `acme.com.au`), by the full Public Suffix List (https://publicsuffix.org) that
 * the `tldts` package ships. Only the ICANN section counts: private suffixes such as
 * `github.io` or `blogspot.com` are not suffixes here, so `acme.github.io` and `other.github.io`
 * both fold to `github.io` and are flagged for review as the same customer. That errs towards
 * flagging a conflict, never towards hiding one: a hosting platform is not a customer's own
 * domain, and a channel manager sees the rule that matched.
 */
export function registrableDomain(host: string): string {
  return getDomain(host, { allowPrivateDomains: false }) ?? host;
}

/** `www.Acme.com.` → `acme.com`; null when the input is not a domain. The key conflicts compare. */
export function domainKey(input: string): string | null {
  const host = normaliseHost(input);
  return host === null ? null : registrableDomain(host);
}
