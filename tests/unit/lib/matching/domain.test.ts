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
    // Suffixes the old hand-kept list of ~60 did not know, which folded one label too far:
    ['eu.acme.gov.za', 'acme.gov.za'],
    ['acme.com.pt', 'acme.com.pt'],
    ['shop.acme.co.ug', 'acme.co.ug'],
    ['acme.org.ng', 'acme.org.ng'],
    ['city.kawasaki.jp', 'city.kawasaki.jp'],
    ['a.b.acme.k12.ca.us', 'acme.k12.ca.us'],
    ['acme.ac.za', 'acme.ac.za'],
    // Private suffixes (hosting platforms) are off: their customers fold to the platform.
    ['acme.github.io', 'github.io'],
    ['acme.blogspot.com', 'blogspot.com'],
    ['acme.herokuapp.com', 'herokuapp.com'],
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

  it.each(['co.uk', 'com.au', 'gov.za'])(
    'a public suffix on its own, %s, stays itself',
    (suffix) => {
      expect(registrableDomain(suffix)).toBe(suffix);
    },
  );

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

  it.each([
    // Providers the old hand-kept list of 85 missed: a contact there matched every other one.
    'yahoo.fr',
    'hotmail.de',
    'live.co.uk',
    'bigpond.com',
    'sbcglobal.net',
    'rambler.ru',
    'hanmail.net',
    'sina.com',
    'telenet.be',
    'terra.com.br',
    // Our additions to the package's list.
    'fastmail.com',
    'tutanota.com',
  ])('%s is a free-mail provider', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
    expect(emailDomainKey(`someone@${domain}`)).toBeNull();
  });

  it.each(['acme.com', 'acme.co.uk', 'relay.example', 'northwind.test'])(
    '%s is a company domain',
    (domain) => {
      expect(isFreeMailDomain(domain)).toBe(false);
    },
  );
});
