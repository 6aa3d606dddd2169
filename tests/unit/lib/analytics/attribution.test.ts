import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_MODELS,
  DIMENSIONS,
  NO_TOUCH,
  NOT_EXPOSED,
  NOT_SET,
  attribute,
  attributeTouches,
  dealMotion,
  exposureAt,
  isTouch,
  leadMotion,
  linkDealToLead,
  selectTouches,
  touchKeys,
  type Conversion,
  type LeadCandidate,
  type TouchEvent,
} from '../../../../src/lib/analytics/attribution';
import { EVENT_TYPES } from '../../../../src/lib/events';

const DAY = 86_400_000;
const CONVERSION = '2026-10-31T12:00:00.000Z';
const daysBefore = (days: number, ms = 0) =>
  new Date(Date.parse(CONVERSION) - days * DAY + ms).toISOString();

function ev(id: number, type: string, occurredAt: string, extra: Partial<TouchEvent> = {}) {
  return {
    id,
    type,
    occurredAt,
    persona: null,
    variant: null,
    utmSource: null,
    utmCampaign: null,
    partnerRef: null,
    ...extra,
  } satisfies TouchEvent;
}

const TOUCH_TABLE: [string, boolean][] = [
  ['page_view', true],
  ['experience_viewed', true],
  ['cta_clicked', true],
  ['persona_switched', true],
  ['flow_started', true],
  ['flow_step_completed', true],
  ['flow_completed', true],
  ['application_submitted', true],
  ['roi_computed', true],
  ['scenario_saved', true],
  ['scenario_shared', true],
  ['lead_created', false],
  ['lead_responded', false],
  ['deal_registered', false],
  ['deal_status_changed', false],
];

describe('which events are touches', () => {
  it.each(TOUCH_TABLE)('%s → %s', (type, expected) => {
    expect(isTouch({ type })).toBe(expected);
  });

  it('the table covers every event type', () => {
    expect(TOUCH_TABLE.map(([t]) => t).sort()).toEqual([...EVENT_TYPES].sort());
  });
});

describe('first and last touch within 90 days', () => {
  it.each<[string, TouchEvent[], number | null, number | null]>([
    ['no events', [], null, null],
    ['one touch is both first and last', [ev(1, 'page_view', daysBefore(3))], 1, 1],
    [
      'the window opens exactly 90 days before (inclusive)',
      [ev(1, 'page_view', daysBefore(90)), ev(2, 'page_view', daysBefore(1))],
      1,
      2,
    ],
    [
      'one millisecond more than 90 days before is out',
      [ev(1, 'page_view', daysBefore(90, -1)), ev(2, 'page_view', daysBefore(1))],
      2,
      2,
    ],
    [
      'a touch at the moment of conversion counts (the flow completing it)',
      [ev(1, 'page_view', daysBefore(2)), ev(2, 'flow_completed', CONVERSION)],
      1,
      2,
    ],
    [
      'a touch after the conversion does not',
      [ev(1, 'page_view', daysBefore(2)), ev(2, 'page_view', daysBefore(0, 1))],
      1,
      1,
    ],
    [
      'business events are never touches',
      [
        ev(1, 'lead_created', daysBefore(5)),
        ev(2, 'page_view', daysBefore(4)),
        ev(3, 'deal_registered', daysBefore(1)),
      ],
      2,
      2,
    ],
    [
      'only business events: no touch',
      [ev(1, 'lead_created', daysBefore(5)), ev(2, 'lead_responded', daysBefore(4))],
      null,
      null,
    ],
    [
      'ties on the time: lower id first, higher id last',
      [
        ev(7, 'page_view', daysBefore(10)),
        ev(3, 'experience_viewed', daysBefore(10)),
        ev(9, 'cta_clicked', daysBefore(1)),
        ev(8, 'page_view', daysBefore(1)),
      ],
      3,
      9,
    ],
    [
      'order is by time, not by id or position',
      [ev(1, 'page_view', daysBefore(1)), ev(2, 'page_view', daysBefore(20))],
      2,
      1,
    ],
  ])('%s', (_name, events, first, last) => {
    const t = selectTouches(events, CONVERSION);
    expect(t.first?.id ?? null).toBe(first);
    expect(t.last?.id ?? null).toBe(last);
  });
});

