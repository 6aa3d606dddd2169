import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createDeal } from '../../../src/server/deals/register';
import { listDealsPage } from '../../../src/server/deals/repository';
import { containsInsensitive } from '../../../src/server/sql-like';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let w: PortalWorld;
// A scratch table of the test's own, outside the app's schema types.
let probe: Kysely<{ like_probe: { id: number; label: string } }>;

const LABELS = [
  '50% off',
  '500 off',
  'a_b',
  'axb',
  'back\\slash',
  'ACME Corp',
  'acme corp',
  'Öresund Tele',
  "O'Brien & Sons",
];

beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  probe = t.db as unknown as typeof probe;
  await probe.schema
    .createTable('like_probe')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();
  await probe
    .insertInto('like_probe')
    .values(LABELS.map((label, id) => ({ id, label })))
    .execute();
});
afterAll(() => t.cleanup());

describe('containsInsensitive', () => {
  const cases: [string, string[]][] = [
    ['50%', ['50% off']],
    ['%', ['50% off']],
    ['a_b', ['a_b']],
    ['_', ['a_b']],
    ['\\', ['back\\slash']],
    ['k\\s', ['back\\slash']],
    ['acme', ['ACME Corp', 'acme corp']],
    ['ACME CORP', ['ACME Corp', 'acme corp']],
    ['mE c', ['ACME Corp', 'acme corp']],
    // Typed as stored, a non-ASCII name matches on every dialect.
    ['Öresund', ['Öresund Tele']],
    ['öresund TELE', []],
    ["o'brien", ["O'Brien & Sons"]],
    ['zzz', []],
  ];
  it.each(cases)('%s matches %j', async (text, expected) => {
    const rows = await probe
      .selectFrom('like_probe')
      .select('label')
      .where(containsInsensitive('label', text))
      .orderBy('id')
      .execute();
    const labels = rows.map((r) => r.label);
    if (text === 'öresund TELE' && t.dialect === 'postgres') {
      // PostgreSQL's lower() folds every letter; SQLite's only ASCII ones (documented).
      expect(labels).toEqual(['Öresund Tele']);
    } else {
      expect(labels).toEqual(expected);
    }
  });
});

describe('deal search uses it', () => {
  it('finds a customer by part of its name or domain, as typed or in another case', async () => {
    const deal = await createDeal(
      t.db,
      w.repA,
      dealInput({ customerName: 'Öresund Tele 100% AB', customerDomain: 'oresund-tele.example' }),
    );
    for (const search of ['Öresund', 'TELE 100%', 'oresund-TELE.example', deal.id.toLowerCase()]) {
      const { rows } = await listDealsPage(
        t.db,
        { partnerId: w.partnerA, search },
        'created_desc',
        10,
        0,
      );
      expect(
        rows.map((r) => r.id),
        search,
      ).toEqual([deal.id]);
    }
    const { rows } = await listDealsPage(
      t.db,
      { partnerId: w.partnerA, search: 'Tele_100' },
      'created_desc',
      10,
      0,
    );
    expect(rows).toEqual([]);
  });
});
