import type { PersonaSlug } from '../catalog';
import { localPath } from '../local-path';

/**
 * Where the "I am a…" switcher sends the visitor after saving the choice: back to the page
 * they were on, except that a persona page is swapped for the new persona's page (staying on
 * /for/developers after choosing "contact-centre leader" would look like the switch failed).
 * Only local paths are accepted, so the switcher cannot be used as an open redirect.
 */
export function switchTarget(next: string | null | undefined, persona: PersonaSlug | null): string {
  const path = localPath(next, '/').split(/[?#]/)[0]!;
  if (/^\/for\/[^/]+\/?$/.test(path)) return persona ? `/for/${persona}` : '/';
  return path;
}
