import type { ReportTable } from '../../lib/analytics/tables';
import { formatInteger, formatPercent } from '../../lib/format/numbers';
import type { FunnelReport } from './queries/funnels';
import type { InferenceReport } from './queries/inference';
import type { PersonaLift } from './queries/lift';
import { MAX_DAYS_TO_DETECT, type LiftResult } from '../../lib/analytics/stats';
import type { Overview } from './queries/overview';
import type { Pipeline, PipelineGroup } from './queries/pipeline';
import type { RoiUsage } from './queries/roi-usage';
import type { SpeedToLead } from './queries/speed-to-lead';
import { formatDuration } from '../../lib/format/numbers';
import { formatMoney } from '../../lib/format/numbers';
import type { FunnelChoice } from './service';

export { attributionTables } from './attribution-tables';

const int = (v: unknown) => formatInteger(Number(v));
const pct = (v: unknown) => formatPercent(v === null || v === undefined ? null : Number(v));

/** The tables behind each dashboard view: shown under the charts and exported as CSV. */
export function overviewTables(o: Overview): ReportTable[] {
  return [
    {
      name: 'daily',
      title: 'Visitors, visits and page views per day',
      columns: [
        { key: 'day', label: 'Day' },
        { key: 'visitors', label: 'Unique visitors', isNumeric: true, format: int },
        { key: 'sessions', label: 'Visits', isNumeric: true, format: int },
        { key: 'pageViews', label: 'Page views', isNumeric: true, format: int },
      ],
      rows: o.days,
    },
    {
      name: 'personas',
      title: 'Traffic by persona',
      columns: [
        { key: 'persona', label: 'Persona' },
        { key: 'visitorDays', label: 'Visitor-days', isNumeric: true, format: int },
        { key: 'sessions', label: 'Visits', isNumeric: true, format: int },
      ],
      rows: o.byPersona,
    },
    {
      name: 'sources',
      title: 'Visits by source',
      columns: [
        { key: 'source', label: 'Source' },
        { key: 'sessions', label: 'Visits', isNumeric: true, format: int },
      ],
      rows: o.bySource,
    },
  ];
}

export function funnelTables(funnel: FunnelChoice, report: FunnelReport): ReportTable[] {
  return [
    {
      name: 'steps',
      title: `${funnel.name}: visitors per step`,
      columns: [
        { key: 'step', label: 'Step' },
        { key: 'visitors', label: 'Visitors', isNumeric: true, format: int },
        { key: 'ofEntered', label: 'Of entered', isNumeric: true, format: pct },
        { key: 'ofPrevious', label: 'Of previous step', isNumeric: true, format: pct },
        { key: 'previousVisitors', label: 'Previous period', isNumeric: true, format: int },
        {
          key: 'previousOfEntered',
          label: 'Previous period, of entered',
          isNumeric: true,
          format: pct,
        },
      ],
      rows: report.current.map((s, i) => ({
        step: funnel.steps[i]?.label ?? `Step ${i + 1}`,
        visitors: s.visitors,
        ofEntered: s.ofEntered,
        ofPrevious: s.ofPrevious,
        previousVisitors: report.previous[i]?.visitors ?? 0,
        previousOfEntered: report.previous[i]?.ofEntered ?? 0,
      })),
    },
    {
      name: 'personas',
      title: `${funnel.name}: by persona`,
      columns: [
        { key: 'persona', label: 'Persona' },
        ...funnel.steps.map((s, i) => ({
          key: `s${i}`,
          label: s.label,
          isNumeric: true,
          format: int,
        })),
        { key: 'conversion', label: 'Entered → last step', isNumeric: true, format: pct },
      ],
      rows: report.byPersona.map((p) => ({
        persona: p.persona,
        ...Object.fromEntries(p.steps.map((n, i) => [`s${i}`, n])),
        conversion: p.steps[0] ? (p.steps[p.steps.length - 1] ?? 0) / p.steps[0] : null,
      })),
    },
  ];
}

