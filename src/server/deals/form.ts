import { PRODUCT_SLUGS } from '../../lib/catalog';
import { normaliseHost } from '../../lib/matching/domain';
import { minorToInput, parseMoneyInput } from '../../lib/deals/money';
import { field, type FormValues } from '../http/forms';
import type { DealView } from './view';

/** What the deal form shows: every field as typed (so a failed post keeps the values). */
export interface DealFormValues {
  customerName: string;
  customerDomain: string;
  country: string;
  contactName: string;
  contactEmail: string;
  contactTitle: string;
  value: string;
  currency: string;
  expectedCloseDate: string;
  products: string[];
  useCase: string;
  templateSlug: string;
  roiScenarioId: string;
  notes: string;
  externalId: string;
}

const TEXT_FIELDS = [
  'customerName',
  'customerDomain',
  'country',
  'contactName',
  'contactEmail',
  'contactTitle',
  'value',
  'currency',
  'expectedCloseDate',
  'useCase',
  'templateSlug',
  'roiScenarioId',
  'notes',
  'externalId',
] as const;

export function emptyDealForm(overrides: Partial<DealFormValues> = {}): DealFormValues {
  return {
    customerName: '',
    customerDomain: '',
    country: '',
    contactName: '',
    contactEmail: '',
    contactTitle: '',
    value: '',
    currency: 'USD',
    expectedCloseDate: '',
    products: [],
    useCase: '',
    templateSlug: '',
    roiScenarioId: '',
    notes: '',
    externalId: '',
    ...overrides,
  };
}

export function dealFormValuesFromForm(form: FormValues): DealFormValues {
  const values = emptyDealForm();
  // Nothing is cut here: a field over its limit is refused by the operation, with its name.
  for (const name of TEXT_FIELDS) values[name] = field(form, name);
  const products = form.products;
  values.products = (Array.isArray(products) ? products : products ? [products] : []).slice(0, 20);
  return values;
}

export function dealFormValuesFromView(deal: DealView): DealFormValues {
  return {
    customerName: deal.customerName,
    customerDomain: deal.customerDomain,
    country: deal.country,
    contactName: deal.contactName,
    contactEmail: deal.contactEmail,
    contactTitle: deal.contactTitle ?? '',
    value: minorToInput(deal.valueCents, deal.currency),
    currency: deal.currency,
    expectedCloseDate: deal.expectedCloseDate,
    products: deal.products,
    useCase: deal.useCase,
    templateSlug: deal.templateSlug ?? '',
    roiScenarioId: deal.roiScenarioId ?? '',
    notes: deal.notes ?? '',
    externalId: deal.externalId ?? '',
  };
}

/** The message for an amount typed in a way that is not money. */
export const AMOUNT_HINT = 'Enter an amount like 125000 or 125000.50.';

/**
 * The posted form as the deal operation's input, unvalidated (the operation checks it): the
 * amount typed in major units becomes minor units, blank optional fields mean "not given". An
 * amount that is not money is passed on as typed, so the operation refuses it on that field.
 */
export function dealFormInput(values: DealFormValues): Record<string, unknown> {
  const typed = values.value.trim();
  const valueCents = typed === '' ? undefined : parseMoneyInput(typed, values.currency);
  return {
    customerName: values.customerName,
    customerDomain: values.customerDomain,
    country: values.country,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactTitle: values.contactTitle || undefined,
    valueCents: valueCents === null ? typed : valueCents,
    currency: values.currency,
    expectedCloseDate: values.expectedCloseDate,
    products: values.products,
    useCase: values.useCase,
    templateSlug: values.templateSlug || undefined,
    roiScenarioId: values.roiScenarioId || undefined,
    notes: values.notes || undefined,
    externalId: values.externalId || undefined,
  };
}

/**
 * What the live conflict check gets from a half-filled form: the fields typed so far that look
 * complete (a domain that parses, an e-mail with an @), so a check works before the form does.
 */
export function conflictCandidate(
  values: DealFormValues,
  dealId?: string,
): Record<string, unknown> {
  const email = values.contactEmail.trim();
  return {
    ...(values.customerName.trim() ? { customerName: values.customerName } : {}),
    ...(normaliseHost(values.customerDomain) ? { customerDomain: values.customerDomain } : {}),
    ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { contactEmail: email } : {}),
    products: values.products.filter((p) => (PRODUCT_SLUGS as readonly string[]).includes(p)),
    ...(dealId ? { dealId } : {}),
  };
}