describe('what a touch is credited under', () => {
  const exposure = (id: number, at: string, variant: string, persona = 'developers') =>
    ev(id, 'experience_viewed', at, { persona, variant });

  it.each<[string, TouchEvent[], number, Partial<Record<string, string>>]>([
    [
      'a page view with UTM and a referral code',
      [
        ev(1, 'page_view', daysBefore(3), {
          persona: 'executives',
          utmSource: 'linkedin',
          utmCampaign: 'q4-cfo',
          partnerRef: 'northwind',
        }),
      ],
      1,
      {
        persona: 'executives',
        variant: NOT_EXPOSED,
        source: 'linkedin',
        campaign: 'q4-cfo',
        partner: 'northwind',
      },
    ],
    [
      'nothing set',
      [ev(1, 'page_view', daysBefore(3))],
      1,
      {
        persona: NOT_SET,
        variant: NOT_EXPOSED,
        source: NOT_SET,
        campaign: NOT_SET,
        partner: NOT_SET,
      },
    ],
    [
      'a held-out page view takes the persona and variant of its exposure (same instant, higher id)',
      [ev(1, 'page_view', daysBefore(3)), exposure(2, daysBefore(3), 'holdout', 'contact-center')],
      1,
      { persona: 'contact-center', variant: 'holdout' },
    ],
    [
      'the exposure in effect is the latest at or before the touch',
      [
        exposure(1, daysBefore(9), 'holdout'),
        exposure(2, daysBefore(5), 'personalized'),
        ev(3, 'cta_clicked', daysBefore(4), { persona: 'developers' }),
        exposure(4, daysBefore(2), 'holdout'),
      ],
      3,
      { variant: 'personalized', persona: 'developers' },
    ],
    [
      'an exposure after the touch, in a later visit, does not count',
      [
        ev(1, 'page_view', daysBefore(6), { sessionId: 's1' }),
        { ...exposure(2, daysBefore(5), 'personalized'), sessionId: 's2' },
      ],
      1,
      { variant: NOT_EXPOSED, persona: NOT_SET },
    ],
    [
      'without an earlier exposure, the first one later in the same visit counts',
      [
        ev(1, 'page_view', daysBefore(6), { sessionId: 's1' }),
        { ...exposure(3, daysBefore(6, 2000), 'personalized', 'executives'), sessionId: 's1' },
        { ...exposure(2, daysBefore(6, 1000), 'holdout', 'developers'), sessionId: 's1' },
      ],
      1,
      { variant: 'holdout', persona: 'developers' },
    ],
    [
      'an earlier exposure wins over a later one in the same visit',
      [
        exposure(1, daysBefore(9), 'personalized'),
        ev(2, 'page_view', daysBefore(6), { sessionId: 's1' }),
        { ...exposure(3, daysBefore(6, 1000), 'holdout'), sessionId: 's1' },
      ],
      2,
      { variant: 'personalized' },
    ],
    [
      "the touch's own persona wins over the exposure's",
      [
        exposure(1, daysBefore(5), 'personalized', 'developers'),
        ev(2, 'persona_switched', daysBefore(4), { persona: 'executives' }),
      ],
      2,
      { persona: 'executives', variant: 'personalized' },
    ],
  ])('%s', (_name, events, touchId, expected) => {
    const touch = events.find((e) => e.id === touchId)!;
    expect(touchKeys(events, touch)).toMatchObject(expected);
  });

  it('an exposure is its own exposure', () => {
    const e = exposure(5, daysBefore(1), 'holdout');
    expect(exposureAt([e], e)).toBe(e);
  });

  it('credits no touch when there is none', () => {
    expect(attributeTouches([], CONVERSION)).toEqual({ first: null, last: null });
  });
});

describe('motions', () => {
  it.each([
    [{ referralCode: null }, 'self-serve'],
    [{ referralCode: 'northwind' }, 'partner-sourced'],
  ] as const)('lead %o → %s', (lead, motion) => expect(leadMotion(lead)).toBe(motion));
  it.each([
    [{ templateSlug: null }, 'partner-sourced'],
    [{ templateSlug: 'speed-to-lead' }, 'solution-template'],
  ] as const)('deal %o → %s', (deal, motion) => expect(dealMotion(deal)).toBe(motion));
});