export function liftTables(personas: PersonaLift[]): ReportTable[] {
  return [
    {
      name: 'lift',
      title: 'Personalised against holdout, per persona',
      columns: [
        { key: 'persona', label: 'Persona' },
        { key: 'pVisitors', label: 'Personalised visitors', isNumeric: true, format: int },
        { key: 'pRate', label: 'Personalised conversion', isNumeric: true, format: pct },
        { key: 'hVisitors', label: 'Holdout visitors', isNumeric: true, format: int },
        { key: 'hRate', label: 'Holdout conversion', isNumeric: true, format: pct },
        {
          key: 'difference',
          label: 'Difference',
          isNumeric: true,
          format: (v) => formatPercent(v === null ? null : Number(v), 1, true),
        },
        {
          key: 'low',
          label: '95% CI low',
          isNumeric: true,
          format: (v) => formatPercent(v === null ? null : Number(v), 1, true),
        },
        {
          key: 'high',
          label: '95% CI high',
          isNumeric: true,
          format: (v) => formatPercent(v === null ? null : Number(v), 1, true),
        },
        {
          key: 'pValue',
          label: 'p-value',
          isNumeric: true,
          format: (v) => (v === null ? '—' : formatPValue(Number(v))),
        },
        {
          key: 'detectable',
          label: 'Detectable difference now',
          isNumeric: true,
          format: (v) => (v === null ? '—' : formatPercent(Number(v), 1)),
        },
        {
          key: 'daysToDetect',
          label: 'Days to detect the difference seen',
          isNumeric: true,
          format: (v) =>
            v === null ? '—' : Number(v) >= MAX_DAYS_TO_DETECT ? 'over 10 years' : int(v),
        },
        { key: 'verdict', label: 'Verdict' },
      ],
      rows: personas.map((p) => ({
        persona: p.persona,
        pVisitors: p.personalized.trials,
        pRate: p.personalized.rate,
        hVisitors: p.holdout.trials,
        hRate: p.holdout.rate,
        difference: p.hasEnoughData ? p.difference : null,
        low: p.hasEnoughData ? p.interval[0] : null,
        high: p.hasEnoughData ? p.interval[1] : null,
        pValue: p.hasEnoughData ? (p.test?.pValue ?? null) : null,
        detectable: p.detectable,
        daysToDetect: p.daysToDetect,
        verdict: liftVerdict(p),
      })),
    },
  ];
}

/** Plain words for a lift result. */
/** A p-value as people read it: three decimals, or "< 0.001". */
export function formatPValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** The overall verdict with the evidence behind it: interval and p-value. */
export function liftEvidence(p: LiftResult): string | null {
  if (!p.hasEnoughData) return null;
  const [low, high] = p.interval;
  const test = p.test
    ? ` · p ${p.test.pValue < 0.001 ? '' : '= '}${formatPValue(p.test.pValue)}`
    : '';
  return `95% CI ${formatPercent(low, 1, true)} to ${formatPercent(high, 1, true)}${test}`;
}

export function liftVerdict(p: LiftResult): string {
  if (!p.hasEnoughData) return `Not enough data yet: needs ${p.needs}.`;
  if (p.interval[0] > 0) return 'Personalising converts better.';
  if (p.interval[1] < 0) return 'The generic page converts better.';
  return 'No clear difference yet.';
}

export function inferenceTables(report: InferenceReport): ReportTable[] {
  return [
    {
      name: 'matrix',
      title: 'Inferred persona against the persona chosen',
      columns: [
        { key: 'inferred', label: 'Inferred' },
        { key: 'chosen', label: 'Chosen' },
        { key: 'count', label: 'Choices', isNumeric: true, format: int },
      ],
      rows: report.matrix,
    },
    {
      name: 'sources',
      title: 'Choices by how the persona was inferred',
      columns: [
        { key: 'source', label: 'Inferred from' },
        { key: 'kept', label: 'Confirmed', isNumeric: true, format: int },
        { key: 'switches', label: 'Switched away', isNumeric: true, format: int },
      ],
      rows: report.bySource,
    },
  ];
}

const MODEL_NAMES: Record<string, string> = {
  attrition: 'Agent attrition',
  'speed-to-lead': 'Speed to lead',
  'market-sizing': 'Market sizing',
};

export function modelName(model: string): string {
  return MODEL_NAMES[model] ?? model;
}

