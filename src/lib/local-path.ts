const BASE = 'http://local.invalid';

/**
 * A redirect target from a query or form value, kept to this site: the value is resolved the
 * way a browser would (which drops tabs and newlines and reads `/\` as `//`) and accepted only
 * when it stays on the same origin. Returns path, query and fragment, or the fallback. This is
 * the one check against open redirects; nothing else should build a Location from input.
 */
export function localPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
