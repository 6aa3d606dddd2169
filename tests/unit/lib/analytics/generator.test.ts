import { describe, expect, it } from 'vitest';
import { generateAnalyticsDemo } from '../../../../db/seed/analytics-demo';

const now = new Date('2026-11-24T12:00:00Z');

describe('demo analytics generator', () => {
  it('is reproducible from its seed and differs with another seed', () => {
    const a = generateAnalyticsDemo({ now, days: 5, visitorsPerDay: 40, seed: 7 });
    const b = generateAnalyticsDemo({ now, days: 5, visitorsPerDay: 40, seed: 7 });
    const c = generateAnalyticsDemo({ now, days: 5, visitorsPerDay: 40, seed: 8 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('covers the requested days, never the future, with every dashboard event type', () => {
    const events = generateAnalyticsDemo({
      now,
      days: 90,
      visitorsPerDay: 60,
      referralCodes: ['NW42'],
    });
    const times = events.map((e) => Date.parse(e.occurredAt!));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-08-26T00:00:00Z'));
    const types = new Set(events.map((e) => e.type));
    for (const type of [
      'page_view',
      'experience_viewed',
      'persona_switched',
      'cta_clicked',
      'flow_started',
      'flow_completed',
      'lead_created',
      'roi_computed',
    ]) {
      expect(types).toContain(type);
    }
    expect(events.some((e) => e.partnerRef === 'NW42')).toBe(true);
    expect(events.some((e) => e.variant === 'holdout')).toBe(true);
  });

  it('reports each simulated lead to the caller', () => {
    const leads: string[] = [];
    const events = generateAnalyticsDemo({
      now,
      days: 10,
      visitorsPerDay: 50,
      onLead: (l) => leads.push(l.visitorId),
    });
    expect(leads.length).toBe(events.filter((e) => e.type === 'lead_created').length);
  });
});
