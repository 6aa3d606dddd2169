import type { IncomingMessage } from 'node:http';
import { clientIpFrom } from './client-ip';

/** A request header as one string (repeated headers joined), or null when absent. */
export function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** clientIpFrom for a request the edge answers itself. */
export function nodeClientIp(req: IncomingMessage): string {
  return clientIpFrom(headerOf(req, 'x-forwarded-for'), () => req.socket.remoteAddress ?? '');
}
