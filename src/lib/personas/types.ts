import type { PersonaSlug } from '../catalog';

/**
 * Where a visitor's persona came from, in the order they are tried. `default` means no
 * signal matched and the generic page is shown.
 */
export const PERSONA_SOURCES = [
  'query',
  'cookie',
  'utm_audience',
  'utm_campaign',
  'referrer',
  'path',
  'default',
] as const;
export type PersonaSource = (typeof PERSONA_SOURCES)[number];

/** What a page shows: the persona's page, the generic page for a held-out visitor, or the generic page. */
export type ExperienceVariant = 'personalized' | 'holdout' | 'generic';

/** The detection rules a persona declares in content (content/personas/<slug>.yaml). */
export interface DetectionRule {
  slug: PersonaSlug;
  /** Values of `utm_audience` that mean this persona (the slug itself always does). */
  utmAudience: readonly string[];
  /** Values of `utm_campaign`; a trailing `*` matches a prefix (`bpo-*`). */
  utmCampaigns: readonly string[];
  /** Referring hosts; a host also matches its subdomains (`github.com` ⊃ `gist.github.com`). */
  referrerHosts: readonly string[];
  /** Paths on this site whose visit hints at the persona (`/solutions/speed-to-lead`). */
  pathHints: readonly string[];
}

/** The request signals resolution looks at; all optional, all untrusted. */
export interface PersonaSignals {
  queryPersona?: string | null;
  cookie?: string | null;
  utmAudience?: string | null;
  utmCampaign?: string | null;
  /** The full `Referer` header. */
  referrer?: string | null;
  /** This site's origins, so a same-site referrer counts as a path of this visit. */
  ownOrigins: readonly string[];
  /** The path being requested. */
  path: string;
}

export interface PersonaResolution {
  slug: PersonaSlug | null;
  source: PersonaSource;
  /** True when the visitor chose the persona themselves (`?persona=`, the switcher). */
  isExplicit: boolean;
}

/** What the middleware puts in `Astro.locals.persona` for on-demand pages. */
export interface ResolvedPersona extends PersonaResolution {
  variant: ExperienceVariant;
  /** Whether this visitor takes part in the holdout experiment (lift is measured on these only). */
  isHoldoutEligible: boolean;
}

/** What the middleware puts in `Astro.locals.visitor`. */
export interface Visitor {
  /** The first-party id, or a per-request id (`anon:…`) when the visitor refuses tracking. */
  id: string;
  /** The id cookie was set by this response. */
  isNew: boolean;
  /** `DNT: 1` or `Sec-GPC: 1`: no id cookie, personalisation per request only. */
  refusesTracking: boolean;
  /**
   * The id analytics events carry: the cookie id, or for a visitor who refuses tracking a hash
   * of a daily salt, the site, the IP and the user agent (counted for a day, never linked across days).
   */
  analyticsId: string;
  /** A crawler, previewer or HTTP library (isbot): served, never counted. */
  isBot?: boolean;
}
