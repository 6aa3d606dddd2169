/**
 * A CSV download: the one place a CSV becomes an HTTP response (type, attachment name, no
 * caching of private data). The file name is cleaned to safe characters.
 */
export function csvResponse(
  filename: string,
  body: string,
  cacheControl: 'no-store' | 'private, no-store' = 'no-store',
): Response {
  const safe = filename.replace(/[^a-z0-9._-]+/gi, '-');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${safe}"`,
      'cache-control': cacheControl,
    },
  });
}
