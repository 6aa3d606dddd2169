/**
 * Host names as partners type them (`https://www.Acme.com/about`, `ACME.COM.`), cleaned. Kept
 * apart from domain.ts so the browser's forms can use it without the Public Suffix List.
 */
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
