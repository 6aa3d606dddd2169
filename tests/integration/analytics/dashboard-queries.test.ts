import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funnelReport } from '../../../src/server/analytics/queries/funnels';
import { inferenceReport } from '../../../src/server/analytics/queries/inference';
import { liftReport } from '../../../src/server/analytics/queries/lift';
import { overview } from '../../../src/server/analytics/queries/overview';
import { recordEvents, type EventInput } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
const at = (day: number, hour = 10, minute = 0) =>
  new Date(Date.UTC(2026, 9, day, hour, minute)).toISOString();
const range = { from: '2026-10-10', to: '2026-10-16' };

beforeAll(async () => {
  t = await createTestDb();
  const events: EventInput[] = [];
  const visit = (v: string, day: number, persona: string | null, extra: Partial<EventInput> = {}) =>
    events.push({
      type: 'page_view',
      visitorId: v,
      occurredAt: at(day),
      persona,
      path: '/',
      ...extra,
    });
  // Two visitors on the 10th (one came from the newsletter), one returns on the 11th.
  visit('a', 10, 'developers', { utm: { source: 'newsletter' } });
  visit('a', 10, 'developers', { occurredAt: at(10, 10, 5) });
  visit('b', 10, 'executives');
  visit('a', 11, 'developers', { referrerHost: 'news.example.com' });
  // Funnel visit-to-lead: a completes it on the 12th, b stops after starting.
  events.push({
    type: 'page_view',
    visitorId: 'f1',
    occurredAt: at(12, 9),
    persona: 'contact-center',
    path: '/for/contact-center',
  });
  events.push({
    type: 'flow_started',
    visitorId: 'f1',
    occurredAt: at(12, 9, 5),
    persona: 'contact-center',
  });
  events.push({
    type: 'flow_completed',
    visitorId: 'f1',
    occurredAt: at(12, 9, 20),
    persona: 'contact-center',
  });
  events.push({ type: 'lead_created', visitorId: 'f1', occurredAt: at(12, 9, 20) });
  events.push({
    type: 'page_view',
    visitorId: 'f2',
    occurredAt: at(12, 11),
    persona: 'contact-center',
    path: '/for/contact-center',
  });
  events.push({
    type: 'flow_started',
    visitorId: 'f2',
    occurredAt: at(12, 11, 3),
    persona: 'contact-center',
  });
  // Previous period (3rd to 9th): one visitor enters the funnel.
  events.push({
    type: 'page_view',
    visitorId: 'old',
    occurredAt: at(5),
    persona: 'developers',
    path: '/',
  });
  // Lift: 40 personalised developers, 12 convert; 40 holdout, 4 convert.
  for (let i = 0; i < 40; i++) {
    events.push({
      type: 'experience_viewed',
      visitorId: `p${i}`,
      occurredAt: at(13, 8, i),
      persona: 'developers',
      variant: 'personalized',
      path: '/',
    });
    events.push({
      type: 'experience_viewed',
      visitorId: `h${i}`,
      occurredAt: at(13, 8, i),
      persona: 'developers',
      variant: 'holdout',
      path: '/',
    });
    if (i < 12) events.push({ type: 'lead_created', visitorId: `p${i}`, occurredAt: at(14, 8, i) });
    if (i < 4) events.push({ type: 'lead_created', visitorId: `h${i}`, occurredAt: at(14, 8, i) });
  }
  // Persona switches: inferred from UTM as developers, two chose executives, one confirmed.
  for (const [v, to] of [
    ['s1', 'executives'],
    ['s2', 'executives'],
    ['s3', 'developers'],
  ] as const) {
    events.push({
      type: 'persona_switched',
      visitorId: v,
      occurredAt: at(15),
      persona: to,
      properties: { from: 'developers', fromSource: 'utm', to },
    });
  }
  await recordEvents(t.db, events);
});
afterAll(() => t.cleanup());

describe('dashboard queries over rollups', () => {
  it('overview: daily unique visitors, visits and page views, by persona and source', async () => {
    const result = await overview(t.db, { from: '2026-10-10', to: '2026-10-11' });
    expect(result.days).toEqual([
      { day: '2026-10-10', visitors: 2, sessions: 2, pageViews: 3 },
      { day: '2026-10-11', visitors: 1, sessions: 1, pageViews: 1 },
    ]);
    expect(result.byPersona).toEqual([
      { persona: 'developers', visitorDays: 2, sessions: 2 },
      { persona: 'executives', visitorDays: 1, sessions: 1 },
    ]);
    expect(result.bySource).toEqual(
      expect.arrayContaining([
        { source: 'newsletter', sessions: 1 },
        { source: 'direct', sessions: 1 },
        { source: 'news.example.com', sessions: 1 },
      ]),
    );
    const developers = await overview(t.db, {
      from: '2026-10-10',
      to: '2026-10-11',
      persona: 'developers',
    });
    expect(developers.totals).toEqual({ visitorDays: 2, sessions: 2, pageViews: 3 });
  });

  it('funnel: steps reached by visitors who entered in the period, against the previous period', async () => {
    const report = await funnelReport(t.db, 'visit-to-lead', 4, {
      from: '2026-10-12',
      to: '2026-10-12',
    });
    expect(report.current.map((s) => s.visitors)).toEqual([2, 2, 1, 1]);
    expect(report.current[2]!.ofPrevious).toBe(0.5);
    expect(report.byPersona).toEqual([{ persona: 'contact-center', steps: [2, 2, 1, 1] }]);
    const week = await funnelReport(t.db, 'visit-to-lead', 4, range);
    expect(week.previous[0]!.visitors).toBe(1);
  });

  it('lift: personalised against holdout with interval and p-value', async () => {
    const { personas, overall } = await liftReport(t.db, range);
    const developers = personas.find((p) => p.persona === 'developers')!;
    expect(developers.personalized).toMatchObject({ trials: 40, successes: 12 });
    expect(developers.holdout).toMatchObject({ trials: 40, successes: 4 });
    expect(developers.hasEnoughData).toBe(false);
    expect(developers.needs).toContain('1 more holdout conversions');
    // 12/40 vs 4/40: pooled p = 0.2, se = sqrt(0.2·0.8·(2/40)) = 0.08944, z = 2.2361, two-sided p = 0.0253.
    expect(developers.test!.z).toBeCloseTo(2.2361, 3);
    expect(developers.test!.pValue).toBeCloseTo(0.0253, 3);
    expect(personas.find((p) => p.persona === 'executives')!.needs).toContain(
      '30 more personalised visitors',
    );
    expect(overall.personalized.trials).toBe(40);
  });

  it('inference: inferred against chosen persona, by inference source', async () => {
    const report = await inferenceReport(t.db, range);
    expect(report.matrix).toEqual(
      expect.arrayContaining([
        { inferred: 'developers', chosen: 'executives', count: 2 },
        { inferred: 'developers', chosen: 'developers', count: 1 },
      ]),
    );
    expect(report.bySource).toEqual([{ source: 'utm', switches: 2, kept: 1 }]);
    expect(report.switchedVisitorDays).toBe(3);
  });
});
