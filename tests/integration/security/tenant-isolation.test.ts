import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../../src/server/api/root';
import type { SessionUser } from '../../../src/server/auth/session';
import { createDeal } from '../../../src/server/deals/register';
import { createApiKey } from '../../../src/server/partner-api/keys';
import { OPERATIONS } from '../../../src/server/partner-api/routes';
import { createWebhookEndpoint } from '../../../src/server/webhooks/service';
import { saveScenario } from '../../../src/server/roi/scenarios';
import { api, newKey, serverDb } from '../../helpers/api';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callTrpc } from '../../helpers/trpc';

/**
 * Point 12: every tRPC procedure and every REST route, called as each role of partner A with
 * ids that belong to partner B, must answer not-found (or refuse the role outright, or return
 * only A's own data) and never show B's data. The matrix below must list every procedure and
 * route: adding one without deciding how it is isolated fails this test.
 */
type Outcome = 'not_found' | 'forbidden' | 'bad_request' | 'own_data' | 'public';

interface Ids {
  deal: string;
  apiKey: string;
  webhook: string;
  partner: string;
  /** A private ROI scenario saved by a user of partner B. */
  scenario: string;
}

interface TrpcCase {
  method: 'GET' | 'POST';
  input: (b: Ids) => unknown;
  /** Expected outcome for partner_admin and partner_rep of A. */
  admin: Outcome;
  rep: Outcome;
}

const q = (input: (b: Ids) => unknown, admin: Outcome, rep: Outcome = admin): TrpcCase => ({
  method: 'GET',
  input,
  admin,
  rep,
});
const m = (input: (b: Ids) => unknown, admin: Outcome, rep: Outcome = admin): TrpcCase => ({
  method: 'POST',
  input,
  admin,
  rep,
});
const none = () => undefined;

