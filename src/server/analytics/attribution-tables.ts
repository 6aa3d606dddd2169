import {
  ATTRIBUTION_MODELS,
  MOTIONS,
  NO_TOUCH,
  NOT_EXPOSED,
  NOT_SET,
  TOUCH_DIMENSIONS,
  type AttributionCell,
  type Dimension,
  type Money,
  type Motion,
  type TouchDimension,
} from '../../lib/analytics/attribution';
import type { ReportTable } from '../../lib/analytics/tables';
import { personaLabel } from '../../lib/catalog';
import { formatInteger, formatMoney } from '../../lib/format/numbers';
import type { Attribution } from './queries/attribution';

export const MOTION_LABELS: Record<Motion, string> = {
  'self-serve': 'Self-serve personalised site',
  'partner-sourced': 'Partner-sourced',
  'solution-template': 'Solution template',
};

export const DIMENSION_TITLES: Record<Dimension, string> = {
  motion: 'Go-to-market motion',
  persona: 'Persona',
  variant: 'Personalised or holdout',
  source: 'UTM source',
  campaign: 'UTM campaign',
  partner: 'Partner referral',
};

/** The dimension inside a sentence: "by persona", "by UTM source". */
export function dimensionNoun(dimension: Dimension): string {
  const title = DIMENSION_TITLES[dimension];
  return title.startsWith('UTM') ? title : title.toLowerCase();
}

const NOT_SET_LABELS: Record<TouchDimension, string> = {
  persona: 'No persona (generic page)',
  variant: 'Not exposed',
  source: '(no UTM source)',
  campaign: '(no UTM campaign)',
  partner: 'No partner referral',
};

/** A cell's key in words: persona names, partner names, "none (direct)". */
export function attributionLabel(
  dimension: Dimension,
  key: string,
  partnerNames: Record<string, string>,
): string {
  if (dimension === 'motion') return MOTION_LABELS[key as Motion] ?? key;
  if (key === NO_TOUCH) return NO_TOUCH;
  if (key === NOT_SET || (dimension === 'variant' && key === NOT_EXPOSED))
    return NOT_SET_LABELS[dimension];
  if (dimension === 'persona') return personaLabel(key);
  if (dimension === 'variant')
    return key === 'personalized' ? 'Personalised' : key === 'holdout' ? 'Holdout' : key;
  if (dimension === 'partner') return partnerNames[key] ?? key;
  return key;
}

/** Value per currency as text, never summed across currencies: "£120,000 + $30,000". */
export function moneyText(values: Money[]): string {
  return values.map((v) => formatMoney(v.valueCents, v.currency)).join(' + ') || '—';
}

const int = (v: unknown) => formatInteger(Number(v));
const text = (v: unknown) => String(v ?? '—');

function motionTable(a: Attribution): ReportTable {
  return {
    name: 'motion',
    title: 'Pipeline by go-to-market motion',
    columns: [
      { key: 'label', label: 'Motion' },
      { key: 'leads', label: 'Leads', isNumeric: true, format: int },
      { key: 'deals', label: 'Registered deals', isNumeric: true, format: int },
      { key: 'wonDeals', label: 'Won deals', isNumeric: true, format: int },
      { key: 'won', label: 'Won value', isNumeric: true, format: text },
      { key: 'direct', label: 'No touch (direct)', isNumeric: true, format: int },
    ],
    // All three motions, in order, so a motion that brought nothing shows as zero.
    rows: MOTIONS.map(
      (key) =>
        a.cells.first.motion.find((c) => c.key === key) ?? {
          key,
          leads: 0,
          deals: 0,
          wonDeals: 0,
          won: [],
          direct: 0,
        },
    ).map((c) => ({
      label: attributionLabel('motion', c.key, a.partnerNames),
      leads: c.leads,
      deals: c.deals,
      wonDeals: c.wonDeals,
      won: moneyText(c.won),
      direct: c.direct,
    })),
  };
}

/** Both models' cells of a dimension side by side, most conversions first. */
export function pairedCells(a: Attribution, dimension: TouchDimension) {
  const keys = new Map<string, { first?: AttributionCell; last?: AttributionCell }>();
  for (const model of ATTRIBUTION_MODELS)
    for (const c of a.cells[model][dimension]) keys.set(c.key, { ...keys.get(c.key), [model]: c });
  const size = (c?: AttributionCell) => (c ? c.leads + c.deals : 0);
  return [...keys.entries()]
    .map(([key, pair]) => ({
      key,
      label: attributionLabel(dimension, key, a.partnerNames),
      ...pair,
    }))
    .sort(
      (x, y) =>
        size(y.first) + size(y.last) - (size(x.first) + size(x.last)) ||
        x.label.localeCompare(y.label),
    );
}

function dimensionTable(a: Attribution, dimension: TouchDimension): ReportTable {
  const both = (key: string, label: string, format = int) =>
    (['first', 'last'] as const).map((m) => ({
      key: `${key}_${m}`,
      label: `${label}, ${m} touch`,
      isNumeric: true,
      format,
    }));
  return {
    name: dimension,
    title: `By ${dimensionNoun(dimension)}: first touch and last touch`,
    columns: [
      { key: 'label', label: DIMENSION_TITLES[dimension] },
      ...both('leads', 'Leads'),
      ...both('deals', 'Registered deals'),
      ...both('wonDeals', 'Won deals'),
      ...both('won', 'Won value', text),
    ],
    rows: pairedCells(a, dimension).map((p) => ({
      label: p.label,
      leads_first: p.first?.leads ?? 0,
      leads_last: p.last?.leads ?? 0,
      deals_first: p.first?.deals ?? 0,
      deals_last: p.last?.deals ?? 0,
      wonDeals_first: p.first?.wonDeals ?? 0,
      wonDeals_last: p.last?.wonDeals ?? 0,
      won_first: moneyText(p.first?.won ?? []),
      won_last: moneyText(p.last?.won ?? []),
    })),
  };
}

/** Won value in one row per dimension value, model and currency, for spreadsheets. */
function wonTable(a: Attribution): ReportTable {
  const rows = ATTRIBUTION_MODELS.flatMap((model) =>
    (['motion', ...TOUCH_DIMENSIONS] as const).flatMap((dimension) =>
      a.cells[model][dimension].flatMap((c) =>
        c.won.map((w) => ({
          dimension: DIMENSION_TITLES[dimension],
          value: attributionLabel(dimension, c.key, a.partnerNames),
          model: `${model} touch`,
          currency: w.currency,
          valueCents: w.valueCents,
        })),
      ),
    ),
  );
  return {
    name: 'won',
    title: 'Won value per currency, by dimension and model',
    columns: [
      { key: 'dimension', label: 'Dimension' },
      { key: 'value', label: 'Value' },
      { key: 'model', label: 'Model' },
      { key: 'currency', label: 'Currency' },
      { key: 'valueCents', label: 'Won value (cents)', isNumeric: true, format: int },
    ],
    rows,
  };
}

/** The attribution view's tables: by motion, by each touch dimension, and won value per currency. */
export function attributionTables(a: Attribution): ReportTable[] {
  return [motionTable(a), ...TOUCH_DIMENSIONS.map((d) => dimensionTable(a, d)), wonTable(a)];
}
