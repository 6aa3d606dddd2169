import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideDeal } from '../../../src/server/deals/actions';
import { createDeal } from '../../../src/server/deals/register';
import { jobHandlers } from '../../../src/server/jobs/runner';
import { runDueJobs } from '../../../src/server/jobs/queue';
import '../../../src/server/webhooks/delivery';
import { deliverWebhook } from '../../../src/server/webhooks/delivery';
import {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  listWebhookDeliveries,
  sendTestWebhook,
} from '../../../src/server/webhooks/service';
import { signatureHeader, verifySignature } from '../../../src/server/webhooks/signature';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  isSigned: boolean;
}

let t: TestDb;
let w: PortalWorld;
let receiver: Server;
let url: string;
let secret = '';
const received: Received[] = [];
/** Status codes the receiver answers with, in turn (then 200). */
const script: number[] = [];

beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const signature = req.headers['chasm-signature'];
      received.push({
        headers: req.headers,
        body,
        isSigned: verifySignature(secret, typeof signature === 'string' ? signature : null, body),
      });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await t.cleanup();
});

async function runJobsAt(at: Date) {
  return runDueJobs(t.db, jobHandlers(), at);
}

describe('webhook signatures', () => {
  it('verifies what it signed and refuses tampering, other secrets and stale timestamps', () => {
    const now = Math.floor(Date.now() / 1000);
    const header = signatureHeader('whsec_a', now, '{"a":1}');
    expect(verifySignature('whsec_a', header, '{"a":1}', now)).toBe(true);
    expect(verifySignature('whsec_a', header, '{"a":2}', now)).toBe(false);
    expect(verifySignature('whsec_b', header, '{"a":1}', now)).toBe(false);
    expect(verifySignature('whsec_a', header, '{"a":1}', now + 301)).toBe(false);
    expect(verifySignature('whsec_a', 't=1,v1=zz', '{"a":1}', now)).toBe(false);
    expect(verifySignature('whsec_a', null, '{"a":1}', now)).toBe(false);
  });
});

describe('webhook delivery', () => {
  it('delivers a signed deal.approved event to a receiver on 127.0.0.1', async () => {
    const created = await createWebhookEndpoint(t.db, w.anaA, {
      url,
      events: ['deal.approved', 'deal.submitted'],
    });
    secret = created.secret;
    expect(secret).toMatch(/^whsec_/);
    const deal = await createDeal(t.db, w.repA, dealInput(), { submit: true });
    await decideDeal(t.db, w.channel, deal.id, 'approve', undefined);
    await runJobsAt(new Date());
    const events = received.map(
      (r) => JSON.parse(r.body) as { type: string; data: { deal: { id: string; status: string } } },
    );
    expect(events.map((e) => e.type)).toEqual(['deal.submitted', 'deal.approved']);
    expect(events[1]!.data.deal).toMatchObject({ id: deal.id, status: 'approved' });
    expect(received.every((r) => r.isSigned)).toBe(true);
    expect(received[1]!.headers['chasm-event']).toBe('deal.approved');
    const log = await listWebhookDeliveries(t.db, w.anaA, created.id, 1);
    expect(log.deliveries.map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('retries a failed delivery with backoff, then succeeds; every attempt is logged', async () => {
    received.length = 0;
    script.push(500, 503);
    const endpoints = await t.db
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('partner_id', '=', w.partnerA)
      .execute();
    await sendTestWebhook(t.db, w.anaA, endpoints[0]!.id);
    const start = Date.now();
    await runJobsAt(new Date(start));
    expect(received).toHaveLength(1);
    // Not yet: the runner backs off 30 s after the first failure.
    await runJobsAt(new Date(start + 10_000));
    expect(received).toHaveLength(1);
    await runJobsAt(new Date(start + 31_000));
    expect(received).toHaveLength(2);
    await runJobsAt(new Date(start + 31_000 + 61_000));
    expect(received).toHaveLength(3);
    expect(received.every((r) => r.isSigned)).toBe(true);
    expect(new Set(received.map((r) => r.headers['chasm-delivery'])).size).toBe(1);
    expect(received.map((r) => r.headers['chasm-attempt'])).toEqual(['1', '2', '3']);
    const log = await listWebhookDeliveries(t.db, w.anaA, endpoints[0]!.id, 1);
    const ping = log.deliveries.find((d) => d.event_type === 'ping')!;
    expect(ping.status).toBe('succeeded');
    expect(ping.attempts.map((a) => a.status_code)).toEqual([500, 503, 200]);
  });

  it('gives up after the last attempt and marks the delivery failed', async () => {
    const dead = await createWebhookEndpoint(t.db, w.leeB, {
      url: 'http://127.0.0.1:9/unreachable',
      events: ['deal.submitted'],
    });
    await createDeal(t.db, w.leeB, dealInput(), { submit: true });
    const delivery = await t.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', dead.id)
      .executeTakeFirstOrThrow();
    const outcomes: string[] = [];
    for (let i = 0; i < delivery.max_attempts; i++)
      outcomes.push(await deliverWebhook(t.db, delivery.id, new Date()));
    expect(outcomes.at(-1)).toBe('failed');
    expect(outcomes.slice(0, -1).every((o) => o === 'retry')).toBe(true);
    expect(await deliverWebhook(t.db, delivery.id, new Date())).toBe('skipped');
  });

  it('keeps partners apart: another partner’s endpoint is a 404', async () => {
    const endpoints = await t.db
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('partner_id', '=', w.partnerA)
      .execute();
    await expect(listWebhookDeliveries(t.db, w.leeB, endpoints[0]!.id, 1)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(disableWebhookEndpoint(t.db, w.leeB, endpoints[0]!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      createWebhookEndpoint(t.db, w.repA, { url, events: ['deal.won'] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
