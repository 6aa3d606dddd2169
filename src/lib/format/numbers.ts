/** Numbers shown to people: grouped thousands, sensible decimals, never "NaN". */
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatInteger(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : INTEGER.format(n);
}

export function formatCompact(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : COMPACT.format(n);
}

/** 0.1234 → "12.3%"; `signed` adds "+" to positive values (for differences). */
export function formatPercent(
  ratio: number | null | undefined,
  digits = 1,
  signed = false,
): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const text = `${(ratio * 100).toFixed(digits)}%`;
  return signed && ratio > 0 ? `+${text}` : text;
}

/** Integer cents in a currency → "$12,345" (no cents for amounts of 100 or more). */
export function formatMoney(cents: number | null | undefined, currency = 'USD'): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '—';
  const units = cents / 100;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: Math.abs(units) >= 100 ? 0 : 2,
  }).format(units);
}

/** Minutes as "45 s", "4 min", "2.5 h" or "3 d". */
export function formatDuration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
}
