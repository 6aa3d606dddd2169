import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAuditCsv, exportDealAuditCsv } from '../../../src/server/audit/service';
import { csvCell } from '../../../src/lib/format/csv';
import { decideDeal } from '../../../src/server/deals/actions';
import { exportDealsCsv, listDeals } from '../../../src/server/deals/list';
import { createDeal } from '../../../src/server/deals/register';
import { getTemplateFigures } from '../../../src/server/deals/templates';
import { markDealOutcome } from '../../../src/server/deals/actions';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let w: PortalWorld;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
});
afterAll(() => t.cleanup());

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(ts|astro)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('audit log is append-only in code', () => {
  it('nothing in src/ or db/seed updates or deletes audit_log or deal_comments', () => {
    const root = resolve(import.meta.dirname, '../../..');
    const offenders = [...sources(join(root, 'src')), ...sources(join(root, 'db/seed'))].filter(
      (file) =>
        /(updateTable|deleteFrom)\(\s*['"](audit_log|deal_comments)['"]/.test(
          readFileSync(file, 'utf8'),
        ) ||
        /(update|delete\s+from)\s+(audit_log|deal_comments)\b/i.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('CSV exports', () => {
  it('escapes quotes, commas and spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell(null)).toBe('');
  });

  it('exports a partner’s deals only; channel managers get every partner and the audit trail', async () => {
    const mine = await createDeal(t.db, w.anaA, dealInput({ customerName: '=cmd|calc Ltd' }), {
      submit: true,
    });
    const theirs = await createDeal(t.db, w.leeB, dealInput());
    const csvA = await exportDealsCsv(t.db, w.repA, {
      conflict: 'any',
      overdue: false,
      sort: 'created_desc',
      page: 1,
    });
    expect(csvA).toContain(mine.id);
    expect(csvA).not.toContain(theirs.id);
    expect(csvA).toContain("'=cmd|calc Ltd");
    const csvAll = await exportDealsCsv(t.db, w.channel, {
      conflict: 'any',
      overdue: false,
      sort: 'created_desc',
      page: 1,
    });
    expect(csvAll).toContain(theirs.id);
    await decideDeal(t.db, w.channel, mine.id, 'approve', undefined);
    const trail = await exportDealAuditCsv(t.db, w.channel, mine.id);
    expect(trail.split('\r\n')[0]).toBe(
      'id,at,record,record_id,partner_id,actor,actor_role,action,from,to,reason,changes',
    );
    expect(trail).toContain(',approve,submitted,approved,');
    await expect(exportDealAuditCsv(t.db, w.anaA, mine.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const all = await exportAuditCsv(t.db, w.admin, {});
    expect(all.split('\r\n').length).toBeGreaterThan(4);
  });

  it('filters, searches and paginates', async () => {
    const found = await listDeals(t.db, w.anaA, {
      conflict: 'any',
      overdue: false,
      sort: 'value_desc',
      page: 1,
      search: 'cmd|calc',
    });
    expect(found.deals.map((d) => d.customerName)).toEqual(['=cmd|calc Ltd']);
    const none = await listDeals(t.db, w.anaA, {
      conflict: 'yes',
      overdue: false,
      sort: 'created_desc',
      page: 1,
    });
    expect(none.total).toBe(0);
  });
});

describe('template figures', () => {
  it('counts deals, win rate over closed deals and average value per currency', async () => {
    for (const [outcome, value] of [
      ['won', 1_000_000],
      ['lost', 3_000_000],
      [null, 2_000_000],
    ] as const) {
      const deal = await createDeal(
        t.db,
        w.anaA,
        dealInput({ templateSlug: 'call-insight', valueCents: value, currency: 'EUR' }),
        { submit: true },
      );
      if (outcome) {
        await decideDeal(t.db, w.channel, deal.id, 'approve', undefined);
        // A loss carries its reason (the state machine asks for one); a win needs none.
        await markDealOutcome(
          t.db,
          w.anaA,
          deal.id,
          outcome,
          outcome === 'lost' ? 'Budget cut' : undefined,
        );
      }
    }
    const figures = await getTemplateFigures(t.db, w.channel);
    const callInsight = figures.find((f) => f.slug === 'call-insight')!;
    expect(callInsight).toMatchObject({
      deals: 3,
      won: 1,
      lost: 1,
      winRate: 0.5,
      averageValue: { EUR: 2_000_000 },
    });
    expect(callInsight.version).toMatch(/^\d+\.\d+\.\d+$/);
    await expect(getTemplateFigures(t.db, w.anaA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
