import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { externalReferrerHost } from '../../../../src/lib/analytics/referrer';
import { foldHost, foldUtmSource } from '../../../../src/lib/analytics/source';
import { splitReferrer } from '../../../../src/lib/personas/resolve';

describe('foldHost: one spelling per source, as Plausible folds them', () => {
  it.each([
    ['www.google.com', 'google.com'],
    ['google.com', 'google.com'],
    ['WWW.Google.COM', 'google.com'],
    ['google.com.', 'google.com'],
    ['  news.ycombinator.com ', 'news.ycombinator.com'],
    // Only a leading www. label goes: these are other hosts.
    ['www2.example.com', 'www2.example.com'],
    ['wwwexample.com', 'wwwexample.com'],
    ['shop.www.example.com', 'shop.www.example.com'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%s → %s', (host, folded) => {
    expect(foldHost(host)).toBe(folded);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.domain(), (host) => foldHost(foldHost(host)) === foldHost(host)));
  });
});

describe('foldUtmSource', () => {
  it.each([
    ['Google', 'google'],
    ['google', 'google'],
    [' LinkedIn ', 'linkedin'],
    ['', null],
    [null, null],
  ])('%s → %s', (source, folded) => {
    expect(foldUtmSource(source)).toBe(folded);
  });
});

describe('the referrer readers use the same folding', () => {
  it.each([
    'https://www.google.com/search?q=relay',
    'https://google.com/',
    'https://WWW.GOOGLE.COM./',
  ])('%s is google.com for page views and for the persona resolver', (referrer) => {
    expect(externalReferrerHost(referrer, 'relay.example')).toBe('google.com');
    expect(splitReferrer(referrer, ['https://relay.example']).externalHost).toBe('google.com');
  });

  it('our own site, with or without www., is not a referral', () => {
    expect(externalReferrerHost('https://www.relay.example/for/x', 'relay.example')).toBeNull();
    expect(externalReferrerHost('https://relay.example/for/x', 'www.relay.example')).toBeNull();
  });
});
