/**
 * How a traffic source is written down, once, for every place that reads one: stored events
 * (src/server/analytics/record-event.ts), the rollups built from them, and the persona resolver's
 * referrer rules. Hosts fold as Plausible does (lower case, no leading `www.`, no trailing dot),
 * so `www.Google.com` and `google.com` are one source; UTM sources fold to lower case, so
 * `utm_source=Google` and `utm_source=google` are one too.
 */
export function foldHost(host: string | null | undefined): string | null {
  const folded = (host ?? '')
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return folded ? folded.slice(0, 200) : null;
}

export function foldUtmSource(source: string | null | undefined): string | null {
  const folded = (source ?? '').trim().toLowerCase();
  return folded ? folded.slice(0, 200) : null;
}
