import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { config } from '../config';
import { AppError } from '../errors';

/**
 * Where webhooks may be sent. A partner types the URL and our server calls it, so in
 * production it must be https and must not resolve to a private, loopback or link-local
 * address (server-side request forgery: OWASP, https://owasp.org/www-community/attacks/Server_Side_Request_Forgery).
 * In development and tests, http and local receivers are allowed; WEBHOOK_ALLOW_PRIVATE=1
 * allows them in production too (an on-premises CRM), WEBHOOK_ALLOW_PRIVATE=0 refuses them anywhere.
 */
function allowPrivate(): boolean {
  const { webhookAllowPrivate, isProduction } = config();
  return webhookAllowPrivate ?? !isProduction;
}

/** Parses without throwing: `.refine` runs even when `.url()` already failed. */
function parsedUrl(value: string): URL | null {
  return URL.canParse(value) ? new URL(value) : null;
}

export const webhookUrlField = z
  .string({ required_error: 'URL is required.', invalid_type_error: 'URL must be text.' })
  .trim()
  .max(2000, 'Keep the URL under 2,000 characters.')
  .url('Enter a full URL, like https://crm.example.com/hooks/relay.')
  .refine((value) => /^https?:\/\//i.test(value), 'Use an http(s) URL.')
  .refine((value) => {
    const url = parsedUrl(value);
    // A value that is not a URL already has the message of `.url()`.
    return !url || (!url.username && !url.password);
  }, 'Put credentials in your receiver, not in the URL.');

/** Checks the URL's scheme at registration (addresses are checked again at each delivery). */
export function assertRegistrableUrl(url: string): void {
  if (!allowPrivate() && parsedUrl(url)?.protocol !== 'https:') {
    throw new AppError('BAD_REQUEST', 'Webhook URLs must use https.', {
      issues: [{ path: 'url', message: 'Use an https:// URL.' }],
    });
  }
}

/**
 * Addresses a webhook must never reach unless private receivers are allowed. IPv4 rules also
 * match IPv4-mapped IPv6 (`::ffff:127.0.0.1` and its hex form `::ffff:7f00:1`, which is how
 * `new URL` writes it): BlockList compares those with the IPv4 subnets. Ranges from the IANA
 * special-purpose registries (RFC 6890):
 * https://www.iana.org/assignments/iana-ipv4-special-registry/ and
 * https://www.iana.org/assignments/iana-ipv6-special-registry/.
 */
const BLOCKED_IPV4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including cloud metadata at 169.254.169.254
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast 255.255.255.255
];
const BLOCKED_IPV6: [string, number][] = [
  ['::', 96], // unspecified ::, loopback ::1 and deprecated IPv4-compatible addresses
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo: tunnels to an IPv4 address
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: tunnels to an IPv4 address (deprecated, RFC 7526)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];
const blocked = new BlockList();
for (const [network, prefix] of BLOCKED_IPV4) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of BLOCKED_IPV6) blocked.addSubnet(network, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (WHATWG URL parsing writes it in canonical form). */
function ipv6Groups(address: string): number[] {
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [left = '', right] = canonical.split('::');
  const head = left ? left.split(':') : [];
  const tail = right ? right.split(':') : [];
  const fill = right === undefined ? [] : Array<string>(8 - head.length - tail.length).fill('0');
  return [...head, ...fill, ...tail].map((group) => parseInt(group, 16));
}

/** The IPv4 address inside a well-known-prefix NAT64 address (64:ff9b::/96, RFC 6052), if any. */
function nat64Target(address: string): string | null {
  const g = ipv6Groups(address);
  if (g[0] !== 0x64 || g[1] !== 0xff9b || g.slice(2, 6).some((x) => x !== 0)) return null;
  const [high = 0, low = 0] = g.slice(6);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * True when a webhook must not connect to this address: private, loopback, link-local,
 * carrier-grade NAT, multicast, reserved or documentation ranges, in IPv4, IPv6 or
 * IPv4-mapped IPv6. Anything that is not an IP address (or carries a zone id) counts as private.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6 || address.includes('%')) return true;
  if (blocked.check(address, 'ipv6')) return true;
  const embedded = nat64Target(address);
  return embedded !== null && blocked.check(embedded, 'ipv4');
}

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Resolves a host name to its addresses (the system resolver, unless a test passes another). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = (hostname) => lookup(hostname, { all: true });

/**
 * Resolves the URL's host once and checks every address (refusing the lot if one is private,
 * unless allowed). The delivery connects only to the addresses returned here, so a DNS answer
 * that changes between this check and the connection (DNS rebinding) cannot redirect it.
 */
export async function assertDeliverableUrl(
  url: string,
  resolve: HostResolver = systemResolver,
): Promise<ResolvedAddress[]> {
  const { hostname, protocol } = new URL(url);
  const isAllowed = allowPrivate();
  if (!isAllowed && protocol !== 'https:') throw new Error('Webhook URLs must use https.');
  const host = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await resolve(host);
  if (addresses.length === 0) throw new Error(`${hostname} did not resolve to an address.`);
  if (!isAllowed && addresses.some((a) => isPrivateAddress(a.address))) {
    throw new Error(
      `${hostname} resolves to a private or local address; deliveries there are refused.`,
    );
  }
  return addresses;
}
