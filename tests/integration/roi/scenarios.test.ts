import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoScenarios } from '../../../db/seed/roi-scenarios';
import type { SessionUser } from '../../../src/server/auth/session';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { makePartner, makeUser } from '../../helpers/fixtures';
import { callTrpc } from '../../helpers/trpc';

let t: TestDb;
let exec: SessionUser;
let other: SessionUser;
let partnerRep: SessionUser;

async function sessionUser(role: SessionUser['role'], partner?: { id: string; name: string }) {
  const u = await makeUser(t.db, { role, partnerId: partner?.id ?? null, email: undefined });
  return {
    id: u.id,
    email: u.email,
    name: `Test ${role}`,
    role,
    partner: partner ?? null,
  } as SessionUser;
}

beforeAll(async () => {
  t = await createTestDb();
  exec = await sessionUser('executive');
  other = await sessionUser('executive');
  const partnerId = await makePartner(t.db, 'Scenario Partner');
  partnerRep = await sessionUser('partner_rep', { id: partnerId, name: 'Scenario Partner' });
});
afterAll(() => t.cleanup());

const post = (user: SessionUser | null, path: string, input: unknown) =>
  callTrpc(t.db, user, path, input, 'POST');
const get = (user: SessionUser | null, path: string, input: unknown) =>
  callTrpc(t.db, user, path, input);

