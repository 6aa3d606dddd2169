import { describe, expect, it } from 'vitest';
import { benchmarkDefaultSchema, marketEstimateSchema } from '../../../src/lib/content/roi-schemas';
import { getModel } from '../../../src/lib/roi/models';
import {
  getBenchmarks,
  getDefaultValues,
  getMarketHeadline,
  getModelContext,
  listMarkets,
} from '../../../src/server/content/roi';
import { ROI_MODEL_IDS } from '../../../src/lib/catalog';

describe('ROI content', () => {
  it.each(ROI_MODEL_IDS)('%s: every input has a default with at least one source', (id) => {
    const benchmarks = getBenchmarks(id);
    for (const field of getModel(id).fields(getModelContext())) {
      const b = benchmarks[field.key];
      expect(b, field.key).toBeDefined();
      expect(b!.sources.length, field.key).toBeGreaterThan(0);
      for (const s of b!.sources) {
        expect(s.title && s.publisher && s.year, field.key).toBeTruthy();
        if (s.status !== 'unverified' && s.status !== 'assumption')
          expect(s.url, field.key).toMatch(/^https?:\/\//);
      }
      if (
        b!.sources.some((s) =>
          ['vendor-claim', 'disputed', 'unverified', 'assumption'].includes(s.status),
        )
      ) {
        expect(b!.note, `${field.key} needs a note`).toBeTruthy();
      }
    }
    expect(Object.keys(getDefaultValues(id)).length).toBe(
      getModel(id).fields(getModelContext()).length,
    );
  });

  it('has the three markets of the essay, and marks the IDC figure as unverified', () => {
    expect(listMarkets().map((m) => m.id)).toEqual([
      'unified-communications',
      'contact-centre',
      'enterprise-iot',
    ]);
    const idc = listMarkets()
      .flatMap((m) => m.estimates)
      .find((e) => e.id === 'iot-idc-essay')!;
    expect(idc.source.status).toBe('unverified');
    expect(idc.note).toMatch(/trillion/);
    expect(getMarketHeadline().value).toBe(53_500_000_000);
  });

  it('productivity is disputed, defaults to 0 and shows both directions', () => {
    const p = getBenchmarks('attrition').productivityGain!;
    expect(p.value).toBe(0);
    expect(p.range!.low).toBeLessThan(0);
    expect(p.range!.high).toBeGreaterThan(0);
    expect(p.sources.map((s) => s.status)).toContain('disputed');
  });

  it('refuses a default without a source, a vendor claim without a note, a value outside its range', () => {
    const source = {
      title: 'A study',
      publisher: 'Someone',
      year: 2020,
      url: 'https://example.com/a',
      status: 'primary',
    };
    expect(
      benchmarkDefaultSchema.safeParse({ value: 1, basis: 'published', sources: [] }).success,
    ).toBe(false);
    expect(
      benchmarkDefaultSchema.safeParse({
        value: 1,
        basis: 'published',
        sources: [{ ...source, status: 'vendor-claim' }],
      }).success,
    ).toBe(false);
    expect(
      benchmarkDefaultSchema.safeParse({
        value: 5,
        range: { low: 1, high: 2 },
        basis: 'published',
        sources: [source],
      }).success,
    ).toBe(false);
    expect(
      benchmarkDefaultSchema.safeParse({
        value: 1,
        basis: 'published',
        sources: [{ ...source, url: undefined }],
      }).success,
    ).toBe(false);
    expect(
      benchmarkDefaultSchema.safeParse({ value: 1, basis: 'published', sources: [source] }).success,
    ).toBe(true);
  });

  it('an estimate gives either a growth rate or an end value', () => {
    const base = {
      id: 'x',
      label: 'Estimate',
      baseYear: 2020,
      baseValue: 10,
      definition: 'Some market, worldwide.',
      source: {
        title: 'A study',
        publisher: 'Someone',
        year: 2020,
        url: 'https://example.com/a',
        status: 'primary',
      },
    };
    expect(marketEstimateSchema.safeParse(base).success).toBe(false);
    expect(marketEstimateSchema.safeParse({ ...base, cagr: 0.1 }).success).toBe(true);
    expect(marketEstimateSchema.safeParse({ ...base, endYear: 2025, endValue: 20 }).success).toBe(
      true,
    );
    expect(
      marketEstimateSchema.safeParse({ ...base, cagr: 0.1, endYear: 2025, endValue: 20 }).success,
    ).toBe(false);
  });
});
