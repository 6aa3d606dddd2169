import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { reloadConfig } from '../../../src/server/config';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
import { postWebhook } from '../../../src/server/webhooks/transport';
import type { HostResolver } from '../../../src/server/webhooks/url-policy';
import { callTrpc } from '../../helpers/trpc';
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

describe('webhook connections go only where the policy looked (no DNS rebinding)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    reloadConfig();
    reloadConfig();
  });

  /** A resolver for a name the system cannot resolve, counting how often it is asked. */
  function countingResolver(address: string) {
    const calls: string[] = [];
    const resolve: HostResolver = async (host) => {
      calls.push(host);
      return [{ address, family: 4 }];
    };
    return { calls, resolve };
  }

  /** A TCP listener that only counts connections (nothing should reach it). */
  async function connectionCounter() {
    let connections = 0;
    const server = createTcpServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      connections: () => connections,
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  it('resolves the host once and connects to that very answer', async () => {
    received.length = 0;
    const { calls, resolve } = countingResolver('127.0.0.1');
    const port = new URL(url).port;
    const result = await postWebhook(
      `http://hooks.partner.test:${port}/hooks`,
      { 'content-type': 'application/json' },
      '{"type":"ping"}',
      { timeoutMs: 5_000, resolve },
    );
    expect(result.status).toBe(200);
    expect(calls).toEqual(['hooks.partner.test']);
    expect(received.map((r) => r.body)).toEqual(['{"type":"ping"}']);
    expect(received[0]!.headers.host).toBe(`hooks.partner.test:${port}`);
  });

  it('refuses before connecting when the answer is private', async () => {
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '0');
    reloadConfig();
    const counter = await connectionCounter();
    try {
      for (const address of ['127.0.0.1', '::ffff:7f00:1', '169.254.169.254']) {
        const resolve: HostResolver = async () => [
          { address, family: address.includes(':') ? 6 : 4 },
        ];
        await expect(
          postWebhook(`https://rebind.partner.test:${counter.port}/`, {}, '{}', {
            timeoutMs: 5_000,
            resolve,
          }),
        ).rejects.toThrow(/private or local address/);
      }
      expect(counter.connections()).toBe(0);
    } finally {
      await counter.close();
    }
  });

  it('a stored endpoint that resolves to loopback is refused at delivery, and retried', async () => {
    const counter = await connectionCounter();
    try {
      const endpoint = await createWebhookEndpoint(t.db, w.leeB, {
        url: `https://localhost:${counter.port}/hooks`,
        events: ['deal.submitted'],
      });
      await sendTestWebhook(t.db, w.leeB, endpoint.id);
      const delivery = await t.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('endpoint_id', '=', endpoint.id)
        .executeTakeFirstOrThrow();
      vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '0');
      reloadConfig();
      expect(await deliverWebhook(t.db, delivery.id, new Date())).toBe('retry');
      const attempt = await t.db
        .selectFrom('webhook_attempts')
        .select('error')
        .where('delivery_id', '=', delivery.id)
        .executeTakeFirstOrThrow();
      expect(attempt.error).toMatch(/localhost resolves to a private or local address/);
      expect(counter.connections()).toBe(0);
      await disableWebhookEndpoint(t.db, w.leeB, endpoint.id);
    } finally {
      await counter.close();
    }
  });
});

describe('webhook URL validation', () => {
  it.each(['not a url', 'https://', 'ftp://crm.example.com/x', 'https://u:p@crm.example.com/'])(
    'webhooks.create with %s answers 400 with a field issue, never a 500',
    async (bad) => {
      const { status, body } = await callTrpc(
        t.db,
        w.anaA,
        'webhooks.create',
        { url: bad, events: ['deal.won'] },
        'POST',
      );
      expect(status).toBe(400);
      expect(body.error.data.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'url' })]),
      );
    },
  );
});
