/**
 * User agents we do not count: crawlers, link previewers, monitors, HTTP libraries and
 * headless browsers. Matching is by substring, case-insensitive; an empty agent is a bot.
 * The list follows the common patterns used by open-source analytics (crawler/bot/spider
 * families plus the named previewers), kept short on purpose: a false "human" costs one
 * counted visit, a false "bot" silently loses a real visitor.
 */
const BOT_PATTERN = new RegExp(
  [
    'bot\\b',
    'bot/',
    'crawl',
    'spider',
    'slurp',
    'scrap',
    'facebookexternalhit',
    'embedly',
    'preview',
    'headlesschrome',
    'lighthouse',
    'pagespeed',
    'pingdom',
    'uptime',
    'monitor',
    'curl/',
    'wget/',
    'python-requests',
    'python-urllib',
    'go-http-client',
    'java/',
    'okhttp',
    'node-fetch',
    'axios/',
    'undici',
    'postmanruntime',
    'phantomjs',
    'httpclient',
  ].join('|'),
  'i',
);

export function isBot(userAgent: string | null | undefined): boolean {
  if (!userAgent || userAgent.trim().length < 10) return true;
  return BOT_PATTERN.test(userAgent);
}
