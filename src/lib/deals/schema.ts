/*
 * The one definition of a deal registration's fields. The portal form, the tRPC procedures,
 * the REST API and its OpenAPI document all read this schema, so they cannot disagree.
 */
import { isCalendarDay } from '../time';
import { z } from 'zod';
import { PRODUCT_SLUGS, SOLUTION_SLUGS } from '../catalog';
import { normaliseHost } from '../matching/host';
import { textField } from '../forms/text-field';
import { COUNTRY_CODES } from './countries';
import { CURRENCIES, MAX_VALUE_MINOR } from './money';

/** Optional text: absent, null or blank all mean "not given". */
function optionalText(label: string, max: number) {
  return z
    .string({ invalid_type_error: `${label} must be text.` })
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .nullish()
    .transform((value) => (value ? value : undefined));
}

/** "https://WWW.Eu.Acme.com/about" → "eu.acme.com"; the registrable domain is derived from it. */
export const customerDomainField = z
  .string({
    required_error: 'Customer web domain is required.',
    invalid_type_error: 'Customer web domain must be text.',
  })
  .max(253, 'That web domain is too long.')
  .transform((value, ctx) => {
    const host = normaliseHost(value);
    if (host === null) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Enter the customer's web domain, like acme.com.",
      });
      return z.NEVER;
    }
    return host;
  });

export const contactEmailField = z
  .string({
    required_error: 'Contact e-mail is required.',
    invalid_type_error: 'Contact e-mail must be text.',
  })
  .trim()
  .max(254, 'E-mail can be at most 254 characters.')
  .email('Enter an e-mail address like name@company.com.')
  .transform((value) => value.toLowerCase());

const DAY_MS = 86_400_000;

/** A calendar date (YYYY-MM-DD) from yesterday (time zones) up to five years ahead. */
export const closeDateField = z
  .string({
    required_error: 'Expected close date is required.',
    invalid_type_error: 'Expected close date must be text.',
  })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31.')
  .refine(isCalendarDay, 'That date does not exist.')
  .refine(
    (value) => Date.parse(`${value}T00:00:00Z`) >= Date.now() - 2 * DAY_MS,
    'The expected close date is in the past.',
  )
  .refine(
    (value) => Date.parse(`${value}T00:00:00Z`) <= Date.now() + 5 * 366 * DAY_MS,
    'The expected close date is more than five years away.',
  );

export const productsField = z
  .array(
    z.enum(PRODUCT_SLUGS, {
      message: `Choose products from the catalogue (${PRODUCT_SLUGS.join(', ')}).`,
    }),
    {
      required_error: 'Choose at least one product.',
      invalid_type_error: 'Products must be a list.',
    },
  )
  .min(1, 'Choose at least one product.')
  .max(PRODUCT_SLUGS.length)
  .refine((list) => new Set(list).size === list.length, 'Each product can be chosen once.');

export const dealFields = {
  customerName: textField('Customer company', 200),
  customerDomain: customerDomainField,
  country: z.enum(COUNTRY_CODES as [string, ...string[]], {
    message: 'Choose the country as a two-letter ISO code, like GB or US.',
  }),
  contactName: textField('Contact name', 120),
  contactEmail: contactEmailField,
  contactTitle: optionalText('Contact title', 120),
  valueCents: z
    .number({
      required_error: 'Estimated value is required.',
      invalid_type_error: 'Estimated value must be a number (integer cents).',
    })
    .int('Estimated value must be whole cents.')
    .positive('Estimated value must be more than zero.')
    .max(MAX_VALUE_MINOR, 'Estimated value is above one billion; check the amount.'),
  currency: z.enum(CURRENCIES, { message: `Choose a currency (${CURRENCIES.join(', ')}).` }),
  expectedCloseDate: closeDateField,
  products: productsField,
  useCase: textField('Use case', 2000, 10),
  templateSlug: z
    .enum(SOLUTION_SLUGS, { message: 'Choose a solution template from the list.' })
    .nullish()
    .transform((v) => v ?? undefined),
  roiScenarioId: z
    .string({ invalid_type_error: 'ROI scenario must be an id.' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'ROI scenario must be an id (letters, digits, - and _).')
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || undefined),
  notes: optionalText('Notes', 4000),
  externalId: z
    .string({ invalid_type_error: 'External id must be text.' })
    .trim()
    .regex(/^[\x21-\x7e]{1,100}$/, 'External id: 1 to 100 printable characters, no spaces.')
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || undefined),
};

export const dealInput = z.object(dealFields).strict();
export type DealInput = z.output<typeof dealInput>;

/** Fields the live conflict check reads; whatever is filled in so far. */
export const conflictCheckInput = z
  .object({
    customerName: optionalText('Customer company', 200),
    customerDomain: customerDomainField.optional(),
    contactEmail: contactEmailField.optional(),
    products: z.array(z.enum(PRODUCT_SLUGS)).max(PRODUCT_SLUGS.length).default([]),
    /** When editing, the deal itself is left out of the comparison. */
    dealId: z.string().max(40).optional(),
  })
  .strict()
  .refine((v) => v.customerName || v.customerDomain || v.contactEmail, {
    message: 'Give at least the customer company, its web domain or the contact e-mail.',
    path: ['customerDomain'],
  });
export type ConflictCheckInput = z.output<typeof conflictCheckInput>;

/** A reason typed by a channel manager or partner: required where the state machine says so. */
export const reasonField = z
  .string({ invalid_type_error: 'Reason must be text.' })
  .trim()
  .max(2000, 'Keep the reason under 2,000 characters.')
  .optional();

/** A deal id as any road sends it (the REST path checks the ULID shape itself). */
export const dealIdField = z
  .string({ required_error: 'Deal id is required.', invalid_type_error: 'Deal id must be text.' })
  .trim()
  .min(1, 'Deal id is required.')
  .max(40, 'That is not a deal id.');

/** The longest comment any road accepts: refused beyond it, never cut. */
export const MAX_COMMENT_CHARS = 4000;

export const commentBodyField = z
  .string({ required_error: 'Write a comment first.', invalid_type_error: 'A comment is text.' })
  .trim()
  .min(1, 'Write a comment first.')
  .max(MAX_COMMENT_CHARS, 'Keep comments under 4,000 characters.');

/** Fields of a deal an edit may change; a field left out keeps its value. */
export const dealPatch = z.object(dealFields).partial().strict();
