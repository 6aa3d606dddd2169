import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { getDb } from './db';
import { laneReports } from './jobs/queue-report';
import { processSingleton } from './process-state';

/**
 * Prometheus metrics (prom-client), one registry per process, shared by the edge and Astro's
 * bundle (process-state.ts). Route labels are a short fixed list, never raw paths, so the
 * number of series stays bounded whatever clients request.
 */
export const metrics = processSingleton('metrics', () => {
  const registry = new Registry();
  const requests = new Counter({
    name: 'chasm_http_requests_total',
    help: 'HTTP requests answered, by route and status code.',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'chasm_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const events = new Counter({
    name: 'chasm_analytics_events_total',
    help: 'Beacon events stored or dropped as duplicates (a re-sent id), and batches refused (refused_batch).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const mail = new Counter({
    name: 'chasm_mail_deliveries_total',
    help: 'E-mail send attempts, by outcome: sent, retry or failed (given up).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const webhooks = new Counter({
    name: 'chasm_webhook_deliveries_total',
    help: 'Webhook delivery attempts, by outcome: delivered, retry or failed (given up).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const conflictRuns = new Counter({
    name: 'chasm_conflict_rule_runs_total',
    help: 'Times the conflict rules ran over candidate deals, by purpose: check (live), register, submit.',
    labelNames: ['purpose'] as const,
    registers: [registry],
  });
  // The two queue gauges share one read of the lanes per scrape (prom-client collects them
  // concurrently), so a scrape costs one query per lane, not two.
  let lanes: { at: number; reports: ReturnType<typeof laneReports> } | null = null;
  const lanesForScrape = () => {
    if (!lanes || Date.now() - lanes.at > 1000)
      lanes = { at: Date.now(), reports: laneReports(getDb()) };
    return lanes.reports;
  };
  new Gauge({
    name: 'chasm_queue_due',
    help: 'Work due and not yet taken, by lane.',
    labelNames: ['lane'] as const,
    registers: [registry],
    async collect() {
      for (const lane of await lanesForScrape()) this.set({ lane: lane.lane }, lane.due);
    },
  });
  new Gauge({
    name: 'chasm_queue_oldest_due_seconds',
    help: 'How long the oldest due item of each lane has waited.',
    labelNames: ['lane'] as const,
    registers: [registry],
    async collect() {
      for (const lane of await lanesForScrape())
        this.set({ lane: lane.lane }, lane.oldestDueSeconds);
    },
  });
  return { registry, requests, latency, events, mail, webhooks, conflictRuns };
});

/** The route label of a request path: a fixed list, so label values cannot grow without bound. */
export function routeLabel(pathname: string): string {
  if (pathname === '/api/health') return 'health';
  if (pathname === '/api/events') return 'beacon';
  if (pathname.startsWith('/api/trpc/')) return 'trpc';
  if (pathname.startsWith('/api/v1/')) return 'partner_api';
  if (pathname.startsWith('/api/')) return 'api_other';
  if (pathname.startsWith('/_astro/')) return 'asset';
  if (pathname === '/') return 'home';
  if (pathname.startsWith('/for/') || pathname.startsWith('/solutions')) return 'persona_pages';
  if (pathname.startsWith('/portal')) return 'portal';
  if (pathname.startsWith('/analytics')) return 'analytics';
  if (pathname.startsWith('/roi')) return 'roi';
  if (pathname.startsWith('/admin')) return 'admin';
  if (pathname === '/metrics') return 'metrics';
  return 'other_pages';
}
