import { PRODUCT_SLUGS } from '../../lib/catalog';
import {
  conflictCheckInput,
  dealInput,
  type ConflictCheckInput,
  type DealInput,
} from '../../lib/deals/schema';
import { normaliseHost } from '../../lib/matching/domain';
import { minorToInput, parseMoneyInput } from '../../lib/deals/money';
import { AppError, type FieldIssue } from '../errors';
import { field, type FormValues } from '../http/forms';
import { zodIssues } from '../validation';
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
  for (const name of TEXT_FIELDS) values[name] = field(form, name).slice(0, 4000);
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

/**
 * Turns the posted form into a validated deal input: the amount typed in major units becomes
 * minor units, blank optional fields mean "not given". Throws BAD_REQUEST with every field's issue.
 */
export function parseDealForm(values: DealFormValues): DealInput {
  const issues: FieldIssue[] = [];
  const valueCents =
    values.value.trim() === '' ? undefined : parseMoneyInput(values.value, values.currency);
  if (values.value.trim() !== '' && valueCents === null) {
    issues.push({ path: 'valueCents', message: 'Enter an amount like 125000 or 125000.50.' });
  }
  const raw = {
    customerName: values.customerName,
    customerDomain: values.customerDomain,
    country: values.country,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactTitle: values.contactTitle || undefined,
    valueCents: valueCents ?? undefined,
    currency: values.currency,
    expectedCloseDate: values.expectedCloseDate,
    products: values.products,
    useCase: values.useCase,
    templateSlug: values.templateSlug || undefined,
    roiScenarioId: values.roiScenarioId || undefined,
    notes: values.notes || undefined,
    externalId: values.externalId || undefined,
  };
  const result = dealInput.safeParse(raw);
  if (!result.success)
    issues.push(
      ...zodIssues(result.error).filter((i) => !(i.path === 'valueCents' && issues.length > 0)),
    );
  if (issues.length > 0 || !result.success) {
    throw new AppError('BAD_REQUEST', 'Some fields need attention.', { issues });
  }
  return result.data;
}

/** The fields the conflict check reads, from what is typed so far; null when too little. */
export function conflictInputFromValues(
  values: DealFormValues,
  dealId?: string,
): ConflictCheckInput | null {
  const email = values.contactEmail.trim();
  const candidate = {
    ...(values.customerName.trim() ? { customerName: values.customerName } : {}),
    ...(normaliseHost(values.customerDomain) ? { customerDomain: values.customerDomain } : {}),
    ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { contactEmail: email } : {}),
    products: values.products.filter((p) => (PRODUCT_SLUGS as readonly string[]).includes(p)),
    ...(dealId ? { dealId } : {}),
  };
  const result = conflictCheckInput.safeParse(candidate);
  return result.success ? result.data : null;
}