async function save(user: SessionUser, name = 'Phase one', inputs: Record<string, unknown> = {}) {
  const { status, body } = await post(user, 'roi.saveScenario', {
    model: 'attrition',
    name,
    inputs,
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.result.data.id as string;
}

async function eventsOf(type: string, userId: string) {
  return t.db
    .selectFrom('events')
    .selectAll()
    .where('type', '=', type)
    .where('user_id', '=', userId)
    .execute();
}

describe('roi.compute', () => {
  it('works signed out, with defaults for anything left out', async () => {
    const { status, body } = await get(null, 'roi.compute', {
      model: 'attrition',
      inputs: { agents: 1000 },
    });
    expect(status).toBe(200);
    const data = body.result.data;
    expect(data.values.agents).toBe(1000);
    expect(data.values.currentAttritionRate).toBe(0.35);
    expect(data.result.cashflows).toHaveLength(4);
    expect(Number.isFinite(data.result.npv)).toBe(true);
  });

  it('adds a tornado and a seeded Monte Carlo run on request, reproducibly', async () => {
    const input = {
      model: 'speed-to-lead',
      sensitivity: true,
      monteCarlo: { trials: 1000, seed: 7 },
    };
    const a = (await get(null, 'roi.compute', input)).body.result.data;
    const b = (await get(null, 'roi.compute', input)).body.result.data;
    expect(a.tornado.rows.length).toBeGreaterThan(3);
    expect(a.monteCarlo.trials).toBe(1000);
    expect(a.monteCarlo).toEqual(b.monteCarlo);
    expect(a.monteCarlo.p10).toBeLessThanOrEqual(a.monteCarlo.p90);
  });

  it.each([
    ['text in a number field', { agents: 'abc' }, 'inputs.agents', 'Agents must be a number.'],
    ['NaN sent as text', { agents: 'NaN' }, 'inputs.agents', 'Agents must be a number.'],
    ['a negative agent count', { agents: -10 }, 'inputs.agents', 'Agents must be at least 1.'],
    [
      'a rate over 100%',
      { currentAttritionRate: 1.5 },
      'inputs.currentAttritionRate',
      'Current attrition per year must be at most 100%.',
    ],
    [
      '1e308',
      { replacementCost: 1e308 },
      'inputs.replacementCost',
      'Cost to replace one agent must be at most $10,000,000,000.',
    ],
    ['null', { discountRate: null }, 'inputs.discountRate', 'Discount rate must be a number.'],
    ['an unknown input', { bonus: 1 }, 'inputs.bonus', 'Unknown field; remove it.'],
  ])('refuses %s with a 400 naming the field', async (_label, inputs, path, message) => {
    const { status, body } = await post(null, 'roi.saveScenario', {
      model: 'attrition',
      name: 'x',
      inputs,
    });
    expect(status).toBe(401);
    const computed = await get(null, 'roi.compute', { model: 'attrition', inputs });
    expect(computed.status).toBe(400);
    expect(computed.body.error.data.issues).toContainEqual({ path, message });
    expect(body.error.data.code).toBe('UNAUTHORIZED');
  });

  it('refuses Infinity (1e999 in raw JSON) and an unknown model', async () => {
    const raw = '{"model":"attrition","inputs":{"agents":1e999}}';
    const { status, body } = await callTrpc(
      t.db,
      exec,
      'roi.saveScenario',
      undefined,
      'POST',
      raw.replace('}}', '},"name":"x"}'),
    );
    expect(status).toBe(400);
    expect(body.error.data.issues).toContainEqual({
      path: 'inputs.agents',
      message: 'Agents must be a finite number.',
    });
    const unknown = await get(null, 'roi.compute', { model: 'horoscope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.data.issues[0].path).toBe('model');
  });
});

describe('saving scenarios', () => {
  it('needs a signed-in user; any role may save', async () => {
    expect((await post(null, 'roi.saveScenario', { model: 'attrition', name: 'x' })).status).toBe(
      401,
    );
    const id = await save(partnerRep, 'Partner case');
    expect(id).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('stores inputs, model version and a summary computed on the server, and records scenario_saved', async () => {
    const id = await save(exec, 'Big centre', { agents: 2000 });
    const row = await t.db
      .selectFrom('roi_scenarios')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.owner_id).toBe(exec.id);
    expect(row.model_version).toBe(1);
    expect(row.currency).toBe('USD');
    expect(JSON.parse(row.inputs).agents).toBe(2000);
    const summary = JSON.parse(row.summary);
    expect(Number.isInteger(summary.npvCents)).toBe(true);
    const events = await eventsOf('scenario_saved', exec.id);
    const event = events.find((e) => JSON.parse(e.properties).scenarioId === id);
    expect(event).toBeDefined();
    expect(JSON.parse(event!.properties)).toMatchObject({
      model: 'attrition',
      source: 'calculator',
      npvCents: summary.npvCents,
    });
  });

  it('writes nothing when the input is refused', async () => {
    const before = await t.db.selectFrom('roi_scenarios').select('id').execute();
    const eventsBefore = await eventsOf('scenario_saved', other.id);
    const { status, body } = await post(other, 'roi.saveScenario', {
      model: 'attrition',
      name: '  ',
      inputs: { agents: -1 },
    });
    expect(status).toBe(400);
    expect(body.error.data.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'inputs.agents',
      'name',
    ]);
    expect(await t.db.selectFrom('roi_scenarios').select('id').execute()).toHaveLength(
      before.length,
    );
    expect(await eventsOf('scenario_saved', other.id)).toHaveLength(eventsBefore.length);
  });

  it('lists only the caller’s own scenarios, newest first, with paging', async () => {
    await save(other, 'Other’s private case');
    const mine = (await get(exec, 'roi.listScenarios', {})).body.result.data;
    expect(mine.items.every((s: { name: string }) => s.name !== 'Other’s private case')).toBe(true);
    expect(mine.total).toBe(mine.items.length);
    const filtered = (await get(exec, 'roi.listScenarios', { model: 'speed-to-lead' })).body.result
      .data;
    expect(filtered.total).toBe(0);
  });

  it('updates the owner’s scenario, validating inputs against its model', async () => {
    const id = await save(exec, 'To edit');
    const ok = await post(exec, 'roi.updateScenario', {
      id,
      name: 'Edited',
      inputs: { adoptionShare: 0.5 },
    });
    expect(ok.status).toBe(200);
    const view = (await get(exec, 'roi.getScenario', { id })).body.result.data;
    expect(view.name).toBe('Edited');
    expect(view.values.adoptionShare).toBe(0.5);
    const bad = await post(exec, 'roi.updateScenario', {
      id,
      inputs: { adoptionShare: 2, monthlyLeads: 5 },
    });
    expect(bad.status).toBe(400);
    // An input the model does not have is named by its own path (since unknown fields are
    // named on every road), no longer reported as the whole `inputs`.
    expect(bad.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['inputs.adoptionShare', 'inputs.monthlyLeads']),
    );
    expect((await post(other, 'roi.updateScenario', { id, name: 'Hijacked' })).status).toBe(404);
  });

  it('duplicates and deletes, owner only', async () => {
    const id = await save(exec, 'Original');
    const copy = await post(exec, 'roi.duplicateScenario', { id });
    expect(copy.status).toBe(200);
    const copied = (await get(exec, 'roi.getScenario', { id: copy.body.result.data.id })).body
      .result.data;
    expect(copied.name).toBe('Original (copy)');
    expect((await post(other, 'roi.duplicateScenario', { id })).status).toBe(404);
    expect((await post(other, 'roi.deleteScenario', { id })).status).toBe(404);
    expect((await post(exec, 'roi.deleteScenario', { id })).status).toBe(200);
    expect((await get(exec, 'roi.getScenario', { id })).status).toBe(404);
  });

  it('compares two to four of the caller’s scenarios, in order', async () => {
    const a = await save(exec, 'A');
    const b = await save(exec, 'B', { agents: 900 });
    const result = await get(exec, 'roi.compareScenarios', { ids: [b, a] });
    expect(result.status).toBe(200);
    expect(result.body.result.data.map((v: { name: string }) => v.name)).toEqual(['B', 'A']);
    expect((await get(exec, 'roi.compareScenarios', { ids: [a] })).status).toBe(400);
    expect((await get(exec, 'roi.compareScenarios', { ids: [a, a] })).status).toBe(400);
    expect((await get(exec, 'roi.compareScenarios', { ids: [a, b, a, b, a] })).status).toBe(400);
    const foreign = await save(other, 'Not yours');
    expect((await get(exec, 'roi.compareScenarios', { ids: [a, foreign] })).status).toBe(404);
  });
});

describe('permissions and sharing', () => {
  it('another user cannot read a private scenario (404, not 403)', async () => {
    const id = await save(exec, 'Private');
    const { status, body } = await get(other, 'roi.getScenario', { id });
    expect(status).toBe(404);
    expect(body.error.message).not.toContain('Private');
    expect((await get(null, 'roi.getScenario', { id })).status).toBe(401);
  });

  it('a share token reads the scenario without an account, read-only, and revoking makes it 404', async () => {
    const id = await save(exec, 'Shared case');
    expect((await post(other, 'roi.shareScenario', { id })).status).toBe(404);
    const shared = await post(exec, 'roi.shareScenario', { id });
    expect(shared.status).toBe(200);
    const { token, url } = shared.body.result.data;
    expect(token).toMatch(/^[a-z2-9]{32}$/);
    expect(url).toMatch(new RegExp(`/roi/shared/${token}$`));
    // Sharing again returns the same active link.
    expect((await post(exec, 'roi.shareScenario', { id })).body.result.data.token).toBe(token);
    const events = await eventsOf('scenario_shared', exec.id);
    expect(events.filter((e) => JSON.parse(e.properties).scenarioId === id)).toHaveLength(1);

    const view = await get(null, 'roi.getShared', { token });
    expect(view.status).toBe(200);
    expect(view.body.result.data.name).toBe('Shared case');
    expect(view.body.result.data.ownerName).toBe('Test executive');
    expect(view.body.result.data.id).toBeUndefined();
    // The token opens nothing else: it is not a scenario id and grants no change.
    expect((await post(other, 'roi.updateScenario', { id: token, name: 'x' })).status).toBe(404);
    expect((await post(null, 'roi.revokeShare', { id })).status).toBe(401);
    expect((await post(other, 'roi.revokeShare', { id })).status).toBe(404);

    expect((await post(exec, 'roi.revokeShare', { id })).status).toBe(200);
    const revoked = await get(null, 'roi.getShared', { token });
    expect(revoked.status).toBe(404);
    const again = (await post(exec, 'roi.shareScenario', { id })).body.result.data.token;
    expect(again).not.toBe(token);
    expect((await get(null, 'roi.getShared', { token })).status).toBe(404);
    expect((await get(null, 'roi.getShared', { token: again })).status).toBe(200);
  });

  it('an unknown token is 404, and deleting a scenario ends its link', async () => {
    expect((await get(null, 'roi.getShared', { token: 'nosuchtoken' })).status).toBe(404);
    const id = await save(exec, 'Short-lived');
    const token = (await post(exec, 'roi.shareScenario', { id })).body.result.data.token;
    await post(exec, 'roi.deleteScenario', { id });
    expect((await get(null, 'roi.getShared', { token })).status).toBe(404);
  });
});

describe('demo scenarios', () => {
  it('are created once for exec@chasm.test', async () => {
    const u = await makeUser(t.db, { role: 'executive', email: 'exec@chasm.test' });
    expect(await seedDemoScenarios(t.db)).toBe(true);
    expect(await seedDemoScenarios(t.db)).toBe(false);
    const rows = await t.db
      .selectFrom('roi_scenarios')
      .select(['name', 'model'])
      .where('owner_id', '=', u.id)
      .execute();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.model))).toEqual(new Set(['attrition', 'speed-to-lead']));
  });
});
