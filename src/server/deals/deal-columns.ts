import type { DealInput } from '../../lib/deals/schema';
import { matchKeysOf } from '../../lib/matching/keys';
import { findTemplate } from '../content/templates';

/** The columns a deal's fields map to, including the conflict keys derived from them. */
export function columnsOf(input: DealInput) {
  const keys = matchKeysOf(input);
  const template = input.templateSlug ? findTemplate(input.templateSlug) : undefined;
  return {
    customer_name: input.customerName,
    customer_domain: input.customerDomain,
    country: input.country,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_title: input.contactTitle ?? null,
    value_cents: input.valueCents,
    currency: input.currency,
    expected_close_date: input.expectedCloseDate,
    products: JSON.stringify(input.products),
    use_case: input.useCase,
    template_slug: template?.slug ?? null,
    template_version: template?.version ?? null,
    roi_scenario_id: input.roiScenarioId ?? null,
    notes: input.notes ?? null,
    external_id: input.externalId ?? null,
    domain_key: keys.domainKey,
    email_domain_key: keys.emailDomainKey,
    name_key: keys.nameKey,
    name_prefix: keys.namePrefix,
    name_suffix: keys.nameSuffix,
  };
}

/** Fields a partner may change while editing; each change is audited as [before, after]. */
export const EDITABLE_FIELDS = [
  'customer_name',
  'customer_domain',
  'country',
  'contact_name',
  'contact_email',
  'contact_title',
  'value_cents',
  'currency',
  'expected_close_date',
  'products',
  'use_case',
  'template_slug',
  'template_version',
  'roi_scenario_id',
  'notes',
  'external_id',
] as const;

/** A stored deal as the input that would register it again: the base a partial edit merges onto. */
export function inputOfRow(row: {
  customer_name: string;
  customer_domain: string;
  country: string;
  contact_name: string;
  contact_email: string;
  contact_title: string | null;
  value_cents: number;
  currency: string;
  expected_close_date: string;
  products: string;
  use_case: string;
  template_slug: string | null;
  roi_scenario_id: string | null;
  notes: string | null;
  external_id: string | null;
}): Record<string, unknown> {
  return {
    customerName: row.customer_name,
    customerDomain: row.customer_domain,
    country: row.country,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactTitle: row.contact_title ?? undefined,
    valueCents: row.value_cents,
    currency: row.currency,
    expectedCloseDate: row.expected_close_date,
    products: JSON.parse(row.products) as string[],
    useCase: row.use_case,
    templateSlug: row.template_slug ?? undefined,
    roiScenarioId: row.roi_scenario_id ?? undefined,
    notes: row.notes ?? undefined,
    externalId: row.external_id ?? undefined,
  };
}
