import { z, type ZodTypeAny } from 'zod';
import type { FlowField, FlowStep } from '../content/flow-schemas';

/** An answer as stored: text, a number, or the chosen options of a checkbox group. */
export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;
/** What a form post carries: one string per field, or several for checkboxes. */
export type RawValues = Record<string, string | string[] | undefined>;

/** "https://www.Acme.com/about" → "acme.com": the company's domain, for the lead and duplicate checks. */
export function normalizeDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const numberFormat = new Intl.NumberFormat('en-US');

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Empty optional fields are left out of the answers instead of being stored as "". */
function optional(field: FlowField, schema: ZodTypeAny): ZodTypeAny {
  const required = `${field.label} is required.`;
  return z.preprocess(
    (v) => {
      const s = first(v);
      return typeof s === 'string' && s.trim() === '' ? undefined : s;
    },
    field.required
      ? z
          .any()
          .refine((v) => v !== undefined, required)
          .pipe(schema)
      : schema.optional(),
  );
}

function textSchema(field: FlowField & { type: 'text' | 'textarea' }): ZodTypeAny {
  let schema = z
    .string()
    .trim()
    .max(
      field.maxLength,
      `Keep ${field.label.toLowerCase()} under ${numberFormat.format(field.maxLength)} characters.`,
    );
  if (field.type === 'text' && field.minLength) {
    schema = schema.min(
      field.minLength,
      `${field.label} needs at least ${field.minLength} characters.`,
    );
  }
  return schema;
}

function numberSchema(field: FlowField & { type: 'number' }): ZodTypeAny {
  const range = `Enter a number from ${numberFormat.format(field.min)} to ${numberFormat.format(field.max)}.`;
  return z
    .string()
    .transform((s) => s.replace(/[\s,_]/g, ''))
    .refine((s) => /^-?\d+(\.\d+)?$/.test(s), `${field.label} must be a number.`)
    .transform(Number)
    .refine((n) => !field.integer || Number.isInteger(n), `${field.label} must be a whole number.`)
    .refine((n) => n >= field.min && n <= field.max, range);
}

function choiceSchema(field: FlowField & { options: { value: string }[] }): ZodTypeAny {
  const values = field.options.map((o) => o.value);
  return z.string().refine((v) => values.includes(v), 'Choose one of the options.');
}

function checkboxSchema(field: FlowField & { type: 'checkboxes' }): ZodTypeAny {
  const values = field.options.map((o) => o.value);
  let schema = z
    .array(z.string())
    .refine((list) => list.every((v) => values.includes(v)), 'Choose from the options shown.')
    .transform((list) => [...new Set(list)]);
  const min = field.required ? 1 : 0;
  const max = field.maxSelected ?? values.length;
  return z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    schema.refine(
      (list) => list.length >= min && list.length <= max,
      max < values.length
        ? `Choose between ${Math.max(min, 1)} and ${max}.`
        : 'Choose at least one.',
    ),
  );
}

/** The Zod schema that validates one field's posted value into its stored answer. */
export function fieldSchema(field: FlowField): ZodTypeAny {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return optional(field, textSchema(field));
    case 'email':
      return optional(
        field,
        z
          .string()
          .trim()
          .max(254, 'Keep the e-mail under 254 characters.')
          .email('Enter an e-mail address like name@company.com.')
          .transform((v) => v.toLowerCase()),
      );
    case 'domain':
      return optional(
        field,
        z
          .string()
          .max(253, 'That web address is too long.')
          .transform(normalizeDomain)
          .refine((v) => DOMAIN.test(v), 'Enter the company website, like acme.com.'),
      );
    case 'tel':
      return optional(
        field,
        z
          .string()
          .trim()
          .regex(/^\+?[0-9 ().-]{6,30}$/, 'Enter a phone number like +44 20 7946 0000.'),
      );
    case 'number':
      return optional(field, numberSchema(field));
    case 'select':
    case 'radio':
      return optional(field, choiceSchema(field));
    case 'checkboxes':
      return checkboxSchema(field);
  }
}

/** The schema for a whole step: every field of it, nothing else. */
export function stepSchema(step: FlowStep) {
  return z.object(Object.fromEntries(step.fields.map((f) => [f.name, fieldSchema(f)])));
}

/** A stored answer as the text a form field shows again (checkbox groups keep their list). */
export function displayValue(value: AnswerValue | undefined): string | string[] {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value;
  return String(value);
}

/** The label of a stored answer, for confirmation pages and the leads inbox. */
export function answerLabel(field: FlowField, value: AnswerValue | undefined): string {
  if (value === undefined || value === '') return '—';
  if ('options' in field) {
    const labels = (Array.isArray(value) ? value : [String(value)]).map(
      (v) => field.options.find((o) => o.value === v)?.label ?? v,
    );
    return labels.join(', ');
  }
  if (typeof value === 'number') {
    const unit =
      field.type === 'number' && field.unit ? (field.unit === '%' ? '%' : ` ${field.unit}`) : '';
    return `${numberFormat.format(value)}${unit}`;
  }
  return Array.isArray(value) ? value.join(', ') : value;
}
