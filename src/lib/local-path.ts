const BASE = 'http://local.invalid';

/**
 * A redirect target from a query or form value, kept to this site: the value is resolved the
 * way a browser would (which drops tabs and newlines and reads `/\` as `//`) and accepted only
 * when it stays on the same origin. Returns path, query and fragment, or the fallback. This is
 * the one check against open redirects; nothing else should build a Location from input.
 */
export function localPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/')) return fallback;
  // Control characters (tabs and newlines too) have no place in a path we send back.
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Dot segments can collapse to a leading `//` (`/..//evil.example/` resolves to
  // `//evil.example/`), which a browser reads as another host when it follows the Location.
  if (/^\/[\/\\]/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
