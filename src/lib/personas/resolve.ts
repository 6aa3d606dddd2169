import { foldHost } from '../analytics/source';
import type { PersonaSlug } from '../catalog';
import { isInHoldout } from './holdout';
import { isPersonaSlug, parsePersonaCookie } from './cookies';
import type { DetectionRule, PersonaResolution, PersonaSignals, ResolvedPersona } from './types';

const GENERIC: PersonaResolution = { slug: null, source: 'default', isExplicit: false };

function clean(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase().slice(0, 200);
}

/** `bpo-*` matches `bpo-summer`; anything else must match exactly (case-insensitive). */
export function matchesPattern(value: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  return p.endsWith('*') ? value.startsWith(p.slice(0, -1)) : value === p;
}

/** `github.com` matches `github.com` and `gist.github.com`, never `notgithub.com`. */
export function matchesHost(host: string, ruleHost: string): boolean {
  const rule = ruleHost.toLowerCase();
  return host === rule || host.endsWith(`.${rule}`);
}

/** `/solutions/x` matches `/solutions/x` and `/solutions/x/more`, never `/solutions/xy`. */
export function matchesPath(path: string, hint: string): boolean {
  return path === hint || path.startsWith(hint.endsWith('/') ? hint : `${hint}/`);
}

/** The referrer split into an external host, or a path on this site (a page of this visit). */
export function splitReferrer(
  referrer: string | null | undefined,
  ownOrigins: readonly string[],
): { externalHost: string | null; ownPath: string | null } {
  if (!referrer) return { externalHost: null, ownPath: null };
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return { externalHost: null, ownPath: null };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { externalHost: null, ownPath: null };
  }
  if (ownOrigins.includes(url.origin)) return { externalHost: null, ownPath: url.pathname };
  return { externalHost: foldHost(url.hostname), ownPath: null };
}

/** Every persona page and flow is a path hint for its own persona, besides the content's hints. */
function hintsFor(rule: DetectionRule): string[] {
  return [`/for/${rule.slug}`, `/start/${rule.slug}`, ...rule.pathHints];
}

/** The persona whose hint matches the path most specifically (`/roi/attrition` beats `/roi`). */
export function pathHintFor(path: string, rules: readonly DetectionRule[]): PersonaSlug | null {
  let best: { slug: PersonaSlug; length: number } | null = null;
  for (const rule of rules) {
    for (const hint of hintsFor(rule)) {
      if (matchesPath(path, hint) && (!best || hint.length > best.length)) {
        best = { slug: rule.slug, length: hint.length };
      }
    }
  }
  return best?.slug ?? null;
}

function firstRule(
  rules: readonly DetectionRule[],
  test: (rule: DetectionRule) => boolean,
): PersonaSlug | null {
  return rules.find(test)?.slug ?? null;
}

/**
 * Decides the visitor's persona. Order (DESIGN.md, Personas): an explicit `?persona=` → the
 * persona cookie → `utm_audience` → `utm_campaign` mapping → referrer host rules → path hints
 * of this visit (the requested path, then the same-site page the visitor came from; the most
 * specific hint wins) → generic. The first signal that names a known persona decides, and its name is returned as `source`.
 */
export function resolvePersona(
  signals: PersonaSignals,
  rules: readonly DetectionRule[],
): PersonaResolution {
  const query = clean(signals.queryPersona);
  if (isPersonaSlug(query) && rules.some((r) => r.slug === query)) {
    return { slug: query, source: 'query', isExplicit: true };
  }
  const cookie = parsePersonaCookie(signals.cookie);
  if (cookie && rules.some((r) => r.slug === cookie.slug)) {
    return { slug: cookie.slug, source: 'cookie', isExplicit: cookie.isExplicit };
  }
  const audience = clean(signals.utmAudience);
  if (audience) {
    const slug = firstRule(
      rules,
      (r) => r.slug === audience || r.utmAudience.some((v) => v.toLowerCase() === audience),
    );
    if (slug) return { slug, source: 'utm_audience', isExplicit: false };
  }
  const campaign = clean(signals.utmCampaign);
  if (campaign) {
    const slug = firstRule(rules, (r) => r.utmCampaigns.some((p) => matchesPattern(campaign, p)));
    if (slug) return { slug, source: 'utm_campaign', isExplicit: false };
  }
  const { externalHost, ownPath } = splitReferrer(signals.referrer, signals.ownOrigins);
  if (externalHost) {
    const slug = firstRule(rules, (r) => r.referrerHosts.some((h) => matchesHost(externalHost, h)));
    if (slug) return { slug, source: 'referrer', isExplicit: false };
  }
  for (const path of [signals.path, ownPath]) {
    const slug = path ? pathHintFor(path, rules) : null;
    if (slug) return { slug, source: 'path', isExplicit: false };
  }
  return GENERIC;
}

export interface HoldoutSettings {
  program: string;
  percent: number;
}

/**
 * Chooses what to show. The holdout applies only to personas we inferred for a visitor we can
 * recognise again: someone who told us who they are always gets their page (holding them out
 * would read as a broken switcher), and a visitor without an id (DNT/GPC) cannot be followed
 * to a conversion, so neither takes part in the experiment. Both facts are logged with the
 * exposure, so lift is computed over eligible visitors only.
 */
export function chooseVariant(
  resolution: PersonaResolution,
  trackedVisitorId: string | null,
  settings: HoldoutSettings,
): ResolvedPersona {
  if (!resolution.slug) return { ...resolution, variant: 'generic', isHoldoutEligible: false };
  if (resolution.isExplicit || !trackedVisitorId) {
    return { ...resolution, variant: 'personalized', isHoldoutEligible: false };
  }
  const held = isInHoldout(trackedVisitorId, settings.program, settings.percent);
  return { ...resolution, variant: held ? 'holdout' : 'personalized', isHoldoutEligible: true };
}