describe('linking a deal to a lead', () => {
  const lead = (id: string, createdAt: string, extra: Partial<LeadCandidate> = {}) =>
    ({
      id,
      createdAt,
      email: `${id}@acme.com`,
      companyDomain: 'acme.com',
      visitorId: `v-${id}`,
      ...extra,
    }) satisfies LeadCandidate;
  const deal = (extra: Partial<Parameters<typeof linkDealToLead>[0]> = {}) => ({
    registeredAt: CONVERSION,
    contactEmail: 'b@acme.com',
    domainKey: 'acme.com',
    ...extra,
  });

  it.each<[string, ReturnType<typeof deal>, LeadCandidate[], string | null]>([
    ['no leads', deal(), [], null],
    [
      'the contact e-mail wins over the domain, case folded',
      deal({ contactEmail: 'B@Acme.com' }),
      [lead('a', daysBefore(2)), lead('b', daysBefore(5))],
      'b',
    ],
    [
      'else the latest lead of the same registrable domain',
      deal({ contactEmail: 'z@acme.com' }),
      [lead('a', daysBefore(2), { companyDomain: 'eu.acme.com' }), lead('b', daysBefore(5))],
      'a',
    ],
    [
      'a lead created after the registration is not used',
      deal(),
      [lead('b', daysBefore(0, 1))],
      null,
    ],
    [
      'a lead without a visitor is not used',
      deal(),
      [lead('b', daysBefore(1), { visitorId: null }), lead('a', daysBefore(3))],
      'a',
    ],
    [
      'another company is not used',
      deal({ contactEmail: 'z@other.com', domainKey: 'other.com' }),
      [lead('a', daysBefore(1))],
      null,
    ],
    [
      'no domain key and no e-mail match',
      deal({ domainKey: null, contactEmail: 'z@x.io' }),
      [lead('a', daysBefore(1))],
      null,
    ],
    [
      'ties on the time go to the higher id',
      deal({ contactEmail: 'z@acme.com' }),
      [lead('a', daysBefore(1)), lead('c', daysBefore(1)), lead('b', daysBefore(1))],
      'c',
    ],
  ])('%s', (_name, d, leads, expected) => {
    expect(linkDealToLead(d, leads)?.id ?? null).toBe(expected);
  });
});

describe('credits', () => {
  const keys = (persona: string) => ({
    persona,
    variant: 'personalized',
    source: 'newsletter',
    campaign: NOT_SET,
    partner: NOT_SET,
  });
  it('credits each model its own touch, a direct conversion to "none (direct)" and keeps currencies apart', () => {
    const report = attribute([
      {
        kind: 'lead',
        id: 'l1',
        motion: 'self-serve',
        touches: { first: keys('developers'), last: keys('executives') },
        won: null,
      },
      {
        kind: 'deal',
        id: 'd1',
        motion: 'partner-sourced',
        touches: { first: keys('developers'), last: keys('developers') },
        won: { valueCents: 500, currency: 'USD' },
      },
      {
        kind: 'deal',
        id: 'd2',
        motion: 'solution-template',
        touches: { first: null, last: null },
        won: { valueCents: 700, currency: 'EUR' },
      },
    ]);
    expect(report.totals).toEqual({
      leads: 1,
      deals: 2,
      wonDeals: 2,
      won: [
        { currency: 'EUR', valueCents: 700 },
        { currency: 'USD', valueCents: 500 },
      ],
      directLeads: 0,
      directDeals: 1,
    });
    expect(report.cells.first.persona).toEqual([
      {
        key: 'developers',
        leads: 1,
        deals: 1,
        wonDeals: 1,
        won: [{ currency: 'USD', valueCents: 500 }],
        direct: 0,
      },
      {
        key: NO_TOUCH,
        leads: 0,
        deals: 1,
        wonDeals: 1,
        won: [{ currency: 'EUR', valueCents: 700 }],
        direct: 1,
      },
    ]);
    expect(report.cells.last.persona.map((c) => [c.key, c.leads, c.deals])).toEqual([
      ['developers', 0, 1],
      ['executives', 1, 0],
      [NO_TOUCH, 0, 1],
    ]);
    expect(report.cells.last.motion.map((c) => [c.key, c.leads + c.deals, c.direct])).toEqual([
      ['partner-sourced', 1, 0],
      ['self-serve', 1, 0],
      ['solution-template', 1, 1],
    ]);
  });
});