export function roiUsageTables(usage: RoiUsage): ReportTable[] {
  return [
    {
      name: 'models',
      title: 'ROI models: scenarios and calculator runs',
      columns: [
        { key: 'model', label: 'Model' },
        { key: 'scenarios', label: 'Scenarios saved', isNumeric: true, format: int },
        { key: 'shared', label: 'Share links created', isNumeric: true, format: int },
        { key: 'medianNpv', label: 'Median NPV', isNumeric: true },
        { key: 'calculatorRuns', label: 'Calculator runs', isNumeric: true, format: int },
      ],
      rows: usage.models.map((m) => ({
        model: modelName(m.model),
        scenarios: m.scenarios,
        shared: m.shared,
        medianNpv:
          m.medianNpvCents === null ? '—' : formatMoney(m.medianNpvCents, m.currency ?? 'USD'),
        calculatorRuns: m.calculatorRuns,
      })),
    },
  ];
}

export function speedTables(data: SpeedToLead, ownerName: (key: string) => string): ReportTable[] {
  const minutes = (v: unknown) => formatDuration(v === null || v === undefined ? null : Number(v));
  return [
    {
      name: 'distribution',
      title: 'First-response times',
      columns: [
        { key: 'label', label: 'Answered within' },
        { key: 'count', label: 'Leads', isNumeric: true, format: int },
      ],
      rows: data.buckets.map((b) => ({ label: b.label, count: b.count })),
    },
    {
      name: 'owners',
      title: 'By sales owner',
      columns: [
        { key: 'owner', label: 'Owner' },
        { key: 'leads', label: 'Leads', isNumeric: true, format: int },
        { key: 'withinShare', label: 'Answered in time', isNumeric: true, format: pct },
        { key: 'medianMinutes', label: 'Median first response', isNumeric: true, format: minutes },
        { key: 'unanswered', label: 'Not answered yet', isNumeric: true, format: int },
      ],
      rows: data.owners.map((o) => ({
        owner: ownerName(o.owner),
        leads: o.leads,
        withinShare: o.leads ? o.withinDeadline / o.leads : null,
        medianMinutes: o.medianMinutes,
        unanswered: o.unanswered,
      })),
    },
  ];
}

const moneyList = (v: unknown) => String(v ?? '—');

function groupTable(
  name: string,
  title: string,
  first: string,
  groups: PipelineGroup[],
): ReportTable {
  return {
    name,
    title,
    columns: [
      { key: 'label', label: first },
      { key: 'deals', label: 'Deals', isNumeric: true, format: int },
      { key: 'value', label: 'Value', isNumeric: true, format: moneyList },
      { key: 'won', label: 'Won', isNumeric: true, format: int },
      { key: 'lost', label: 'Lost', isNumeric: true, format: int },
      { key: 'winRate', label: 'Win rate', isNumeric: true, format: pct },
    ],
    rows: groups.map((g) => ({
      label: g.label,
      deals: g.deals,
      value: g.values.map((v) => formatMoney(v.valueCents, v.currency)).join(' + ') || '—',
      won: g.won,
      lost: g.lost,
      winRate: g.winRate,
    })),
  };
}

export function pipelineTables(
  p: Pipeline,
  templateTitle: (slug: string) => string,
): ReportTable[] {
  return [
    groupTable('stages', 'Deals by stage', 'Stage', p.byStage),
    groupTable('partners', 'Deals by partner', 'Partner', p.byPartner),
    groupTable(
      'templates',
      'Deals by solution template',
      'Template',
      p.byTemplate.map((g) => ({ ...g, label: g.key ? templateTitle(g.key) : 'No template' })),
    ),
    {
      name: 'expiring',
      title: 'Protection ending within 14 days',
      columns: [
        { key: 'customer', label: 'Customer' },
        { key: 'partner', label: 'Partner' },
        { key: 'protectedUntil', label: 'Protected until' },
        { key: 'value', label: 'Value', isNumeric: true },
      ],
      rows: p.expiringSoon.map((d) => ({
        customer: d.customer,
        partner: d.partner,
        protectedUntil: d.protectedUntil.slice(0, 10),
        value: formatMoney(d.valueCents, d.currency),
      })),
    },
  ];
}