const TRPC_MATRIX: Record<string, TrpcCase> = {
  'auth.me': q(none, 'own_data'),
  'team.list': q(none, 'own_data'),
  'team.invite': m(
    (b) => ({ email: 'x@example.test', role: 'partner_rep', partnerId: b.partner }),
    'bad_request',
  ),
  'deals.list': q(() => ({ page: 1 }), 'own_data'),
  'deals.get': q((b) => ({ id: b.deal }), 'not_found'),
  'deals.dashboard': q(none, 'own_data'),
  'deals.checkConflicts': q((b) => ({ customerName: 'Anything', dealId: b.deal }), 'not_found'),
  'deals.create': m((b) => ({ ...dealInput(), partnerId: b.partner }), 'bad_request'),
  'deals.update': m((b) => ({ id: b.deal, deal: dealInput() }), 'not_found'),
  'deals.submit': m((b) => ({ id: b.deal }), 'not_found'),
  'deals.requestExtension': m((b) => ({ id: b.deal, reason: 'x' }), 'not_found'),
  'deals.markOutcome': m((b) => ({ id: b.deal, outcome: 'won' }), 'not_found'),
  'deals.comment': m((b) => ({ id: b.deal, body: 'hello' }), 'not_found'),
  'deals.timeline': q((b) => ({ id: b.deal }), 'not_found'),
  'review.queue': q(() => ({ page: 1 }), 'forbidden'),
  'review.startReview': m((b) => ({ id: b.deal }), 'forbidden'),
  'review.decide': m((b) => ({ id: b.deal, decision: 'approve' }), 'forbidden'),
  'review.bulkDecide': m((b) => ({ ids: [b.deal], decision: 'approve' }), 'forbidden'),
  'review.decideExtension': m((b) => ({ id: b.deal, approve: true }), 'forbidden'),
  'review.applications': q(() => ({ page: 1 }), 'forbidden'),
  'review.application': q(() => ({ id: 'X' }), 'forbidden'),
  'review.approveApplication': m(() => ({ id: 'X', tier: 'gold' }), 'forbidden'),
  'review.rejectApplication': m(() => ({ id: 'X', reason: 'no' }), 'forbidden'),
  'review.audit': q((b) => ({ partnerId: b.partner }), 'forbidden'),
  'templates.list': q(none, 'public'),
  'templates.get': q(() => ({ slug: 'speed-to-lead' }), 'public'),
  'templates.stats': q(none, 'forbidden'),
  'apiKeys.list': q(none, 'own_data', 'forbidden'),
  'apiKeys.create': m((b) => ({ name: 'k', partnerId: b.partner }), 'bad_request'),
  'apiKeys.revoke': m((b) => ({ id: b.apiKey }), 'not_found', 'forbidden'),
  'webhooks.list': q(none, 'own_data', 'forbidden'),
  'webhooks.create': m(
    (b) => ({ url: 'https://example.test/h', events: ['deal.won'], partnerId: b.partner }),
    'bad_request',
  ),
  'webhooks.disable': m((b) => ({ id: b.webhook }), 'not_found', 'forbidden'),
  'webhooks.deliveries': q((b) => ({ id: b.webhook }), 'not_found', 'forbidden'),
  'webhooks.sendTest': m((b) => ({ id: b.webhook }), 'not_found', 'forbidden'),
  // Leads are internal: partners never reach the inbox.
  'leads.list': q(none, 'forbidden'),
  'leads.recordResponse': m(() => ({ id: 'X', channel: 'phone' }), 'forbidden'),
  // ROI: computing is public; scenarios belong to the user who saved them.
  'roi.model': q(() => ({ model: 'attrition' }), 'public'),
  'roi.compute': q(() => ({ model: 'attrition', inputs: {} }), 'public'),
  'roi.saveScenario': m(() => ({ model: 'attrition', name: 'Mine', inputs: {} }), 'own_data'),
  'roi.listScenarios': q(() => ({}), 'own_data'),
  'roi.getScenario': q((b) => ({ id: b.scenario }), 'not_found'),
  'roi.updateScenario': m((b) => ({ id: b.scenario, name: 'Taken over' }), 'not_found'),
  'roi.duplicateScenario': m((b) => ({ id: b.scenario }), 'not_found'),
  'roi.deleteScenario': m((b) => ({ id: b.scenario }), 'not_found'),
  'roi.compareScenarios': q((b) => ({ ids: [b.scenario, 'UNKNOWN-SCENARIO'] }), 'not_found'),
  'roi.shareScenario': m((b) => ({ id: b.scenario }), 'not_found'),
  'roi.revokeShare': m((b) => ({ id: b.scenario }), 'not_found'),
  'roi.getShared': q(() => ({ token: 'not-a-real-token' }), 'not_found'),
  // Saved funnels are for the people who read the dashboards: partners never reach them.
  'analytics.funnels': q(none, 'forbidden'),
  'analytics.saveFunnel': m(
    () => ({
      name: 'Stolen',
      windowDays: 7,
      steps: [{ type: 'page_view' }, { type: 'lead_created' }],
    }),
    'forbidden',
  ),
  'analytics.deleteFunnel': m(() => ({ id: 'ui-anything' }), 'forbidden'),
};

interface RestCase {
  path: (b: Ids) => string;
  body?: (b: Ids) => unknown;
  outcome: Outcome;
}

/** Every partner-API operation (an API key acts with partner A's rights). */
const REST_MATRIX: Record<string, RestCase> = {
  'GET /deals': { path: () => '/deals?limit=100', outcome: 'own_data' },
  'POST /deals': {
    path: () => '/deals',
    body: (b) => ({ ...dealInput(), partnerId: b.partner }),
    outcome: 'bad_request',
  },
  'GET /deals/{id}': { path: (b) => `/deals/${b.deal}`, outcome: 'not_found' },
  'PATCH /deals/{id}': {
    path: (b) => `/deals/${b.deal}`,
    body: () => ({ customerName: 'Taken over' }),
    outcome: 'not_found',
  },
  'POST /deals/{id}/submit': {
    path: (b) => `/deals/${b.deal}/submit`,
    body: () => ({}),
    outcome: 'not_found',
  },
  'POST /deals/{id}/comments': {
    path: (b) => `/deals/${b.deal}/comments`,
    body: () => ({ body: 'Reading your deal' }),
    outcome: 'not_found',
  },
  'POST /deals/{id}/outcome': {
    path: (b) => `/deals/${b.deal}/outcome`,
    body: () => ({ outcome: 'lost', reason: 'Sabotage' }),
    outcome: 'not_found',
  },
  'POST /deals/{id}/extension': {
    path: (b) => `/deals/${b.deal}/extension`,
    body: () => ({ reason: 'More time' }),
    outcome: 'not_found',
  },
  'GET /deals/{id}/timeline': { path: (b) => `/deals/${b.deal}/timeline`, outcome: 'not_found' },
  'POST /conflicts/check': {
    path: () => '/conflicts/check',
    body: (b) => ({ customerName: 'Anything', dealId: b.deal }),
    outcome: 'not_found',
  },
  'GET /templates': { path: () => '/templates', outcome: 'public' },
  'GET /openapi.json': { path: () => '/openapi.json', outcome: 'public' },
};

