import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, BROWSER_UA } from '../../helpers/http';
import { startBuiltServer, type RunningServer } from '../../helpers/server';

const TOKEN = 'metrics-token-for-the-test-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'chasm-metrics-'));
let server: RunningServer;
beforeAll(async () => {
  server = await startBuiltServer({
    DATABASE_URL: `file:${join(dir, 'm.sqlite')}`,
    CHASM_DEMO: '1',
    CHASM_DEMO_VISITORS_PER_DAY: '2',
    METRICS_TOKEN: TOKEN,
  });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Prometheus text format: `name{label="value",…} number` lines, `# HELP`/`# TYPE` comments. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)$/.exec(
        line,
      );
      if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

describe('GET /metrics', () => {
  it('is off (404) when METRICS_TOKEN is not set', async () => {
    expect((await fetch(`${baseUrl()}/metrics`)).status).toBe(404);
  });

  it('needs the token when it is set', async () => {
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.baseUrl}/metrics`, {
      headers: { authorization: 'Bearer not-the-token-at-all-000000' },
    });
    expect(wrong.status).toBe(401);
  });

  it('serves requests by route and status, latency, beacon events and queue depths', async () => {
    await fetch(`${server.baseUrl}/api/health`);
    await fetch(`${server.baseUrl}/for/developers/`);
    await fetch(`${server.baseUrl}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': BROWSER_UA, origin: server.baseUrl },
      body: JSON.stringify({ events: [{ type: 'page_view', url: '/for/developers' }] }),
    });
    const response = await fetch(`${server.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const all = samples(await response.text());
    const find = (name: string, labels: Record<string, string>) =>
      all.find(
        (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
      );
    expect(
      find('chasm_http_requests_total', { route: 'health', status: '200' })?.value,
    ).toBeGreaterThanOrEqual(1);
    expect(
      find('chasm_http_requests_total', { route: 'persona_pages', status: '200' })?.value,
    ).toBeGreaterThanOrEqual(1);
    expect(
      find('chasm_http_request_duration_seconds_count', { route: 'health' })?.value,
    ).toBeGreaterThanOrEqual(1);
    expect(
      find('chasm_analytics_events_total', { outcome: 'stored' })?.value,
    ).toBeGreaterThanOrEqual(1);
    for (const lane of ['mail:transactional', 'mail:campaign', 'webhooks', 'jobs']) {
      expect(find('chasm_queue_due', { lane })).toBeDefined();
      expect(find('chasm_queue_oldest_due_seconds', { lane })).toBeDefined();
    }
    // Route labels are a fixed list: an arbitrary path does not make a series of its own.
    await fetch(`${server.baseUrl}/no/such/page/${Date.now()}`);
    const after = samples(
      await (
        await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).text(),
    );
    expect(
      after
        .filter((s) => s.name === 'chasm_http_requests_total')
        .every((s) => !s.labels.route!.includes('/')),
    ).toBe(true);
  });
});
