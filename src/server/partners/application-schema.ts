import { z } from 'zod';
import { PRODUCT_SLUGS } from '../../lib/catalog';
import { emailField, text } from '../validation';

/** A web domain typed by a person: "https://www.Acme.com/about" becomes "www.acme.com". */
export const domainField = z
  .string({ required_error: 'Company website is required.' })
  .trim()
  .max(253, 'That web address is too long.')
  .transform((value) =>
    value
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/[/?#].*$/, '')
      .replace(/:\d+$/, '')
      .replace(/\.$/, ''),
  )
  .refine(
    (value) => /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(value),
    {
      message: 'Enter the company website, like acme.com.',
    },
  );

/** What an applicant to the partner program tells us. Shared by the onboarding flow and /partners/apply. */
export const partnerApplicationInput = z.object({
  companyName: text('Company name', 200),
  companyDomain: domainField,
  country: text('Country', 100),
  contactName: text('Your name', 120),
  contactEmail: emailField,
  contactTitle: text('Job title', 120).optional(),
  companySize: z.enum(['1-10', '11-50', '51-200', '201-1000', '1000+']).optional(),
  specialties: z
    .array(z.enum(PRODUCT_SLUGS, { message: 'Choose products from the list.' }))
    .min(1, 'Choose at least one product you build on.')
    .max(PRODUCT_SLUGS.length),
  message: text('Message', 4000).optional(),
});
export type PartnerApplicationInput = z.infer<typeof partnerApplicationInput>;

/** A partner's referral code, as `?ref=` carries it (letters, digits and dashes). */
const REFERRAL_CODE = /^[a-z0-9-]{1,64}$/i;

/**
 * The referral code in a link or in the apply form's hidden field, lower-cased; anything else
 * (too long, other characters, empty) is ignored rather than stored.
 */
export function referralCodeFrom(value: string | null | undefined): string | null {
  const code = (value ?? '').trim();
  return REFERRAL_CODE.test(code) ? code.toLowerCase() : null;
}
