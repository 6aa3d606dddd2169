/**
 * Money is integer minor units ("cents") plus an ISO 4217 code. The currencies a deal may be
 * registered in, with their minor-unit digits (ISO 4217: JPY and KRW have none).
 */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'JPY',
  'KRW',
  'SGD',
  'HKD',
  'INR',
  'BRL',
  'MXN',
  'ZAR',
  'AED',
] as const;
export type Currency = (typeof CURRENCIES)[number];

const ZERO_DECIMAL = new Set<string>(['JPY', 'KRW']);

export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : 2;
}

/** Largest value a deal may carry: one billion in major units (10^11 cents). Larger is a typo. */
export const MAX_VALUE_MINOR = 100_000_000_000;

/**
 * Parses what a person typed ("125,000", "125000.50", "1 250 000") into minor units.
 * Returns null for anything else, including more decimals than the currency has.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[\s,_']/g, '');
  const digits = minorDigits(currency);
  const pattern = digits === 0 ? /^\d+$/ : /^\d+(?:\.\d{1,2})?$/;
  if (!pattern.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as an input value: 12500050 USD → "125000.50". */
export function minorToInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  return (minor / 10 ** digits).toFixed(digits);
}

/** "$125,000" / "€80,000.50": the locale is fixed so the server and browser agree. */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const major = minor / 10 ** digits;
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: major % 1 === 0 ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(major);
}
