import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainKey, normaliseHost, registrableDomain } from '../../../../src/lib/matching/domain';
import { emailDomainKey, isFreeMailDomain } from '../../../../src/lib/matching/free-mail';

describe('domain normalisation', () => {
  it.each([
    ['www.Acme.com.', 'acme.com'],
    ['eu.acme.com', 'acme.com'],
    ['ACME.COM', 'acme.com'],
    ['https://www.acme.com/about?x=1#top', 'acme.com'],
    ['http://shop.eu.acme.com:8080/', 'acme.com'],
    ['acme.com..', 'acme.com'],
    ['www2.acme.com', 'acme.com'],
    ['user@acme.com', 'acme.com'],
    ['acme.co.uk', 'acme.co.uk'],
    ['shop.acme.co.uk', 'acme.co.uk'],
    ['www.acme.com.au', 'acme.com.au'],
    ['a.b.acme.co.jp', 'acme.co.jp'],
    ['acme.de', 'acme.de'],
    ['xn--mller-kva.de', 'xn--mller-kva.de'],
  ])('%s → %s', (input, key) => {
    expect(domainKey(input)).toBe(key);
  });

  it.each([
    '',
    'acme',
    'not a domain',
    'acme..com',
    '-acme.com',
    'acme.c0m',
    'http://',
    '.com',
    'a'.repeat(64) + '.com',
  ])('refuses %j', (input) => {
    expect(domainKey(input)).toBeNull();
  });

  it('keeps the host as typed apart from case, www and trailing dots', () => {
    expect(normaliseHost('WWW.Eu.Acme.com.')).toBe('eu.acme.com');
  });

  it('a listed public suffix on its own stays itself', () => {
    expect(registrableDomain('co.uk')).toBe('co.uk');
  });

  it('is idempotent: normalising a key gives the key (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,10}$/);
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('com', 'co.uk', 'de', 'com.au'),
        (labels, tld) => {
          const key = domainKey(`${labels.join('.')}.${tld}`);
          expect(key).not.toBeNull();
          expect(domainKey(key as string)).toBe(key);
          expect(domainKey(`WWW.${(key as string).toUpperCase()}.`)).toBe(key);
        },
      ),
    );
  });
});

describe('contact e-mail domains', () => {
  it.each([
    ['ana@acme.com', 'acme.com'],
    ['Ana@EU.Acme.com', 'acme.com'],
    ['bo@acme.co.uk', 'acme.co.uk'],
    ['someone@gmail.com', null],
    ['someone@hotmail.co.uk', null],
    ['x@proton.me', null],
    ['not-an-email', null],
  ])('%s → %s', (email, key) => {
    expect(emailDomainKey(email)).toBe(key);
  });

  it('knows free-mail providers, also by subdomain', () => {
    expect(isFreeMailDomain('gmail.com')).toBe(true);
    expect(isFreeMailDomain('acme.com')).toBe(false);
  });
});
