import { describe, expect, it } from 'vitest';
import { compareLift } from '../../../src/lib/analytics/stats';
import { liftEvidence, liftVerdict } from '../../../src/server/analytics/report-tables';

const lift = (ps: number, pn: number, hs: number, hn: number) => ({
  ...compareLift({ successes: ps, trials: pn }, { successes: hs, trials: hn }),
  persona: 'all',
});

describe('the lift headline an executive reads', () => {
  it.each([
    // 11.2% of 4,323 against 4.9% of 206: the interval lies above zero.
    { name: 'clear win', args: [484, 4323, 10, 206], verdict: 'Personalising converts better.' },
    {
      name: 'clear loss',
      args: [20, 1000, 60, 1000],
      verdict: 'The generic page converts better.',
    },
    { name: 'overlap', args: [52, 1000, 48, 1000], verdict: 'No clear difference yet.' },
  ] as const)('$name', ({ args, verdict }) => {
    const [ps, pn, hs, hn] = args;
    const result = lift(ps, pn, hs, hn);
    expect(liftVerdict(result)).toBe(verdict);
    const evidence = liftEvidence(result)!;
    // The interval shown is the one the verdict rests on, and the p-value agrees with it.
    const [low, high] = result.interval.map((v) => `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}%`);
    expect(evidence).toContain(`95% CI ${low} to ${high}`);
    const p = result.test!.pValue;
    expect(evidence).toMatch(p < 0.001 ? /p < 0\.001$/ : new RegExp(`p = ${p.toFixed(3)}$`));
    if (verdict === 'No clear difference yet.') expect(p).toBeGreaterThan(0.05);
    else expect(p).toBeLessThan(0.05);
  });

  it('shows no evidence line when there is not enough data', () => {
    const result = lift(3, 20, 0, 2);
    expect(liftEvidence(result)).toBeNull();
    expect(liftVerdict(result)).toMatch(/^Not enough data yet: needs /);
  });
});
