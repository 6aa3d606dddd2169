import { describe, expect, it } from 'vitest';
import { chooseVariant, resolvePersona, splitReferrer } from '../../../../src/lib/personas/resolve';
import type { DetectionRule, PersonaSignals } from '../../../../src/lib/personas/types';

const RULES: DetectionRule[] = [
  {
    slug: 'developers',
    utmAudience: ['dev'],
    utmCampaigns: ['hackathon-*'],
    referrerHosts: ['github.com'],
    pathHints: ['/docs'],
  },
  {
    slug: 'contact-center',
    utmAudience: ['cx'],
    utmCampaigns: ['bpo-*', 'attrition'],
    referrerHosts: ['icmi.com'],
    pathHints: ['/solutions/virtual-contact-centre', '/roi/attrition'],
  },
  {
    slug: 'executives',
    utmAudience: [],
    utmCampaigns: [],
    referrerHosts: ['hbr.org'],
    pathHints: ['/roi'],
  },
];
const SITE = 'https://relay.test';
const base: PersonaSignals = { ownOrigins: [SITE], path: '/' };

describe('resolvePersona: the first signal that names a persona decides, in order', () => {
  it.each<[string, Partial<PersonaSignals>, string | null, string]>([
    ['nothing at all', {}, null, 'default'],
    [
      '?persona= beats everything',
      {
        queryPersona: 'executives',
        cookie: 'developers~c',
        utmAudience: 'cx',
        referrer: 'https://github.com/x',
        path: '/roi/attrition',
      },
      'executives',
      'query',
    ],
    [
      'an unknown ?persona= is ignored',
      { queryPersona: 'astronauts', cookie: 'developers~d' },
      'developers',
      'cookie',
    ],
    ['the cookie beats UTM', { cookie: 'developers~d', utmAudience: 'cx' }, 'developers', 'cookie'],
    [
      'a malformed cookie is ignored',
      { cookie: 'developers', utmAudience: 'cx' },
      'contact-center',
      'utm_audience',
    ],
    [
      'a cookie naming no persona is ignored',
      { cookie: 'pirates~c', utmAudience: 'cx' },
      'contact-center',
      'utm_audience',
    ],
    ['utm_audience by alias, any case', { utmAudience: ' CX ' }, 'contact-center', 'utm_audience'],
    ['utm_audience by slug', { utmAudience: 'executives' }, 'executives', 'utm_audience'],
    [
      'utm_audience beats utm_campaign',
      { utmAudience: 'dev', utmCampaign: 'bpo-spring' },
      'developers',
      'utm_audience',
    ],
    [
      'an unknown utm_audience falls through to utm_campaign',
      { utmAudience: 'nobody', utmCampaign: 'bpo-spring' },
      'contact-center',
      'utm_campaign',
    ],
    ['utm_campaign exact match', { utmCampaign: 'attrition' }, 'contact-center', 'utm_campaign'],
    [
      'utm_campaign exact rule does not match a longer value',
      { utmCampaign: 'attrition-2', referrer: 'https://hbr.org/a' },
      'executives',
      'referrer',
    ],
    [
      'utm_campaign beats the referrer',
      { utmCampaign: 'hackathon-berlin', referrer: 'https://hbr.org/a' },
      'developers',
      'utm_campaign',
    ],
    [
      'referrer host, www. stripped',
      { referrer: 'https://www.hbr.org/2011/03/x' },
      'executives',
      'referrer',
    ],
    ['referrer subdomain', { referrer: 'https://gist.github.com/abc' }, 'developers', 'referrer'],
    ['a look-alike host does not match', { referrer: 'https://notgithub.com/' }, null, 'default'],
    [
      'the referrer beats path hints',
      { referrer: 'https://github.com/', path: '/roi/attrition' },
      'developers',
      'referrer',
    ],
    [
      'path hint of the requested path',
      { path: '/solutions/virtual-contact-centre' },
      'contact-center',
      'path',
    ],
    ['the most specific path hint wins', { path: '/roi/attrition' }, 'contact-center', 'path'],
    [
      'a shorter hint still matches its subtree',
      { path: '/roi/market-sizing' },
      'executives',
      'path',
    ],
    ['persona pages hint their own persona', { path: '/for/developers' }, 'developers', 'path'],
    [
      'a same-site referrer is a page of this visit',
      { referrer: `${SITE}/for/executives`, path: '/' },
      'executives',
      'path',
    ],
    [
      'the requested path beats the previous page',
      { referrer: `${SITE}/for/executives`, path: '/docs/voice' },
      'developers',
      'path',
    ],
    ['a look-alike path does not match', { path: '/roiled' }, null, 'default'],
    ['a non-http referrer is ignored', { referrer: 'android-app://github.com' }, null, 'default'],
  ])('%s', (_name, signals, slug, source) => {
    const result = resolvePersona({ ...base, ...signals }, RULES);
    expect(result.slug).toBe(slug);
    expect(result.source).toBe(source);
  });

  it('marks choices as explicit and inferences as not', () => {
    expect(resolvePersona({ ...base, queryPersona: 'developers' }, RULES).isExplicit).toBe(true);
    expect(resolvePersona({ ...base, cookie: 'developers~c' }, RULES).isExplicit).toBe(true);
    expect(resolvePersona({ ...base, cookie: 'developers~d' }, RULES).isExplicit).toBe(false);
    expect(resolvePersona({ ...base, utmAudience: 'dev' }, RULES).isExplicit).toBe(false);
  });
});

describe('splitReferrer', () => {
  it('separates external hosts from pages of this site', () => {
    expect(splitReferrer('https://www.github.com/a?b', [SITE])).toEqual({
      externalHost: 'github.com',
      ownPath: null,
    });
    expect(splitReferrer(`${SITE}/solutions?x=1`, [SITE])).toEqual({
      externalHost: null,
      ownPath: '/solutions',
    });
    expect(splitReferrer('not a url', [SITE])).toEqual({ externalHost: null, ownPath: null });
    expect(splitReferrer(null, [SITE])).toEqual({ externalHost: null, ownPath: null });
  });
});

describe('chooseVariant', () => {
  const settings = { program: 'test', percent: 100 };
  it('holds out inferred personas of tracked visitors only', () => {
    const inferred = {
      slug: 'developers' as const,
      source: 'utm_audience' as const,
      isExplicit: false,
    };
    expect(chooseVariant(inferred, 'visitor', settings)).toMatchObject({
      variant: 'holdout',
      isHoldoutEligible: true,
    });
    expect(chooseVariant(inferred, 'visitor', { ...settings, percent: 0 })).toMatchObject({
      variant: 'personalized',
      isHoldoutEligible: true,
    });
    // Without an id (DNT/GPC) nobody can be followed to a conversion: personalised, not in the experiment.
    expect(chooseVariant(inferred, null, settings)).toMatchObject({
      variant: 'personalized',
      isHoldoutEligible: false,
    });
  });

  it('never holds out a persona the visitor chose', () => {
    const chosen = { slug: 'developers' as const, source: 'query' as const, isExplicit: true };
    expect(chooseVariant(chosen, 'visitor', settings)).toMatchObject({
      variant: 'personalized',
      isHoldoutEligible: false,
    });
  });

  it('shows the generic page when no persona is known', () => {
    const none = { slug: null, source: 'default' as const, isExplicit: false };
    expect(chooseVariant(none, 'visitor', settings)).toMatchObject({
      variant: 'generic',
      isHoldoutEligible: false,
    });
  });
});
