/**
 * The ids every part of Chasm agrees on. Content files use them as slugs and the Zod
 * schemas check them, so a typo in content fails the build instead of a page.
 */
export const PERSONA_SLUGS = [
  'developers',
  'systems-integrators',
  'contact-center',
  'revenue-teams',
  'it-operations',
  'executives',
] as const;
export type PersonaSlug = (typeof PERSONA_SLUGS)[number];

export const PRODUCT_SLUGS = [
  'voice',
  'messaging',
  'video',
  'sip-trunking',
  'task-router',
  'wireless',
  'sync',
] as const;
export type ProductSlug = (typeof PRODUCT_SLUGS)[number];

export const SOLUTION_SLUGS = [
  'virtual-contact-centre',
  'proactive-maintenance',
  'speed-to-lead',
  'call-insight',
  'video-support',
] as const;
export type SolutionSlug = (typeof SOLUTION_SLUGS)[number];

export const ROI_MODEL_IDS = ['attrition', 'speed-to-lead', 'market-sizing'] as const;
export type RoiModelId = (typeof ROI_MODEL_IDS)[number];

/** Short names for charts and filters (the persona pages have the full copy). */
export const PERSONA_LABELS: Record<PersonaSlug, string> = {
  developers: 'Developers',
  'systems-integrators': 'Systems integrators',
  'contact-center': 'Contact-centre leaders',
  'revenue-teams': 'Revenue teams',
  'it-operations': 'IT & operations',
  executives: 'Executives',
};

export function personaLabel(slug: string | null | undefined): string {
  if (!slug) return 'Generic (no persona)';
  return (PERSONA_LABELS as Record<string, string>)[slug] ?? slug;
}
