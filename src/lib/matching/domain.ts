/**
 * Customer web domains, reduced to the part that names the organisation.
 *
 * Partners type domains every way there is: `https://www.Acme.com/about`, `ACME.COM.`,
 * `eu.acme.com`. Two registrations for the same customer must meet on one key, so a domain
 * is folded to its *registrable domain*: the public suffix plus one label (`acme.com`,
 * `acme.co.uk`). Without a full Public Suffix List (about 10,000 rules, https://publicsuffix.org)
 * we keep the short list below of multi-part suffixes under which companies commonly register;
 * every other domain is treated as `<label>.<tld>`. A company under a suffix that is missing
 * here (say `acme.gov.xx`) is folded one label too far (`gov.xx`), which errs towards flagging
 * a conflict for review, never towards hiding one.
 */
export const MULTI_PART_SUFFIXES: ReadonlySet<string> = new Set([
  // United Kingdom
  'co.uk',
  'org.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'net.uk',
  'ac.uk',
  'gov.uk',
  'nhs.uk',
  // Australia, New Zealand
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'co.nz',
  'org.nz',
  'net.nz',
  'govt.nz',
  // Asia
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'co.kr',
  'or.kr',
  'com.cn',
  'net.cn',
  'org.cn',
  'com.hk',
  'org.hk',
  'com.tw',
  'com.sg',
  'edu.sg',
  'gov.sg',
  'com.my',
  'co.id',
  'co.th',
  'com.ph',
  'com.vn',
  'co.in',
  'net.in',
  'org.in',
  'firm.in',
  'gen.in',
  'com.pk',
  // Americas
  'com.br',
  'net.br',
  'org.br',
  'gov.br',
  'com.mx',
  'org.mx',
  'com.ar',
  'com.co',
  'com.pe',
  'com.uy',
  'com.ve',
  'com.ec',
  'co.cr',
  // Europe, Middle East, Africa
  'com.tr',
  'co.il',
  'org.il',
  'com.sa',
  'com.eg',
  'co.za',
  'org.za',
  'com.ng',
  'co.ke',
  'com.pl',
  'com.gr',
  'com.cy',
  'com.mt',
  'co.at',
  'or.at',
  'com.ua',
  'co.hu',
]);

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A host name as typed, cleaned: lower case, no scheme, path, port, user info, `www.` or
 * trailing dot. Returns null when what is left is not a plausible host name.
 */
export function normaliseHost(input: string): string | null {
  let host = input.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.replace(/^[^@/]*@/, '');
  host = host.replace(/[/?#].*$/, '');
  host = host.replace(/:\d*$/, '');
  host = host.replace(/\.+$/, '');
  host = host.replace(/^(?:www\d?\.)+/, '');
  if (host.length === 0 || host.length > 253) return null;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((label) => LABEL.test(label))) return null;
  if (!/^[a-z]{2,63}$|^xn--[a-z0-9-]{1,59}$/.test(labels[labels.length - 1] ?? '')) return null;
  return host;
}

/** The public suffix of a cleaned host, by the list above: `co.uk` for `eu.acme.co.uk`. */
export function publicSuffix(host: string): string {
  const labels = host.split('.');
  if (labels.length >= 3) {
    const lastTwo = labels.slice(-2).join('.');
    if (MULTI_PART_SUFFIXES.has(lastTwo)) return lastTwo;
  }
  return labels[labels.length - 1] ?? host;
}

/**
 * The registrable domain: the public suffix plus one label. `eu.acme.com` → `acme.com`,
 * `shop.acme.co.uk` → `acme.co.uk`. A host that is itself a listed suffix stays as it is.
 */
export function registrableDomain(host: string): string {
  const suffix = publicSuffix(host);
  if (host === suffix) return host;
  const rest = host.slice(0, host.length - suffix.length - 1).split('.');
  return `${rest[rest.length - 1]}.${suffix}`;
}

/** `www.Acme.com.` → `acme.com`; null when the input is not a domain. The key conflicts compare. */
export function domainKey(input: string): string | null {
  const host = normaliseHost(input);
  return host === null ? null : registrableDomain(host);
}
