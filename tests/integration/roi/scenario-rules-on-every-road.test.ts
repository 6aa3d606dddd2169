import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signIn } from '../../helpers/http';
import { makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callTrpc } from '../../helpers/trpc';

/**
 * A scenario's rules live in its operation, so the calculator's save form and tRPC refuse the
 * same input with the same status, field path and message.
 */
let t: TestDb;
let w: PortalWorld;
let cookie: string;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  cookie = await signIn('exec@chasm.test');
});
afterAll(() => t.cleanup());

/** The message the save panel shows beside the name field, as the page rendered it. */
function nameErrorIn(html: string): string | undefined {
  return /id="scenario-name-error"[^>]*>([^<]*)</.exec(html)?.[1];
}

describe('a scenario name over 120 characters', () => {
  const name = 'N'.repeat(121);

  it('is refused alike by tRPC and by the calculator’s form post', async () => {
    const trpc = await callTrpc(
      t.db,
      w.executive,
      'roi.saveScenario',
      { model: 'attrition', name, inputs: {} },
      'POST',
    );
    expect(trpc.status).toBe(400);
    const issues = trpc.body.error.data.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(['name']);
    const message = issues[0]!.message;
    expect(message).toBe('Name can be at most 120 characters.');

    const form = await postForm(
      '/roi/attrition',
      { intent: 'save', name, agents: '800' },
      { cookie },
    );
    expect(form.status).toBe(400);
    expect(nameErrorIn(await form.text())).toBe(message);
  });

  it('is saved by neither road', async () => {
    const saved = await t.db
      .selectFrom('roi_scenarios')
      .select('id')
      .where('name', '=', name)
      .execute();
    expect(saved).toEqual([]);
  });
});

describe('a value a model does not accept', () => {
  it('comes back under inputs.<field> with the same message on both roads', async () => {
    const trpc = await callTrpc(
      t.db,
      w.executive,
      'roi.saveScenario',
      { model: 'attrition', name: 'Too few agents', inputs: { agents: 0 } },
      'POST',
    );
    expect(trpc.status).toBe(400);
    const issue = (trpc.body.error.data.issues as { path: string; message: string }[])[0]!;
    expect(issue.path).toBe('inputs.agents');

    const form = await postForm(
      '/roi/attrition',
      { intent: 'save', name: 'Too few agents', agents: '0' },
      { cookie },
    );
    expect(form.status).toBe(400);
    const html = await form.text();
    // The calculator shows it beside the field the path names.
    expect(html).toContain(`id="roi-agents-error">${issue.message}</span>`);
  });
});

describe('a visitor posting the save form', () => {
  it('is sent to sign in before the form is read, even when it would be refused', async () => {
    const response = await postForm('/roi/attrition', { name: '', agents: 'many' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Froi%2Fattrition');
  });
});