describe('invariants (property tests)', () => {
  const touchKeysArb = fc.record({
    persona: fc.constantFrom('developers', 'executives', NOT_SET),
    variant: fc.constantFrom('personalized', 'holdout', NOT_EXPOSED),
    source: fc.constantFrom('newsletter', 'linkedin', NOT_SET),
    campaign: fc.constantFrom('a', 'b', NOT_SET),
    partner: fc.constantFrom('northwind', NOT_SET),
  });
  const conversionArb = fc.record({
    kind: fc.constantFrom('lead' as const, 'deal' as const),
    motion: fc.constantFrom(
      'self-serve' as const,
      'partner-sourced' as const,
      'solution-template' as const,
    ),
    first: fc.option(touchKeysArb),
    last: touchKeysArb,
    won: fc.option(
      fc.record({
        valueCents: fc.integer({ min: 0, max: 1e9 }),
        currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY'),
      }),
    ),
  });
  const conversionsArb: fc.Arbitrary<Conversion[]> = fc
    .array(conversionArb, { maxLength: 60 })
    .map((list) =>
      list.map((r, i) => ({
        kind: r.kind,
        id: `c${i}`,
        motion: r.motion,
        // A conversion has either both touches or neither.
        touches: r.first ? { first: r.first, last: r.last } : { first: null, last: null },
        won: r.kind === 'deal' ? r.won : null,
      })),
    );

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it('counts each conversion exactly once per model and dimension; first-touch totals equal last-touch totals equal the number of conversions', () => {
    fc.assert(
      fc.property(conversionsArb, (conversions) => {
        const report = attribute(conversions);
        const leads = conversions.filter((c) => c.kind === 'lead').length;
        const deals = conversions.length - leads;
        for (const model of ATTRIBUTION_MODELS)
          for (const dimension of DIMENSIONS) {
            const cells = report.cells[model][dimension];
            expect(sum(cells.map((c) => c.leads))).toBe(leads);
            expect(sum(cells.map((c) => c.deals))).toBe(deals);
            expect(new Set(cells.map((c) => c.key)).size).toBe(cells.length);
          }
        expect(report.totals.leads).toBe(leads);
        expect(report.totals.deals).toBe(deals);
      }),
    );
  });

  it('conserves won value per currency in every model and dimension, and never mixes currencies', () => {
    fc.assert(
      fc.property(conversionsArb, (conversions) => {
        const expected = new Map<string, number>();
        for (const c of conversions)
          if (c.won)
            expected.set(c.won.currency, (expected.get(c.won.currency) ?? 0) + c.won.valueCents);
        const report = attribute(conversions);
        const asMap = (won: { currency: string; valueCents: number }[]) =>
          new Map(won.map((w) => [w.currency, w.valueCents]));
        expect(asMap(report.totals.won)).toEqual(expected);
        for (const model of ATTRIBUTION_MODELS)
          for (const dimension of DIMENSIONS) {
            const cells = report.cells[model][dimension];
            const got = new Map<string, number>();
            for (const cell of cells) {
              expect(new Set(cell.won.map((w) => w.currency)).size).toBe(cell.won.length);
              for (const w of cell.won)
                got.set(w.currency, (got.get(w.currency) ?? 0) + w.valueCents);
            }
            expect(got).toEqual(expected);
            expect(sum(cells.map((c) => c.wonDeals))).toBe(conversions.filter((c) => c.won).length);
          }
      }),
    );
  });

  it('direct conversions are the "none (direct)" cell of every touch dimension', () => {
    fc.assert(
      fc.property(conversionsArb, (conversions) => {
        const report = attribute(conversions);
        const direct = conversions.filter((c) => !c.touches.first).length;
        expect(report.totals.directLeads + report.totals.directDeals).toBe(direct);
        for (const model of ATTRIBUTION_MODELS) {
          const cell = report.cells[model].persona.find((c) => c.key === NO_TOUCH);
          expect(cell ? cell.leads + cell.deals : 0).toBe(direct);
          expect(sum(report.cells[model].motion.map((c) => c.direct))).toBe(direct);
        }
      }),
    );
  });

  it('the first touch is never after the last, and both lie in the window', () => {
    const eventArb = fc.record({
      id: fc.integer({ min: 1, max: 1000 }),
      type: fc.constantFrom(...EVENT_TYPES),
      occurredAt: fc
        .integer({ min: -100 * DAY, max: 5 * DAY })
        .map((ms) => new Date(Date.parse(CONVERSION) + ms).toISOString()),
      persona: fc.constant(null),
      variant: fc.constant(null),
      utmSource: fc.constant(null),
      utmCampaign: fc.constant(null),
      partnerRef: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.uniqueArray(eventArb, { selector: (e) => e.id, maxLength: 40 }), (events) => {
        const { first, last } = selectTouches(events, CONVERSION);
        const inWindow = events.filter(
          (e) =>
            isTouch(e) &&
            Date.parse(e.occurredAt) >= Date.parse(CONVERSION) - 90 * DAY &&
            Date.parse(e.occurredAt) <= Date.parse(CONVERSION),
        );
        expect(first === null).toBe(inWindow.length === 0);
        expect(last === null).toBe(inWindow.length === 0);
        if (!first || !last) return;
        expect(inWindow).toContain(first);
        expect(inWindow).toContain(last);
        for (const e of inWindow) {
          expect(Date.parse(first.occurredAt)).toBeLessThanOrEqual(Date.parse(e.occurredAt));
          expect(Date.parse(last.occurredAt)).toBeGreaterThanOrEqual(Date.parse(e.occurredAt));
        }
        // Independent of the order the events arrive in.
        const reversed = selectTouches([...events].reverse(), CONVERSION);
        expect(reversed.first?.id).toBe(first.id);
        expect(reversed.last?.id).toBe(last.id);
      }),
    );
  });
});
