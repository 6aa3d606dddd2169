/**
 * Risk adjustment in the style of Forrester's Total Economic Impact (TEI): every benefit line is
 * reduced by a percentage that reflects how far its evidence can be trusted, and the headline
 * NPV, ROI, IRR and payback are computed from the reduced benefits. TEI "risks measure the
 * uncertainty of benefit and cost estimates given 1) the likelihood that estimates will meet
 * original projections and 2) the likelihood that estimates will be tracked over time"
 * (Forrester, Total Economic Impact methodology); its studies apply per-benefit adjustments,
 * e.g. a 20% adjustment derived from how confident respondents were in tracking the benefit.
 *
 * Our default for a line is set by the least trustworthy source among the inputs that drive it
 * (RISK_BY_STATUS, an explicit assumption with its reasoning); each scenario can change it. Costs
 * are not adjusted: the models' costs are quotes and estimates the buyer enters.
 */
import type { BenchmarkDefault, Source, SourceStatus } from '../content/roi-schemas';
import type { InputValues, NumberField } from './fields';

/**
 * Default risk adjustment per evidence status, with why. TEI studies commonly use 5–20% and
 * more for shaky benefits; we spread that band over how a figure reached us:
 *   primary       5%  a study's own figure: the method is visible, only transfer to you is at risk
 *   secondary    10%  a study quoted by someone else: the method cannot be checked
 *   assumption   15%  our placeholder: meant to be replaced with your own figure
 *   anecdote     20%  one organisation's experience
 *   vendor-claim 20%  the seller's figure, which the 20% in Forrester's own example matches
 *   disputed     25%  published evidence points both ways
 *   unverified   30%  a figure we could not trace to its source
 */
export const RISK_BY_STATUS: Readonly<Record<SourceStatus, number>> = {
  primary: 0.05,
  secondary: 0.1,
  assumption: 0.15,
  anecdote: 0.2,
  'vendor-claim': 0.2,
  disputed: 0.25,
  unverified: 0.3,
};

/** Statuses from least to most trustworthy (the order of RISK_BY_STATUS, reversed). */
export const STATUS_RANK: readonly SourceStatus[] = [
  'unverified',
  'disputed',
  'vendor-claim',
  'anecdote',
  'assumption',
  'secondary',
  'primary',
];

/** The least trustworthy status among some sources. */
export function worstStatus(sources: readonly Pick<Source, 'status'>[]): SourceStatus {
  let worst: SourceStatus = 'primary';
  for (const s of sources) {
    if (STATUS_RANK.indexOf(s.status) < STATUS_RANK.indexOf(worst)) worst = s.status;
  }
  return worst;
}

/** One benefit line of a model: the input holding its risk adjustment and what drives it. */
export interface BenefitLine {
  /** The risk adjustment's input key, e.g. `riskAttritionSavings`. */
  key: string;
  /** The benefit as people read it: "attrition savings". */
  label: string;
  /** Inputs whose evidence sets the default, or key prefixes ending in '.' (`include.`). */
  drivers: readonly string[];
}

/** The risk-adjustment input of each benefit line: a share 0–100%, kept out of the analyses. */
export function riskFields(lines: readonly BenefitLine[]): NumberField[] {
  return lines.map((line) => ({
    kind: 'number',
    key: line.key,
    label: `Risk adjustment: ${line.label}`,
    unit: 'percent',
    group: 'Risk adjustment',
    min: 0,
    max: 1,
    // A judgement about evidence, not a measured quantity: neither moved nor simulated.
    sensitivity: false,
    hint: `Share of ${line.label} held back for the chance it is not realised (Forrester TEI style). 0% counts it in full.`,
  }));
}

function drives(line: BenefitLine, key: string): boolean {
  return line.drivers.some((d) => (d.endsWith('.') ? key.startsWith(d) : key === d));
}

const TEI_SOURCES: Source[] = [
  {
    title: 'Total Economic Impact methodology',
    publisher: 'Forrester',
    year: 'n.d.',
    url: 'https://go.forrester.com/policies/tei/',
    status: 'primary',
  },
  {
    title: 'The Total Economic Impact of customer education (risk adjustment of 20%, derived)',
    publisher: 'Forrester Consulting',
    year: 'n.d.',
    url: 'https://thoughtleadership.forrester.com/go/intellum/customer_education_ebook/42',
    status: 'secondary',
  },
];

/**
 * The default of each benefit line's risk adjustment, derived from the evidence of the inputs
 * that drive it: RISK_BY_STATUS of the least trustworthy of their sources. The range runs from
 * no adjustment to twice the default.
 */
export function riskDefaults(
  lines: readonly BenefitLine[],
  benchmarks: Readonly<Record<string, BenchmarkDefault>>,
  labelOf: (key: string) => string = (key) => key,
): Record<string, BenchmarkDefault> {
  const out: Record<string, BenchmarkDefault> = {};
  for (const line of lines) {
    const driving = Object.entries(benchmarks).filter(([key]) => drives(line, key));
    const status = worstStatus(driving.flatMap(([, b]) => b.sources));
    const value = RISK_BY_STATUS[status];
    const weakest = driving.filter(([, b]) => b.sources.some((s) => s.status === status));
    out[line.key] = {
      value,
      range: { low: 0, high: Math.min(1, 2 * value) },
      basis: 'derived',
      note: `${Math.round(value * 100)}% because the weakest evidence behind ${line.label} is ${statusWords(status)} (${weakest.length} of ${driving.length} inputs: ${weakest.map(([key]) => labelOf(key)).join('; ')}). Our scale runs from 5% for a study’s own figure to 30% for an unverified one; change it if your own evidence is stronger or weaker.`,
      sources: TEI_SOURCES,
    };
  }
  return out;
}

function statusWords(status: SourceStatus): string {
  const words: Record<SourceStatus, string> = {
    primary: 'a study’s own figure',
    secondary: 'a study quoted by others',
    assumption: 'our assumption',
    anecdote: 'an anecdote',
    'vendor-claim': 'a vendor’s claim',
    disputed: 'disputed',
    unverified: 'unverified',
  };
  return words[status];
}

/** The values with every benefit line's risk adjustment at 0: the unadjusted case. */
export function withoutRisk(values: InputValues, lines: readonly BenefitLine[]): InputValues {
  const out = { ...values };
  for (const line of lines) out[line.key] = 0;
  return out;
}

/** 1 − the line's risk adjustment: the share of the benefit counted. */
export function kept(values: Readonly<Record<string, unknown>>, key: string): number {
  const risk = Number(values[key] ?? 0);
  return 1 - (Number.isFinite(risk) ? risk : 0);
}
