import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeFunnels } from '../../../src/server/analytics/funnel-definitions';
import { readRollups, recomputeRollups } from '../../../src/server/analytics/recompute';
import { recordEvents, type EventInput } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

async function reset() {
  for (const table of [
    'events',
    'visitor_sessions',
    'rollup_events',
    'rollup_visitors',
    'rollup_sessions',
    'lift_exposures',
    'rollup_lift',
    'rollup_switches',
    'funnel_progress',
    'rollup_funnel',
    'rollup_referrals',
  ] as const) {
    await t.db.deleteFrom(table).execute();
  }
}

const START = Date.parse('2026-10-01T00:00:00Z');
const MINUTE = 60_000;
const personas = ['developers', 'executives', 'contact-center'];
const types = [
  'page_view',
  'experience_viewed',
  'persona_switched',
  'flow_started',
  'flow_completed',
  'lead_created',
  'cta_clicked',
] as const;

const eventArb = fc.record({
  visitor: fc.integer({ min: 0, max: 5 }),
  type: fc.constantFrom(...types),
  minute: fc.integer({ min: 0, max: 60 * 24 * 10 }),
  persona: fc.option(fc.constantFrom(...personas), { nil: null }),
  variant: fc.constantFrom('personalized', 'holdout'),
  path: fc.constantFrom('/', '/for/developers', '/start/developers', '/solutions'),
  source: fc.option(fc.constantFrom('newsletter', 'linkedin'), { nil: null }),
  to: fc.constantFrom(...personas),
  ref: fc.option(fc.constantFrom('nw', 'bp'), { nil: null }),
});

type GeneratedEvent = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(e: GeneratedEvent): EventInput {
  return {
    type: e.type,
    visitorId: `v${e.visitor}`,
    occurredAt: new Date(START + e.minute * MINUTE).toISOString(),
    persona: e.type === 'experience_viewed' ? (e.persona ?? 'developers') : e.persona,
    variant: e.type === 'experience_viewed' ? e.variant : null,
    path: e.path,
    utm: { source: e.source },
    partnerRef: e.ref,
    properties:
      e.type === 'persona_switched' ? { from: e.persona, fromSource: 'utm', to: e.to } : {},
  };
}

describe('rollups', () => {
  it('equal a recomputation from the raw events, however the events are batched', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(eventArb, { minLength: 1, maxLength: 25 }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (batches) => {
          await reset();
          // Batches arrive in time order (a visitor's browser sends them as it goes).
          const sorted = batches.flat().sort((a, b) => a.minute - b.minute);
          let offset = 0;
          for (const batch of batches) {
            await recordEvents(t.db, sorted.slice(offset, offset + batch.length).map(toInput));
            offset += batch.length;
          }
          const expected = await recomputeRollups(t.db, await activeFunnels(t.db));
          const actual = await readRollups(t.db);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('counts a conversion for the exposures of the 7 days before it, once', async () => {
    await reset();
    const at = (days: number) => new Date(START + days * 86_400_000).toISOString();
    await recordEvents(t.db, [
      {
        type: 'experience_viewed',
        visitorId: 'x',
        persona: 'developers',
        variant: 'personalized',
        occurredAt: at(0),
      },
      {
        type: 'experience_viewed',
        visitorId: 'y',
        persona: 'developers',
        variant: 'holdout',
        occurredAt: at(0),
      },
      {
        type: 'experience_viewed',
        visitorId: 'x',
        persona: 'developers',
        variant: 'personalized',
        occurredAt: at(1),
      },
    ]);
    await recordEvents(t.db, [
      { type: 'lead_created', visitorId: 'x', occurredAt: at(2) },
      { type: 'lead_created', visitorId: 'x', occurredAt: at(3) },
      { type: 'lead_created', visitorId: 'y', occurredAt: at(9) },
    ]);
    const lift = (await readRollups(t.db)).lift;
    expect(lift).toEqual({
      '2026-10-01|developers|personalized': { exposed: 1, converted: 1 },
      '2026-10-01|developers|holdout': { exposed: 1, converted: 0 },
    });
  });

  it('starts a new session after 30 minutes of inactivity', async () => {
    await reset();
    const at = (m: number) => new Date(START + m * MINUTE).toISOString();
    await recordEvents(t.db, [
      { type: 'page_view', visitorId: 's', occurredAt: at(0), utm: { source: 'newsletter' } },
      { type: 'page_view', visitorId: 's', occurredAt: at(29) },
    ]);
    await recordEvents(t.db, [
      { type: 'page_view', visitorId: 's', occurredAt: at(60), referrerHost: 'news.example.com' },
    ]);
    const events = await t.db.selectFrom('events').select(['session_id']).orderBy('id').execute();
    expect(events[0]!.session_id).toBe(events[1]!.session_id);
    expect(events[2]!.session_id).not.toBe(events[0]!.session_id);
    expect((await readRollups(t.db)).sessions).toEqual({
      '2026-10-01||newsletter': 1,
      '2026-10-01||news.example.com': 1,
    });
  });
});
