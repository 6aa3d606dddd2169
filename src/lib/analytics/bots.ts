import { isbot } from 'isbot';

/**
 * User agents we do not count: crawlers, link previewers, monitors, HTTP libraries and headless
 * browsers. The patterns are the `isbot` package's (about a thousand, kept current by its
 * maintainers from real crawler traffic) rather than a list of our own. An empty agent also
 * counts as a bot: every browser sends one. A bot gets the page a person would, and no cookie,
 * no event, no holdout slot and no rollup (src/server/http/visit.ts, the beacon).
 */
export function isBot(userAgent: string | null | undefined): boolean {
  if (!userAgent || userAgent.trim() === '') return true;
  return isbot(userAgent);
}
