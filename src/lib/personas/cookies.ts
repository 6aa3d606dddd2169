import { PERSONA_SLUGS, type PersonaSlug } from '../catalog';

/** Cookie names; the values are not secrets, but they are HttpOnly because no script needs them. */
export const VISITOR_COOKIE = 'chasm_vid';
export const PERSONA_COOKIE = 'chasm_persona';

/** A visitor id is 22 base64url characters (128 random bits); anything else is ignored. */
const VISITOR_ID = /^[A-Za-z0-9_-]{22}$/;

export function isValidVisitorId(value: string | null | undefined): value is string {
  return !!value && VISITOR_ID.test(value);
}

/** 128 random bits as base64url, from the platform's CSPRNG (browser or Node). */
export function newVisitorId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Do Not Track (`DNT: 1`) and Global Privacy Control (`Sec-GPC: 1`) both mean: do not give
 * this browser an identifier. GPC is the legally recognised signal in California (CCPA
 * regulations §7025); DNT has no legal force but states the same wish, so we honour both.
 */
export function refusesTracking(headers: Pick<Headers, 'get'>): boolean {
  return headers.get('dnt')?.trim() === '1' || headers.get('sec-gpc')?.trim() === '1';
}

export interface PersonaCookie {
  slug: PersonaSlug;
  /** `c`: the visitor chose it; `d`: we detected it (UTM, referrer, path). */
  isExplicit: boolean;
}

export function isPersonaSlug(value: unknown): value is PersonaSlug {
  return typeof value === 'string' && (PERSONA_SLUGS as readonly string[]).includes(value);
}

/** `developers~c` → { slug: 'developers', isExplicit: true }; anything malformed → null. */
export function parsePersonaCookie(value: string | null | undefined): PersonaCookie | null {
  if (!value) return null;
  const [slug, origin] = value.split('~');
  if (!isPersonaSlug(slug) || (origin !== 'c' && origin !== 'd')) return null;
  return { slug, isExplicit: origin === 'c' };
}

export function formatPersonaCookie(cookie: PersonaCookie): string {
  return `${cookie.slug}~${cookie.isExplicit ? 'c' : 'd'}`;
}
