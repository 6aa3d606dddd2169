import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from '../../../src/server/http/origin-check';

const ALLOWED = ['http://localhost:4321', 'https://portal.example.com'];

describe('isCrossSiteRequest', () => {
  it.each([
    // method, headers, refused?, why
    ['GET', { origin: 'https://evil.test' }, false, 'safe methods are never refused'],
    ['HEAD', { 'sec-fetch-site': 'cross-site' }, false, 'safe methods are never refused'],
    ['POST', { origin: 'http://localhost:4321' }, false, 'same origin'],
    ['POST', { origin: 'https://portal.example.com' }, false, 'the public origin'],
    ['POST', { origin: 'https://evil.test' }, true, 'another origin'],
    ['POST', { origin: 'http://localhost:4322' }, true, 'another port is another origin'],
    ['POST', { origin: 'null' }, true, 'opaque origin (sandboxed frame, file:)'],
    ['PUT', { origin: 'https://evil.test' }, true, 'any non-GET method'],
    ['DELETE', { origin: 'https://evil.test' }, true, 'any non-GET method'],
    ['POST', { 'sec-fetch-site': 'cross-site' }, true, 'no Origin but the browser says cross-site'],
    ['POST', { 'sec-fetch-site': 'same-site' }, true, 'a sibling subdomain is not our origin'],
    ['POST', { 'sec-fetch-site': 'same-origin' }, false, 'browser says same origin'],
    ['POST', { 'sec-fetch-site': 'none' }, false, 'typed into the address bar'],
    ['POST', {}, false, 'not a browser (curl, a CRM): no ambient cookies to ride on'],
  ] as [string, Record<string, string>, boolean, string][])(
    '%s with %j → refused=%s (%s)',
    (method, headers, refused, _why) => {
      expect(isCrossSiteRequest(method, new Headers(headers), ALLOWED)).toBe(refused);
    },
  );
});
