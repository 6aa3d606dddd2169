/**
 * Model inputs described as data: label, unit, group and allowed range. The calculator builds
 * its form from these, the models and the tRPC router validate with them, and sensitivity and
 * Monte Carlo analysis walk them. Pure, so islands import it.
 */
import { formatNumberFor } from './format';

export type Unit = 'count' | 'currency' | 'percent' | 'minutes' | 'months' | 'years' | 'year';

export interface NumberField {
  kind: 'number';
  key: string;
  label: string;
  unit: Unit;
  group: string;
  min: number;
  max: number;
  integer?: boolean;
  /** The symbol used in the formulas shown to people (N, a₀, …). */
  symbol?: string;
  hint?: string;
  /** Drawn from a triangular distribution in the Monte Carlo simulation. */
  uncertain?: boolean;
  /** Moved in the tornado; calendar and structural choices are not (default true). */
  sensitivity?: boolean;
  /**
   * NPV is affine in this input while every other input is held (it scales one benefit or
   * cost in the model's formulas). Break-even then solves a straight line instead of
   * searching; tests/unit/roi/break-even.test.ts checks every flagged field against its model.
   */
  isNpvLinear?: boolean;
}

export interface ChoiceField {
  kind: 'choice';
  key: string;
  label: string;
  group: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
}

/** An on/off input stored as 1 or 0 (a checkbox), e.g. whether an estimate counts. */
export interface ToggleField {
  kind: 'toggle';
  key: string;
  label: string;
  group: string;
  hint?: string;
}

export type Field = NumberField | ChoiceField | ToggleField;
export type InputValue = number | string;
export type InputValues = Record<string, InputValue>;

export interface FieldIssue {
  path: string;
  message: string;
}

/** Problems with a number for a field, or null. Messages use the unit people see (35%, $10,000). */
export function checkNumber(field: NumberField, value: unknown): string | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return `${field.label} must be a number.`;
  if (!Number.isFinite(value)) return `${field.label} must be a finite number.`;
  if (field.integer && !Number.isInteger(value)) return `${field.label} must be a whole number.`;
  if (value < field.min) {
    return field.min === 0
      ? `${field.label} cannot be negative.`
      : `${field.label} must be at least ${formatNumberFor(field.unit, field.min)}.`;
  }
  if (value > field.max) {
    return `${field.label} must be at most ${formatNumberFor(field.unit, field.max)}.`;
  }
  return null;
}

export function checkChoice(field: ChoiceField, value: unknown): string | null {
  if (typeof value === 'string' && field.options.some((o) => o.value === value)) return null;
  return `Choose one of: ${field.options.map((o) => o.label).join(', ')}.`;
}

export function checkToggle(field: ToggleField, value: unknown): string | null {
  return value === 0 || value === 1 ? null : `${field.label} must be 1 (on) or 0 (off).`;
}

/** Every problem with a set of values, one per field, in field order. */
export function validateValues(
  fields: readonly Field[],
  values: Record<string, unknown>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of fields) {
    const value = values[field.key];
    const message =
      value === undefined
        ? `${field.label} is required.`
        : field.kind === 'number'
          ? checkNumber(field, value)
          : field.kind === 'toggle'
            ? checkToggle(field, value)
            : checkChoice(field, value);
    if (message) issues.push({ path: field.key, message });
  }
  return issues;
}

/**
 * Reads what a person typed into a number field. Accepts thousands separators, spaces, a
 * leading currency sign and a trailing %; percent fields are typed in percent (35 means 35%).
 */
export function parseFieldText(
  field: NumberField,
  text: string,
): { value: number; error?: undefined } | { value?: undefined; error: string } {
  const cleaned = text
    .trim()
    .replace(/[,\s_]/g, '')
    .replace(/^\$/, '')
    .replace(/%$/, '');
  if (cleaned === '') return { error: `${field.label} is required.` };
  // Number('') is 0 and Number('0x1f') is 31: allow only plain decimal notation.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) {
    return { error: `${field.label} must be a number.` };
  }
  const typed = Number(cleaned);
  const value = field.unit === 'percent' ? typed / 100 : typed;
  const error = checkNumber(field, value);
  return error ? { error } : { value };
}

/** The text a number field shows for a value: percent fields in percent, no grouping. */
export function formatFieldText(field: NumberField, value: number): string {
  const shown = field.unit === 'percent' ? value * 100 : value;
  return String(Number(shown.toPrecision(12)));
}

/**
 * An input's value as people read it: a number in its unit, a choice by its option's label,
 * a toggle as used or left out.
 */
export function displayValue(field: Field, value: InputValue): string {
  if (field.kind === 'toggle') return value === 1 ? 'used' : 'left out';
  if (field.kind === 'choice') {
    return field.options.find((o) => o.value === value)?.label ?? String(value);
  }
  return typeof value === 'number' ? formatNumberFor(field.unit, value) : String(value);
}

/** Text for every field, for a form's initial state. */
export function textValues(fields: readonly Field[], values: InputValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value === undefined) continue;
    out[field.key] =
      field.kind === 'number' && typeof value === 'number'
        ? formatFieldText(field, value)
        : String(value);
  }
  return out;
}

/** Parses every field's text; values for the valid ones and an issue for each bad one. */
export function parseTextValues(
  fields: readonly Field[],
  texts: Record<string, string | undefined>,
): { values: InputValues; issues: FieldIssue[] } {
  const values: InputValues = {};
  const issues: FieldIssue[] = [];
  for (const field of fields) {
    const text = texts[field.key] ?? '';
    if (field.kind === 'toggle') {
      // A checkbox that is not ticked sends nothing.
      values[field.key] = text === '1' || text === 'on' ? 1 : 0;
      continue;
    }
    if (field.kind === 'choice') {
      const error = checkChoice(field, text);
      if (error) issues.push({ path: field.key, message: error });
      else values[field.key] = text;
      continue;
    }
    const parsed = parseFieldText(field, text);
    if (parsed.error !== undefined) issues.push({ path: field.key, message: parsed.error });
    else values[field.key] = parsed.value;
  }
  return { values, issues };
}

export function numberFields(fields: readonly Field[]): NumberField[] {
  return fields.filter((f): f is NumberField => f.kind === 'number');
}
