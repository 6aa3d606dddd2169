import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../../src/server/api/root';
import { createApiKey } from '../../../src/server/partner-api/operations/create-api-key';
import { inviteTeammate } from '../../../src/server/partners/operations/invite-teammate';
import { createWebhook } from '../../../src/server/webhooks/operations/create-webhook';
import { makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callTrpc } from '../../helpers/trpc';

const PAGES = resolve(import.meta.dirname, '../../../src/pages');

/** One operation per form: the procedure is built from it and the page posts through it. */
const SHARED: [string, { name: string; input: unknown }, string, string][] = [
  ['webhooks.create', createWebhook, 'portal/webhooks/index.astro', 'createWebhook'],
  ['apiKeys.create', createApiKey, 'portal/api-keys.astro', 'createApiKey'],
  ['team.invite', inviteTeammate, 'portal/team.astro', 'inviteTeammate'],
];

describe('input schemas are defined once', () => {
  it.each(SHARED)('%s validates with its operation’s schema', (path, operation) => {
    const procedure = appRouter._def.procedures[path as keyof typeof appRouter._def.procedures];
    expect(operation.name).toBe(path);
    expect((procedure as unknown as { _def: { inputs: unknown[] } })._def.inputs).toEqual([
      operation.input,
    ]);
  });

  it.each(SHARED)(
    'the page of %s posts through the same operation, not a copy of its schema',
    (_path, _operation, page, name) => {
      const source = readFileSync(join(PAGES, page), 'utf8');
      expect(source).toMatch(/runFormAction\(\s*Astro\b/);
      expect(source).toMatch(new RegExp(`operation: ${name}\\b`));
      expect(source).not.toContain('parseInput(');
      expect(source).not.toMatch(/from 'zod'/);
    },
  );

  it('no page imports the router layer', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    const offenders = walk(PAGES)
      .filter((file) => /\.(astro|ts)$/.test(file) && !file.includes(`${join('api', 'trpc')}`))
      .filter((file) => /from '[./]*server\/api\/routers\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(PAGES, file));
    expect(offenders).toEqual([]);
  });
});

let t: TestDb;
let w: PortalWorld;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
});
afterAll(() => t.cleanup());

describe('the shared schemas answer with the same field messages through tRPC', () => {
  const cases: [string, unknown, string, string][] = [
    [
      'team.invite',
      { email: 'x@alpha.test', role: 'admin' },
      'role',
      'Choose a role: partner_admin or partner_rep.',
    ],
    ['apiKeys.create', { name: '  ' }, 'name', 'Name the key (what uses it).'],
    [
      'apiKeys.create',
      { name: 'CRM', expiresInDays: 0 },
      'expiresInDays',
      'A key lasts at least 1 day.',
    ],
    [
      'webhooks.create',
      { url: 'not a url', events: ['deal.won'] },
      'url',
      'Enter a full URL, like https://crm.example.com/hooks/relay.',
    ],
    [
      'webhooks.create',
      { url: 'https://crm.example.com/x', events: [] },
      'events',
      'Pick at least one event.',
    ],
  ];
  it.each(cases)('%s %j → 400 on %s', async (path, input, field, message) => {
    const { status, body } = await callTrpc(t.db, w.anaA, path, input, 'POST');
    expect(status).toBe(400);
    expect(body.error.data.issues).toContainEqual({ path: field, message });
  });
});

it('review.approveApplication refuses a tier the program does not offer, on the tier field', async () => {
  const { status, body } = await callTrpc(
    t.db,
    w.channel,
    'review.approveApplication',
    { id: 'X', tier: 'platinum' },
    'POST',
  );
  expect(status).toBe(400);
  expect(body.error.data.issues).toEqual([
    { path: 'tier', message: 'Choose one of the program’s tiers.' },
  ]);
});