const STATUS: Record<Outcome, number> = {
  not_found: 404,
  forbidden: 403,
  bad_request: 400,
  own_data: 200,
  public: 200,
};

/** What the edge serves under /api/v1: every operation of the list, and the document. */
function restRoutes(): string[] {
  return [...Object.values(OPERATIONS).map((op) => `${op.method} ${op.path}`), 'GET /openapi.json'];
}

describe('the matrices list every procedure and route', () => {
  it('every tRPC procedure is in the matrix, and nothing else', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(TRPC_MATRIX).sort());
  });
  it('every /api/v1 operation is in the matrix, and nothing else', () => {
    expect(restRoutes().sort()).toEqual(Object.keys(REST_MATRIX).sort());
  });
});

let t: TestDb;
let w: PortalWorld;
let b: Ids;
let secrets: string[];

beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  const deal = await createDeal(
    t.db,
    w.leeB,
    dealInput({ customerName: 'Secretco Holdings', externalId: 'B-SECRET-1' }),
    { submit: true },
  );
  const key = await createApiKey(t.db, w.leeB, { name: 'B key' });
  const hook = await createWebhookEndpoint(t.db, w.leeB, {
    url: 'https://b.example.test/hook',
    events: ['deal.won'],
  });
  await createDeal(t.db, w.anaA, dealInput());
  const scenario = await saveScenario(t.db, w.leeB, {
    name: 'Secretco business case',
    model: 'attrition',
    inputs: {},
  });
  b = {
    deal: deal.id,
    apiKey: key.id,
    webhook: hook.id,
    partner: w.partnerB,
    scenario: scenario.id,
  };
  secrets = [
    deal.id,
    'Secretco',
    'B-SECRET-1',
    key.prefix,
    hook.id,
    w.leeB.partner!.name,
    w.leeB.email,
    scenario.id,
  ];
});
afterAll(() => t.cleanup());

function assertIsolated(outcome: Outcome, status: number, body: unknown) {
  expect(status).toBe(STATUS[outcome]);
  const text = JSON.stringify(body);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe.each(['partner_admin', 'partner_rep'] as const)(
  'tRPC as %s of partner A with partner B’s ids',
  (role) => {
    for (const [path, spec] of Object.entries(TRPC_MATRIX)) {
      it(path, async () => {
        const user: SessionUser = role === 'partner_admin' ? w.anaA : w.repA;
        const outcome = role === 'partner_admin' ? spec.admin : spec.rep;
        const result = await callTrpc(t.db, user, path, spec.input(b), spec.method);
        assertIsolated(outcome, result.status, result.body);
      });
    }
  },
);

describe('REST as an API key of partner A with partner B’s ids', () => {
  let db: ReturnType<typeof serverDb>;
  let keyA: string;
  let serverB: Ids;
  beforeAll(async () => {
    db = serverDb();
    keyA = (await newKey(db, 'ana@northwind.test')).key;
    const leeKey = (await newKey(db, 'lee@bluepeak.test')).key;
    const created = await (
      await api('/deals', leeKey, {
        method: 'POST',
        body: dealInput({ customerName: 'Secretco Holdings', externalId: 'B-SECRET-1' }),
      })
    ).json();
    const lee = await db
      .selectFrom('users')
      .select('partner_id')
      .where('email', '=', 'lee@bluepeak.test')
      .executeTakeFirstOrThrow();
    serverB = {
      deal: created.id,
      apiKey: '',
      webhook: '',
      partner: lee.partner_id ?? '',
      scenario: '',
    };
    secrets = [created.id, 'Secretco', 'B-SECRET-1', 'Bluepeak'];
  });
  afterAll(() => db.destroy());

  for (const [route, spec] of Object.entries(REST_MATRIX)) {
    it(route, async () => {
      const method = route.split(' ')[0]!;
      const response = await api(spec.path(serverB), keyA, {
        method,
        ...(spec.body ? { body: spec.body(serverB) } : {}),
      });
      const body = await response.json();
      // The OpenAPI document mentions no partner; every other answer must not show B's data.
      assertIsolated(spec.outcome, response.status, body);
    });
  }
});
