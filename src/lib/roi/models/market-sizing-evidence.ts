/**
 * How much of the obtainable market (SOM) rests on weak evidence: the share that comes from
 * estimates read past the years their sources cover (extrapolated) or from figures we could not
 * trace (unverified). Each plan year's SOM per market is attributed to the estimates that set
 * that market's size in the chosen scenario: the lowest (conservative), the highest
 * (aggressive), or the median (base; two estimates share it in proportion to their values).
 * Shares are of the SOM summed over the plan years.
 */
import type { MarketSizingInputs, MarketData, MarketEstimate, SizingYear } from './market-sizing';
import { extrapolatedYears, projectEstimate } from './market-sizing';

export interface SomEvidence {
  /** SOM summed over the plan years. */
  total: number;
  /** Shares of it (0–1) from extrapolated estimates, unverified ones, and either. */
  extrapolated: number;
  unverified: number;
  weak: number;
}

/** The estimates that set a market's size in a scenario, each with its part of that size. */
function deciding(
  estimates: readonly MarketEstimate[],
  year: number,
  scenario: MarketSizingInputs['scenario'],
): { e: MarketEstimate; part: number }[] {
  const ranked = estimates
    .map((e) => ({ e, v: projectEstimate(e, year) }))
    .sort((a, b) => a.v - b.v);
  if (ranked.length === 0) return [];
  const total = (picked: typeof ranked) => picked.reduce((s, p) => s + p.v, 0);
  let picked: typeof ranked;
  if (scenario === 'conservative') picked = [ranked[0]!];
  else if (scenario === 'aggressive') picked = [ranked[ranked.length - 1]!];
  else {
    const mid = Math.floor(ranked.length / 2);
    picked = ranked.length % 2 ? [ranked[mid]!] : [ranked[mid - 1]!, ranked[mid]!];
  }
  const sum = total(picked);
  return picked.map((p) => ({ e: p.e, part: sum === 0 ? 1 / picked.length : p.v / sum }));
}

export function somEvidence(
  x: MarketSizingInputs,
  markets: readonly MarketData[],
  years: readonly SizingYear[],
): SomEvidence {
  const excluded = new Set(x.excludedEstimates);
  let total = 0;
  let extrapolated = 0;
  let unverified = 0;
  let weak = 0;
  for (const year of years) {
    for (const m of markets) {
      const som = year.markets.find((s) => s.id === m.id)?.som ?? 0;
      if (som === 0) continue;
      total += som;
      const kept = m.estimates.filter((e) => !excluded.has(e.id));
      for (const { e, part } of deciding(kept, year.year, x.scenario)) {
        const isExtrapolated = extrapolatedYears(e, year.year) > 0;
        const isUnverified = e.source?.status === 'unverified';
        if (isExtrapolated) extrapolated += som * part;
        if (isUnverified) unverified += som * part;
        if (isExtrapolated || isUnverified) weak += som * part;
      }
    }
  }
  const share = (v: number) => (total === 0 ? 0 : v / total);
  return {
    total,
    extrapolated: share(extrapolated),
    unverified: share(unverified),
    weak: share(weak),
  };
}
