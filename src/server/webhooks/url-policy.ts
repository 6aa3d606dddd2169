import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
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
  const flag = process.env.WEBHOOK_ALLOW_PRIVATE;
  if (flag === '1') return true;
  if (flag === '0') return false;
  return !config().isProduction;
}

export const webhookUrlField = z
  .string({ required_error: 'URL is required.', invalid_type_error: 'URL must be text.' })
  .trim()
  .max(2000, 'Keep the URL under 2,000 characters.')
  .url('Enter a full URL, like https://crm.example.com/hooks/relay.')
  .refine((value) => /^https?:\/\//i.test(value), 'Use an http(s) URL.')
  .refine(
    (value) => !new URL(value).username && !new URL(value).password,
    'Put credentials in your receiver, not in the URL.',
  );

/** Checks the URL's scheme at registration (addresses are checked again at each delivery). */
export function assertRegistrableUrl(url: string): void {
  if (!allowPrivate() && new URL(url).protocol !== 'https:') {
    throw new AppError('BAD_REQUEST', 'Webhook URLs must use https.', {
      issues: [{ path: 'url', message: 'Use an https:// URL.' }],
    });
  }
}

function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a = 0, b = 0] = v4.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      a >= 224
    );
  }
  const v6 = address.toLowerCase();
  return (
    v6 === '::1' ||
    v6 === '::' ||
    v6.startsWith('fc') ||
    v6.startsWith('fd') ||
    v6.startsWith('fe80')
  );
}

/** Resolves the host and refuses private addresses unless allowed (called before each delivery). */
export async function assertDeliverableUrl(url: string): Promise<void> {
  if (allowPrivate()) return;
  const { hostname, protocol } = new URL(url);
  if (protocol !== 'https:') throw new Error('Webhook URLs must use https.');
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new Error(
      `${hostname} resolves to a private or local address; deliveries there are refused.`,
    );
  }
}
