/**
 * The essay this product grew from says Relay's markets are "worth around $53.5 billion over
 * the next 5 years" from "conservative estimates", without showing the sum. These functions
 * show which combinations of the essay's own figures come close, and how far our
 * conservative TAM is from the headline.
 */
import {
  extrapolatedYears,
  marketRange,
  projectEstimate,
  type MarketData,
  type MarketEstimate,
} from './market-sizing';

export interface Headline {
  value: number;
  /** The year the headline is read as describing (publication + horizon). */
  comparisonYear: number;
  /** Years in which the essay's figures may be read (as stated or grown within their window). */
  searchFromYear: number;
  searchToYear: number;
}

export interface HeadlineTerm {
  market: string;
  estimate: string;
  label: string;
  year: number;
  value: number;
  /** True when the essay states this value for this year; false when grown by its stated CAGR. */
  isStated: boolean;
}

export interface HeadlineComposition {
  terms: HeadlineTerm[];
  total: number;
  /** total − headline. */
  difference: number;
}

function candidates(market: MarketData, e: MarketEstimate, h: Headline): HeadlineTerm[] {
  const last = e.growthUntil ?? e.endYear ?? e.baseYear;
  const terms: HeadlineTerm[] = [];
  for (
    let year = Math.max(e.baseYear, h.searchFromYear);
    year <= Math.min(last, h.searchToYear);
    year++
  ) {
    terms.push({
      market: market.id,
      estimate: e.id,
      label: e.label,
      year,
      value: projectEstimate(e, year),
      isStated: year === e.baseYear || year === e.endYear,
    });
  }
  return terms;
}

/**
 * One essay figure per market, each as stated or grown at its own stated rate within the
 * years it covers, summed; the `limit` sums closest to the headline. Markets without essay
 * figures are left out. None of these can be confirmed: the essay does not show its arithmetic.
 */
export function composeHeadline(
  markets: readonly MarketData[],
  headline: Headline,
  limit = 3,
): HeadlineComposition[] {
  const perMarket = markets
    .map((m) => m.estimates.filter((e) => e.fromEssay).flatMap((e) => candidates(m, e, headline)))
    .filter((terms) => terms.length > 0);
  let sums: HeadlineTerm[][] = [[]];
  for (const terms of perMarket)
    sums = sums.flatMap((partial) => terms.map((t) => [...partial, t]));
  return sums
    .filter((terms) => terms.length > 0)
    .map((terms) => {
      const total = terms.reduce((sum, t) => sum + t.value, 0);
      return { terms, total, difference: total - headline.value };
    })
    .sort((a, b) => Math.abs(a.difference) - Math.abs(b.difference))
    .slice(0, limit);
}

export interface HeadlineComparison {
  year: number;
  conservative: number;
  base: number;
  aggressive: number;
  /** Conservative TAM − headline, and as a share of the headline. */
  difference: number;
  relative: number;
  /** Estimates read beyond the years their source covers, in that year. */
  extrapolated: string[];
}

/** Our TAM in the headline's year, with the estimates the person kept. */
export function compareWithHeadline(
  markets: readonly MarketData[],
  excludedEstimates: readonly string[],
  headline: Headline,
): HeadlineComparison {
  const excluded = new Set(excludedEstimates);
  const year = headline.comparisonYear;
  const totals = { conservative: 0, base: 0, aggressive: 0 };
  for (const m of markets) {
    const range = marketRange(m, year, excluded);
    totals.conservative += range.conservative;
    totals.base += range.base;
    totals.aggressive += range.aggressive;
  }
  const difference = totals.conservative - headline.value;
  return {
    year,
    ...totals,
    difference,
    relative: difference / headline.value,
    extrapolated: markets.flatMap((m) =>
      m.estimates
        .filter((e) => !excluded.has(e.id) && extrapolatedYears(e, year) > 0)
        .map((e) => e.label),
    ),
  };
}
