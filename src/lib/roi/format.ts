/**
 * How ROI figures are shown: money in whole currency units (compact for charts), rates as
 * percentages, periods in years. Shared by islands, static charts, pages and CSV export.
 */
import type { Unit } from './fields';

const money = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let format = money.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      // Both bounds set: ICU versions disagree on the default minimum (Node printed "$100.0K").
      minimumFractionDigits: 0,
      maximumFractionDigits: compact ? 1 : 0,
      ...(compact ? { notation: 'compact' as const } : {}),
    });
    money.set(key, format);
  }
  return format;
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** $1,234,567 (or $1.2M when compact); an em dash for a missing or non-finite value. */
export function formatMoney(
  value: number | null | undefined,
  options: { currency?: string; compact?: boolean } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = moneyFormat(options.currency ?? 'USD', options.compact ?? false).format(value);
  return text === '-$0' ? '$0' : text;
}

/** 12.3% (fraction in, percent out); an em dash for a missing or non-finite value. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = (value * 100).toFixed(digits).replace(/\.0+$/, '');
  // Thousands grouped, as money is: 2,407%, not 2407%.
  return `${text.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','))}%`;
}

/** 2.4 years (months when under a year); says so when payback never happens. */
export function formatYears(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'not within horizon';
  if (value === 0) return 'immediate';
  if (value < 1) {
    const months = value * 12;
    return months < 1 ? 'under a month' : `${months.toFixed(1)} months`;
  }
  return `${value.toFixed(1)} years`;
}

export function formatCount(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(value);
}

/** A value in its field's unit, for messages, tables and CSV. */
export function formatNumberFor(unit: Unit, value: number): string {
  switch (unit) {
    case 'currency':
      return formatMoney(value);
    case 'percent':
      return `${plain.format(value * 100)}%`;
    case 'minutes':
      return `${plain.format(value)} min`;
    case 'months':
      return `${plain.format(value)} ${value === 1 ? 'month' : 'months'}`;
    case 'years':
      return `${plain.format(value)} ${value === 1 ? 'year' : 'years'}`;
    case 'year':
      return String(value);
    default:
      return plain.format(value);
  }
}
