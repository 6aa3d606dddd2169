import { formatCount, formatMoney } from '../../lib/roi/format';
import type { ModelResult } from '../../lib/roi/models';
import { DataTable } from '../charts/DataTable';

type Attrition = Extract<ModelResult, { model: 'attrition' }>;

/** Agents replaced per year before and after, and where the money comes from. */
export function AttritionHighlights({ result }: { result: ModelResult }) {
  if (result.model !== 'attrition') return null;
  const r: Attrition = result;
  const fewer = r.agentsReplacedBefore - r.agentsReplacedAfter;
  const full = r.years[r.years.length > 2 ? 2 : 1];
  return (
    <section className="card highlights" aria-labelledby="attrition-facts">
      <h2 id="attrition-facts">Agents and savings</h2>
      <dl className="facts">
        <div>
          <dt>Agents replaced per year today</dt>
          <dd data-testid="replaced-before">{formatCount(r.agentsReplacedBefore, 1)}</dd>
        </div>
        <div>
          <dt>After the change</dt>
          <dd data-testid="replaced-after">{formatCount(r.agentsReplacedAfter, 1)}</dd>
        </div>
        <div>
          <dt>Fewer replacements a year</dt>
          <dd>{formatCount(fewer, 1)}</dd>
        </div>
        <div>
          <dt>Agents working virtually</dt>
          <dd>{formatCount(r.virtualAgents, 1)}</dd>
        </div>
      </dl>
      <DataTable
        caption="Yearly benefits and costs by source"
        data={{
          columns: [
            'Year',
            'Attrition savings',
            'Productivity',
            'Facilities',
            'Platform',
            'One-time',
          ],
          rows: r.years.map((y) => [
            y.year,
            formatMoney(y.attritionSavings),
            formatMoney(y.productivityValue),
            formatMoney(y.facilitySavings),
            formatMoney(-y.platformCost),
            formatMoney(-y.implementationCost),
          ]),
        }}
      />
      {full && (
        <p className="muted small">
          Year 1 earns {Math.round(r.firstYearFactor * 100)}% of a full year while agents move over.
        </p>
      )}
    </section>
  );
}

export const attritionFormulas = (
  <div className="formula-text">
    <p>
      With N agents, a share s moved to the virtual model, attrition a₀ today and a₁ for virtual
      agents:
    </p>
    <ul>
      <li>
        Attrition savings per year = N × s × (a₀ − a₁) × C, where C is the cost to replace one
        agent.
      </li>
      <li>
        Productivity value per year = N × s × g × S, where g is the productivity change and S an
        agent's yearly cost.
      </li>
      <li>
        Facility savings per year = N × s × r × F, where r is the share of vacated seats released
        and F a seat's yearly cost.
      </li>
      <li>Platform cost per year = N × s × P × 12, with P the cost per virtual agent per month.</li>
      <li>
        Year 1 benefits and platform cost are both scaled by (12 − R/2) ÷ 12 for a linear ramp over
        R months (the platform is paid per agent moved). Year y's benefits grow by (1 + growth)
        <sup>y−1</sup> and the platform cost by (1 + escalation)<sup>y−1</sup>.
      </li>
      <li>
        Each benefit line is reduced by its risk adjustment (Forrester TEI style), whose default
        follows the strength of its evidence.
      </li>
      <li>Cash flow: year 0 = −I (implementation); year y = benefits − platform cost.</li>
      <li>
        NPV discounts year y by (1 + d)<sup>y</sup>; ROI = (PV benefits − PV costs) ÷ PV costs;
        payback interpolates inside the year the cumulative cash flow turns positive.
      </li>
    </ul>
    <p>
      Productivity evidence conflicts: a randomised trial found +13%, a later study of US call
      centres found fewer calls per hour. The default counts no gain; the tornado uses the published
      range, and the simulation only when you choose to include disputed ranges.
    </p>
  </div>
);
