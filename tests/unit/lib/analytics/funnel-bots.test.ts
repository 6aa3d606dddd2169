import { describe, expect, it } from 'vitest';
import { isBot } from '../../../../src/lib/analytics/bots';
import {
  computeFunnelCounts,
  summariseSteps,
  type FunnelDefinition,
  type FunnelEvent,
} from '../../../../src/lib/analytics/funnel';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-09-01T10:00:00Z');
const funnel: FunnelDefinition = {
  id: 'f',
  windowMs: 24 * HOUR,
  steps: [
    { type: 'page_view', path: '/for/*' },
    { type: 'flow_started' },
    { type: 'flow_completed' },
  ],
};
const ev = (
  visitorId: string,
  type: string,
  hours: number,
  path: string | null = null,
  persona: string | null = 'developers',
): FunnelEvent => ({
  visitorId,
  type,
  path,
  persona,
  at: T0 + hours * HOUR,
});

function perStep(counts: Map<string, number>): number[] {
  const steps = [0, 0, 0];
  for (const [key, n] of counts) steps[Number(key.split('|')[2])]! += n;
  return steps;
}

describe('ordered funnel (hand-built fixtures)', () => {
  it('counts each visitor at the furthest step reached in order within the window', () => {
    const events = [
      ...[
        ev('a', 'page_view', 0, '/for/developers'),
        ev('a', 'flow_started', 1),
        ev('a', 'flow_completed', 2),
      ], // full
      ...[ev('b', 'page_view', 0, '/for/executives'), ev('b', 'flow_started', 3)], // two steps
      ...[ev('c', 'flow_started', 0), ev('c', 'page_view', 1, '/for/developers')], // out of order: enters at 1 only
      ...[ev('d', 'page_view', 0, '/pricing'), ev('d', 'flow_started', 1)], // wrong path: never enters
      ...[ev('e', 'page_view', 0, '/for/it-operations'), ev('e', 'flow_started', 30)], // outside the window
    ];
    expect(perStep(computeFunnelCounts(funnel, events))).toEqual([4, 2, 1]);
  });

  it('enters a visitor once, at their first entry, grouped by entry day and persona', () => {
    const events = [
      ev('a', 'page_view', 0, '/for/x', 'developers'),
      ev('a', 'page_view', 48, '/for/x', 'executives'),
      ev('a', 'flow_started', 49),
    ];
    const counts = computeFunnelCounts(funnel, events);
    expect([...counts.entries()]).toEqual([['2026-09-01|developers|0', 1]]);
  });

  it('summarises conversion from entry and from the previous step', () => {
    expect(summariseSteps([200, 50, 10])).toEqual([
      { step: 0, visitors: 200, ofEntered: 1, ofPrevious: 1 },
      { step: 1, visitors: 50, ofEntered: 0.25, ofPrevious: 0.25 },
      { step: 2, visitors: 10, ofEntered: 0.05, ofPrevious: 0.2 },
    ]);
    expect(summariseSteps([0, 0])[1]).toEqual({
      step: 1,
      visitors: 0,
      ofEntered: 0,
      ofPrevious: 0,
    });
  });
});

describe('isBot', () => {
  it.each([
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', true],
    ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', true],
    ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', true],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', true],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
      true,
    ],
    [
      'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse',
      true,
    ],
    ['curl/8.4.0', true],
    // Node's own fetch, and the load generator: HTTP libraries, not people.
    ['node', true],
    ['undici', true],
    ['Go-http-client/1.1', true],
    ['Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)', true],
    ['Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)', true],
    [
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
      true,
    ],
    ['   ', true],
    ['python-requests/2.31.0', true],
    ['', true],
    [null, true],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      false,
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
      false,
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
      false,
    ],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', false],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      false,
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      false,
    ],
  ])('%s → bot=%s', (ua, expected) => {
    expect(isBot(ua)).toBe(expected);
  });
});

describe('dashboard dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-31', false],
    ['2026-13-01', false],
    ['26-01-01', false],
  ])('%s is a calendar day: %s', async (day, expected) => {
    const { isCalendarDay } = await import('../../../../src/lib/time');
    expect(isCalendarDay(day)).toBe(expected);
  });
});
