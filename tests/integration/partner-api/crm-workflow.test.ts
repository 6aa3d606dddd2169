import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db';
import { decideDeal } from '../../../src/server/deals/operations/decide-deal';
import { startReview } from '../../../src/server/deals/operations/start-review';
import { runOperation } from '../../../src/server/operations/operation';
import { api, demoUser, newKey, serverDb } from '../../helpers/api';
import { dealInput } from '../../helpers/portal';

/**
 * What a CRM automates without sending anyone to the portal: register, correct, submit,
 * comment, close, and read the history back. Every answer is also checked against the
 * OpenAPI document by `api()`.
 */
let db: Db;
let key: string;
let otherKey: string;
beforeAll(async () => {
  db = serverDb();
  ({ key } = await newKey(db, 'ana@northwind.test', 'crm-workflow'));
  ({ key: otherKey } = await newKey(db, 'lee@bluepeak.test', 'crm-workflow'));
});
afterAll(() => db.destroy());

async function json(response: Response) {
  return { status: response.status, body: await response.json() };
}

async function approve(id: string) {
  const channel = await demoUser(db, 'channel@chasm.test');
  await runOperation(startReview, { db, principal: channel }, { id });
  await runOperation(decideDeal, { db, principal: channel }, { id, decision: 'approve' });
}

describe('a CRM’s whole workflow over REST', () => {
  it('creates, edits, submits, comments, closes and reads the timeline', async () => {
    const created = await json(
      await api('/deals', key, { method: 'POST', body: dealInput({ valueCents: 1_000_000 }) }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const edited = await json(
      await api(`/deals/${id}`, key, {
        method: 'PATCH',
        body: { valueCents: 2_500_000, notes: 'Budget confirmed' },
      }),
    );
    expect(edited.status).toBe(200);
    // Fields left out keep their values; the ones sent change.
    expect(edited.body).toMatchObject({
      valueCents: 2_500_000,
      notes: 'Budget confirmed',
      customerName: created.body.customerName,
      status: 'draft',
    });

    const cleared = await json(
      await api(`/deals/${id}`, key, { method: 'PATCH', body: { notes: null } }),
    );
    expect(cleared.body.notes).toBeNull();

    expect((await api(`/deals/${id}/submit`, key, { method: 'POST' })).status).toBe(200);
    const comment = await json(
      await api(`/deals/${id}/comments`, key, {
        method: 'POST',
        body: { body: 'The customer signed the pilot order.' },
      }),
    );
    expect(comment.status).toBe(201);
    expect(comment.body.id).toMatch(/^[0-9A-Z]{26}$/);

    await approve(id);
    const extension = await json(
      await api(`/deals/${id}/extension`, key, {
        method: 'POST',
        body: { reason: 'Procurement runs into January.' },
      }),
    );
    expect(extension.status).toBe(200);
    expect(extension.body.extensionStatus).toBe('requested');

    const lost = await json(
      await api(`/deals/${id}/outcome`, key, {
        method: 'POST',
        body: { outcome: 'lost', reason: 'Budget moved to next year.' },
      }),
    );
    expect(lost.status).toBe(200);
    expect(lost.body.status).toBe('lost');

    const timeline = await json(await api(`/deals/${id}/timeline`, key));
    expect(timeline.status).toBe(200);
    const items = timeline.body.data as { kind: string; action?: string; body?: string }[];
    expect(items.map((i) => (i.kind === 'comment' ? 'comment' : i.action))).toEqual(
      expect.arrayContaining(['create', 'edit', 'submit', 'comment', 'approve', 'mark_lost']),
    );
    const edit = items.find((i) => i.action === 'edit') as unknown as {
      changes: Record<string, [unknown, unknown]>;
    };
    expect(edit.changes.value_cents).toEqual([1_000_000, 2_500_000]);
  });

  it('refuses an edit once the deal is submitted, with 409, and changes nothing', async () => {
    const created = await json(
      await api('/deals', key, { method: 'POST', body: { ...dealInput(), submit: true } }),
    );
    const id = created.body.id as string;
    const refused = await json(
      await api(`/deals/${id}`, key, { method: 'PATCH', body: { valueCents: 1 } }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    const read = await json(await api(`/deals/${id}`, key));
    expect(read.body.valueCents).toBe(created.body.valueCents);
  });

  it('names the field in a PATCH as the body names it, and checks the deal as a whole', async () => {
    const created = await json(await api('/deals', key, { method: 'POST', body: dealInput() }));
    const id = created.body.id as string;
    const refused = await json(
      await api(`/deals/${id}`, key, {
        method: 'PATCH',
        body: { expectedCloseDate: '2001-01-01', partnerId: 'someone-else' },
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual(
      expect.arrayContaining([{ path: 'partnerId', message: 'Unknown field; remove it.' }]),
    );
    const empty = await json(
      await api(`/deals/${id}`, key, { method: 'PATCH', body: { customerName: '' } }),
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['customerName']);
  });

  it('replays a PATCH sent twice with the same Idempotency-Key, and refuses the key for another body', async () => {
    const created = await json(await api('/deals', key, { method: 'POST', body: dealInput() }));
    const id = created.body.id as string;
    const send = (valueCents: number) =>
      api(`/deals/${id}`, key, {
        method: 'PATCH',
        body: { valueCents },
        headers: { 'idempotency-key': `patch-${id}` },
      });
    const first = await send(3_000_000);
    const again = await send(3_000_000);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).version).toBe((await first.json()).version);
    expect((await send(4_000_000)).status).toBe(422);
  });

  it('refuses a comment over 4,000 characters instead of cutting it', async () => {
    const created = await json(await api('/deals', key, { method: 'POST', body: dealInput() }));
    const refused = await json(
      await api(`/deals/${created.body.id}/comments`, key, {
        method: 'POST',
        body: { body: 'x'.repeat(4001) },
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([
      { path: 'body', message: 'Keep comments under 4,000 characters.' },
    ]);
  });

  it('needs a reason to record a loss', async () => {
    const created = await json(
      await api('/deals', key, { method: 'POST', body: { ...dealInput(), submit: true } }),
    );
    await approve(created.body.id);
    const refused = await json(
      await api(`/deals/${created.body.id}/outcome`, key, {
        method: 'POST',
        body: { outcome: 'lost' },
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([
      { path: 'reason', message: 'Say why the deal was lost; it goes on the timeline.' },
    ]);
  });

  it('shows another company nothing: every new endpoint answers 404 for its deal', async () => {
    const created = await json(await api('/deals', key, { method: 'POST', body: dealInput() }));
    const id = created.body.id as string;
    for (const [method, path, body] of [
      ['PATCH', `/deals/${id}`, { valueCents: 1 }],
      ['POST', `/deals/${id}/comments`, { body: 'hello' }],
      ['POST', `/deals/${id}/outcome`, { outcome: 'won' }],
      ['POST', `/deals/${id}/extension`, {}],
      ['GET', `/deals/${id}/timeline`, undefined],
    ] as const) {
      const response = await api(path, otherKey, { method, ...(body ? { body } : {}) });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const read = await json(await api(`/deals/${id}`, key));
    expect(read.body.valueCents).toBe(created.body.valueCents);
  });
});
