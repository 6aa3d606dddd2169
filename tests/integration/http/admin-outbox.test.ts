import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../../src/server/mail/mailer';
import { baseUrl, postForm, signIn } from '../../helpers/http';
import { serverDb } from '../../helpers/server-db';

let admin: string;
beforeAll(async () => {
  admin = await signIn('admin@chasm.test');
});
afterAll(async () => {
  await serverDb().destroy();
});

async function aKeptMessage() {
  // Without SMTP_URL the demo's e-mail is `kept`; it can be sent again like a failed one.
  for (let attempt = 0; attempt < 50; attempt++) {
    const row = await serverDb()
      .selectFrom('outbox')
      .select(['id', 'status'])
      .where('status', 'in', ['kept', 'failed'])
      .executeTakeFirst();
    if (row) return row;
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error('no kept message in the outbox');
}

describe('/admin/outbox/<id>: send again', () => {
  it('puts a kept or failed message back in the queue, due now, attempts from zero', async () => {
    const message = await aKeptMessage();
    const response = await postForm(`/admin/outbox/${message.id}`, {}, { cookie: admin });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/outbox/${message.id}?resent=1`);
    const row = await serverDb()
      .selectFrom('outbox')
      .select(['status', 'attempts'])
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    // The job runner may already have handled it again (kept once more, with one attempt).
    expect(['pending', 'sending', 'kept']).toContain(row.status);
    expect(row.attempts).toBeLessThanOrEqual(1);
  });

  it('an unknown id is the 404 page, not an error', async () => {
    const response = await postForm(
      '/admin/outbox/01NOSUCHMESSAGE000000000000',
      {},
      { cookie: admin },
    );
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('We could not find that page');
    expect(html).not.toContain('RewriteWithBodyUsed');
  });

  it('a message that was cancelled is refused with 409 and the reason, on its own page', async () => {
    const to = `cancelled-${Date.now().toString(36)}@example.test`;
    await enqueueMail(serverDb(), { to, subject: 'Cancelled one', text: 'x', category: 'test' });
    const { id } = await serverDb()
      .updateTable('outbox')
      .set({ status: 'cancelled' })
      .where('to_address', '=', to)
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await postForm(`/admin/outbox/${id}`, {}, { cookie: admin });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain(
      'This message is cancelled; only a failed or kept message can be sent again.',
    );
    expect(html).toContain('Cancelled one');
  });

  it('is for admins only', async () => {
    const message = await aKeptMessage();
    const channel = await signIn('channel@chasm.test');
    const response = await postForm(`/admin/outbox/${message.id}`, {}, { cookie: channel });
    expect(response.status).toBe(403);
    const row = await serverDb()
      .selectFrom('outbox')
      .select('status')
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(['kept', 'failed']).toContain(row.status);
  });
});

describe('/admin/jobs and the queue lag in /api/health', () => {
  it('shows every lane to an admin, and is refused to others', async () => {
    const page = await fetch(`${baseUrl()}/admin/jobs`, { headers: { cookie: admin } });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const label of [
      'Transactional e-mail',
      'Campaign e-mail',
      'Webhook deliveries',
      'Other jobs',
    ])
      expect(html).toContain(label);
    const channel = await signIn('channel@chasm.test');
    expect((await fetch(`${baseUrl()}/admin/jobs`, { headers: { cookie: channel } })).status).toBe(
      403,
    );
  });

  it('/api/health reports each lane’s due count and oldest wait', async () => {
    const health = (await (await fetch(`${baseUrl()}/api/health`)).json()) as {
      ok: boolean;
      queues: Record<string, { due: number; oldestDueSeconds: number }>;
    };
    expect(health.ok).toBe(true);
    expect(Object.keys(health.queues).sort()).toEqual([
      'jobs',
      'mail:campaign',
      'mail:transactional',
      'webhooks',
    ]);
    for (const lane of Object.values(health.queues)) {
      expect(lane.due).toBeGreaterThanOrEqual(0);
      expect(lane.oldestDueSeconds).toBeGreaterThanOrEqual(0);
    }
  });
});
