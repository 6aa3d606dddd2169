import { describe, expect, it } from 'vitest';
import {
  formatPersonaCookie,
  isValidVisitorId,
  newVisitorId,
  parsePersonaCookie,
  refusesTracking,
} from '../../../../src/lib/personas/cookies';
import { switchTarget } from '../../../../src/lib/personas/switch';

describe('refusesTracking', () => {
  it.each([
    [{ dnt: '1' }, true],
    [{ 'sec-gpc': '1' }, true],
    [{ dnt: '1', 'sec-gpc': '1' }, true],
    [{ dnt: '0' }, false],
    [{ 'sec-gpc': '0' }, false],
    [{}, false],
  ])('%j → %s', (headers, expected) => {
    expect(refusesTracking(new Headers(headers as Record<string, string>))).toBe(expected);
  });
});

describe('visitor ids', () => {
  it('are 22 url-safe characters and unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, newVisitorId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isValidVisitorId(id)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      'short',
      'x'.repeat(23),
      'a b'.padEnd(22, 'c'),
      '<script>'.padEnd(22, 'x'),
      null,
      undefined,
    ]) {
      expect(isValidVisitorId(bad)).toBe(false);
    }
  });
});

describe('persona cookie', () => {
  it('round-trips a choice and an inference', () => {
    expect(
      parsePersonaCookie(formatPersonaCookie({ slug: 'executives', isExplicit: true })),
    ).toEqual({ slug: 'executives', isExplicit: true });
    expect(parsePersonaCookie('developers~d')).toEqual({ slug: 'developers', isExplicit: false });
  });

  it('ignores malformed values', () => {
    for (const bad of ['', 'developers', 'developers~x', 'nobody~c', '~c', null]) {
      expect(parsePersonaCookie(bad)).toBeNull();
    }
  });
});

describe('switchTarget', () => {
  it.each([
    ['/solutions/speed-to-lead', 'developers', '/solutions/speed-to-lead'],
    ['/for/contact-center', 'developers', '/for/developers'],
    ['/for/contact-center/', null, '/'],
    ['/start/executives?x=1#y', 'developers', '/start/executives'],
    ['//evil.test/path', 'developers', '/'],
    ['/\\evil.test', 'developers', '/'],
    ['https://evil.test/', 'developers', '/'],
    ['/\t/evil.test', 'developers', '/'],
    [null, 'developers', '/'],
  ] as const)('%s with %s → %s', (next, persona, expected) => {
    expect(switchTarget(next, persona)).toBe(expected);
  });
});
