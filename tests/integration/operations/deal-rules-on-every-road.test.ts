import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/server/auth/session';
import type { Db } from '../../../src/server/db';
import { decideDeal } from '../../../src/server/deals/operations/decide-deal';
import { startReview } from '../../../src/server/deals/operations/start-review';
import { runOperation } from '../../../src/server/operations/operation';
import { api, demoUser, newKey, serverDb } from '../../helpers/api';
import { postForm, signIn } from '../../helpers/http';
import { dealInput } from '../../helpers/portal';
import { callTrpc } from '../../helpers/trpc';

/**
 * Issue 12, point 3: a deal rule is the operation's, so the portal form, tRPC and the partner
 * API refuse the same thing with the same status, field and message. Each case is sent down
 * all three roads against the same built server and database.
 */
interface Refusal {
  status: number;
  /** The field the message is on; null for a refusal of the whole action (a state rule). */
  path: string | null;
  message: string | RegExp;
}

interface RoadCase {
  name: string;
  deal: 'draft' | 'approved';
  trpc: (id: string) => [string, unknown];
  rest: (id: string) => [string, string, unknown];
  form: (id: string) => Record<string, string>;
  expected: Refusal;
}

const LONG_COMMENT = 'x'.repeat(4001);
const LONG_REASON = 'y'.repeat(2001);

const CASES: RoadCase[] = [
  {
    name: 'a comment over 4,000 characters',
    deal: 'draft',
    trpc: (id) => ['deals.comment', { id, body: LONG_COMMENT }],
    rest: (id) => ['POST', `/deals/${id}/comments`, { body: LONG_COMMENT }],
    form: () => ({ action: 'comment', body: LONG_COMMENT }),
    expected: { status: 400, path: 'body', message: 'Keep comments under 4,000 characters.' },
  },
  {
    name: 'an empty comment',
    deal: 'draft',
    trpc: (id) => ['deals.comment', { id, body: '   ' }],
    rest: (id) => ['POST', `/deals/${id}/comments`, { body: '   ' }],
    form: () => ({ action: 'comment', body: '   ' }),
    expected: { status: 400, path: 'body', message: 'Write a comment first.' },
  },
  {
    name: 'a loss without a reason',
    deal: 'approved',
    trpc: (id) => ['deals.markOutcome', { id, outcome: 'lost' }],
    rest: (id) => ['POST', `/deals/${id}/outcome`, { outcome: 'lost' }],
    form: () => ({ action: 'mark_lost', reason: '' }),
    expected: {
      status: 400,
      path: 'reason',
      message: 'Say why the deal was lost; it goes on the timeline.',
    },
  },
  {
    name: 'an extension reason over 2,000 characters',
    deal: 'approved',
    trpc: (id) => ['deals.requestExtension', { id, reason: LONG_REASON }],
    rest: (id) => ['POST', `/deals/${id}/extension`, { reason: LONG_REASON }],
    form: () => ({ action: 'request_extension', reason: LONG_REASON }),
    expected: { status: 400, path: 'reason', message: 'Keep the reason under 2,000 characters.' },
  },
  {
    name: 'submitting a deal that is already approved',
    deal: 'approved',
    trpc: (id) => ['deals.submit', { id }],
    rest: (id) => ['POST', `/deals/${id}/submit`, undefined],
    form: () => ({ action: 'submit' }),
    expected: { status: 409, path: null, message: /cannot be submitted/ },
  },
];

let db: Db;
let ana: SessionUser;
let key: string;
let cookie: string;
const deals: Record<'draft' | 'approved', string> = { draft: '', approved: '' };

beforeAll(async () => {
  db = serverDb();
  ana = await demoUser(db, 'ana@northwind.test');
  ({ key } = await newKey(db, 'ana@northwind.test', 'three-roads'));
  cookie = await signIn('ana@northwind.test');
  const draft = await (await api('/deals', key, { method: 'POST', body: dealInput() })).json();
  const submitted = await (
    await api('/deals', key, { method: 'POST', body: { ...dealInput(), submit: true } })
  ).json();
  const channel = await demoUser(db, 'channel@chasm.test');
  await runOperation(startReview, { db, principal: channel }, { id: submitted.id });
  await runOperation(
    decideDeal,
    { db, principal: channel },
    { id: submitted.id, decision: 'approve' },
  );
  deals.draft = draft.id;
  deals.approved = submitted.id;
});
afterAll(() => db.destroy());

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text === expected : expected.test(text);
}

describe.each(CASES)('$name is refused alike on every road', (spec) => {
  it('by tRPC', async () => {
    const id = deals[spec.deal];
    const [path, input] = spec.trpc(id);
    const { status, body } = await callTrpc(db, ana, path, input, 'POST');
    expect(status).toBe(spec.expected.status);
    if (spec.expected.path === null)
      expect(matches(body.error.message, spec.expected.message)).toBe(true);
    else
      expect(body.error.data.issues).toContainEqual({
        path: spec.expected.path,
        message: spec.expected.message,
      });
  });

  it('by the partner API', async () => {
    const id = deals[spec.deal];
    const [method, path, body] = spec.rest(id);
    const response = await api(path, key, { method, ...(body !== undefined ? { body } : {}) });
    const answer = await response.json();
    expect(response.status).toBe(spec.expected.status);
    if (spec.expected.path === null)
      expect(matches(answer.error.message, spec.expected.message)).toBe(true);
    else
      expect(answer.error.issues).toContainEqual({
        path: spec.expected.path,
        message: spec.expected.message,
      });
  });

  it('by the portal form', async () => {
    const id = deals[spec.deal];
    const response = await postForm(`/portal/deals/${id}`, spec.form(id), { cookie });
    expect(response.status).toBe(spec.expected.status);
    const html = await response.text();
    const expected = spec.expected.message;
    expect(typeof expected === 'string' ? html.includes(expected) : expected.test(html)).toBe(true);
  });
});

describe('what was refused changed nothing', () => {
  it('leaves both deals as they were, with no comment added', async () => {
    const read = async (id: string) => (await api(`/deals/${id}`, key)).json();
    expect((await read(deals.draft)).status).toBe('draft');
    const approved = await read(deals.approved);
    expect(approved.status).toBe('approved');
    expect(approved.extensionStatus).toBeNull();
    const timeline = await (await api(`/deals/${deals.draft}/timeline`, key)).json();
    expect(timeline.data.filter((i: { kind: string }) => i.kind === 'comment')).toEqual([]);
  });
});
