import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  assertDeliverableUrl,
  systemResolver,
  type HostResolver,
  type ResolvedAddress,
} from './url-policy';

/** How much of the receiver's answer is kept for the delivery log. */
const SNIPPET_CHARS = 500;

interface PostOptions {
  timeoutMs: number;
  /** The resolver whose answer is checked and then used for the connection (tests pass one). */
  resolve?: HostResolver;
}

/**
 * A `lookup` for the socket that answers with the addresses already checked, so the connection
 * goes exactly where the policy looked; the host is never resolved a second time.
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
    const first = usable[0];
    if (!first) {
      const error = Object.assign(new Error('No checked address of the requested family.'), {
        code: 'ENOTFOUND',
      });
      return callback(error, '', 0);
    }
    // Node asks for every address (all: true) when it races IPv4 and IPv6 connections.
    if (options.all) return callback(null, usable);
    return callback(null, first.address, first.family);
  };
}

function timeoutError(ms: number): Error {
  return Object.assign(new Error(`No answer within ${ms / 1000} s`), { name: 'TimeoutError' });
}

function readSnippet(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      text += chunk;
      // Enough for the log: stop reading a large (or endless) answer.
      if (text.length >= SNIPPET_CHARS) {
        response.destroy();
        resolve(text);
      }
    });
    response.on('end', () => resolve(text));
    response.on('error', () => resolve(text));
    response.on('close', () => resolve(text));
  });
}

/**
 * POSTs a webhook body. The host is resolved and checked once (url-policy) and the socket
 * connects only to those addresses. Redirects are not followed: a redirect could point the
 * request at an internal address. The whole exchange is bounded by `timeoutMs`.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<{ status: number; snippet: string }> {
  const addresses = await assertDeliverableUrl(url, options.resolve ?? systemResolver);
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(addresses),
        // A socket of its own: never a pooled one opened for another endpoint.
        agent: false,
      },
      (response) => {
        readSnippet(response).then(
          (text) =>
            resolve({ status: response.statusCode ?? 0, snippet: text.slice(0, SNIPPET_CHARS) }),
          reject,
        );
      },
    );
    const timer = setTimeout(
      () => request.destroy(timeoutError(options.timeoutMs)),
      options.timeoutMs,
    );
    request.on('error', reject);
    request.on('close', () => clearTimeout(timer));
    request.end(body);
  });
}
