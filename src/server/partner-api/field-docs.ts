/** What each request/response field means, for the OpenAPI document and /docs/api. */
export const FIELD_DOCS: Record<string, string> = {
  customerName:
    'The customer company. Legal suffixes (Inc, Ltd, GmbH…) and punctuation are ignored when matching.',
  customerDomain:
    'The customer’s web domain. `https://www.Acme.com/` becomes `acme.com`; subdomains fold to the registrable domain for matching.',
  country: 'ISO 3166-1 alpha-2 country code, e.g. `GB`.',
  contactName: 'The customer contact you work with.',
  contactEmail: 'The contact’s work e-mail. Free-mail domains are ignored by the e-mail rule.',
  contactTitle: 'The contact’s job title.',
  valueCents:
    'Estimated value in minor units (cents; yen for JPY): 12500000 is 125,000.00. At most 10^11.',
  currency: 'ISO 4217 currency code.',
  expectedCloseDate: 'YYYY-MM-DD, from today up to five years ahead.',
  products: 'Relay products in the deal (at least one).',
  useCase: 'What the customer will do with it (10 to 2,000 characters).',
  templateSlug: 'The solution template the deal starts from; its current version is recorded.',
  templateVersion: 'The template version recorded when the deal was registered.',
  roiScenarioId: 'Id of an ROI scenario built for this customer.',
  notes: 'Anything the channel manager should know.',
  externalId: 'Your CRM’s id for the deal, unique within your company.',
  statusReason: 'Why the deal was returned, rejected or lost.',
  reviewDueAt: 'The review deadline (48 hours after submission by default).',
  protectedUntil: 'End of the protection window (approval plus your tier’s days).',
  extensionStatus: 'The one extension request: requested, approved or denied.',
  portalUrl: 'The deal in the partner portal.',
  dealId: 'When checking an existing deal, leave it out of the comparison.',
};
