import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localPath } from '../../../src/lib/local-path';

const FALLBACK = '/portal';
const SITE = 'https://chasm.test';

/** What a browser does with the value as a Location header on our site. */
function followed(location: string): URL {
  return new URL(location, `${SITE}/login`);
}

function isSafe(result: string): boolean {
  return (
    result.startsWith('/') &&
    !result.startsWith('//') &&
    !result.startsWith('/\\') &&
    !/[\u0000-\u001f\u007f-\u009f]/.test(result) &&
    followed(result).origin === SITE
  );
}

describe('localPath keeps ordinary paths', () => {
  it.each([
    ['/', '/'],
    ['/portal/team', '/portal/team'],
    ['/portal/deals?status=draft&page=2', '/portal/deals?status=draft&page=2'],
    ['/roi#results', '/roi#results'],
    ['/a/./b/../c', '/a/c'],
    ['/../portal', '/portal'],
    ['/..', '/'],
    ['/a b', '/a%20b'],
    ['/caf\u00e9', '/caf%C3%A9'],
    // Another site named in the query or fragment is only data for our page.
    ['/portal?next=//evil.example', '/portal?next=//evil.example'],
    ['/portal#//evil.example', '/portal#//evil.example'],
    ['/javascript:alert(1)', '/javascript:alert(1)'],
    ['/a\\b', '/a/b'],
  ])('%j → %j', (value, want) => {
    expect(localPath(value, FALLBACK)).toBe(want);
  });
});

describe('localPath refuses other sites', () => {
  it.each([
    // Absolute, protocol-relative and scheme URLs.
    'https://evil.example/',
    'http://evil.example',
    'HTTPS://evil.example',
    '//evil.example',
    '///evil.example',
    '////evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:a@evil.example',
    'evil.example',
    'portal',
    '',
    ' /portal',
    '\t/portal',
    // Backslashes, which browsers read as slashes.
    '\\evil.example',
    '\\\\evil.example',
    '/\\evil.example',
    '/\\\\evil.example',
    '\\/evil.example',
    '/\\/evil.example',
    '/./\\evil.example',
    '/.\\\\evil.example',
    // Dot segments that collapse to a leading `//`.
    '/..//evil.example/',
    '/.//evil',
    '/../..//evil',
    '/a/..//evil',
    '/a/b/../..//evil',
    '/a/../../\\evil',
    '/%2e%2e//evil',
    '/%2E%2E//evil',
    '/%2e//evil',
    '/.%2e//evil',
    // Tabs, newlines and other control characters (browsers drop tabs and newlines).
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\t\\evil.example',
    '/\u0000/evil',
    '/\u001b/evil',
    '/\u007f/evil',
    '/portal\r\nSet-Cookie: x=1',
    '/portal\nLocation: https://evil.example',
    // Userinfo tricks.
    '//user@evil.example',
    '/\\user@evil.example',
  ])('%j → fallback', (value) => {
    expect(localPath(value, FALLBACK)).toBe(FALLBACK);
  });

  it.each([null, undefined])('%s → fallback', (value) => {
    expect(localPath(value, FALLBACK)).toBe(FALLBACK);
  });
});

describe('localPath with encodings that stay one path', () => {
  it.each([
    '/%2F%2Fevil.example',
    '/%2f%2fevil.example',
    '/%5Cevil.example',
    '/%5C%5Cevil.example',
    '/%2F/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%00',
    '/\u00a0/evil.example',
    '/\u3000/evil.example',
    '/\u2028/evil.example',
    '/\uff0f\uff0fevil.example',
    '/\u3002/evil.example',
    '/@evil.example',
    '/..%2f..%2fevil.example',
    // Not a dot segment (three characters), so a folder name followed by an empty one.
    '/..%2e//evil',
  ])('%j stays on this site', (value) => {
    const result = localPath(value, FALLBACK);
    expect(result).not.toBe(FALLBACK);
    expect(isSafe(result)).toBe(true);
    expect(result).not.toMatch(/^\/[/\\]/);
    // Whatever was encoded is still encoded: nothing decodes to a second slash.
    expect(followed(result).host).toBe('chasm.test');
  });

  it('keeps %2F%2F encoded rather than decoding it into a leading //', () => {
    expect(localPath('/%2F%2Fevil', FALLBACK)).toBe('/%2F%2Fevil');
  });
});

describe('localPath properties', () => {
  const fallbacks = fc.constantFrom('/portal', '/', '/login');
  /** Strings built from the characters that matter for redirects, to hit the edges often. */
  const tricky = fc
    .array(
      fc.constantFrom(
        '/',
        '\\',
        '.',
        '..',
        '%2e',
        '%2f',
        '%5c',
        ':',
        '@',
        '?',
        '#',
        '\t',
        '\n',
        '\r',
        '\u0000',
        ' ',
        'evil.example',
        'http:',
        'javascript:',
        'a',
        '\u00a0',
        '\uff0f',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));
  const anyString = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    tricky,
    tricky.map((s) => `/${s}`),
  );

  it('the result is the fallback, or a path that starts with one slash and stays on the site', () => {
    fc.assert(
      fc.property(anyString, fallbacks, (value, fallback) => {
        const result = localPath(value, fallback);
        if (result === fallback) return;
        expect(result.startsWith('/')).toBe(true);
        expect(result.startsWith('//')).toBe(false);
        expect(result.startsWith('/\\')).toBe(false);
        expect(result).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(isSafe(result)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('is stable: a result fed back in comes out the same', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const once = localPath(value, FALLBACK);
        expect(localPath(once, FALLBACK)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('never returns a value that is not the fallback unless the input started with /', () => {
    fc.assert(
      fc.property(
        anyString.filter((s) => !s.startsWith('/')),
        (value) => {
          expect(localPath(value, FALLBACK)).toBe(FALLBACK);
        },
      ),
    );
  });
});
