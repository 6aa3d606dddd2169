import { isWebsiteTraffic } from '../events';
import { domainKey } from '../matching/domain';

/**
 * First- and last-touch attribution: which way across the chasm brought the pipeline.
 *
 * A conversion is a lead (created by an onboarding flow) or a registered deal (a partner's
 * first submission). Each one is credited, once per model, to one touch of its visitor: the
 * first or the last website-traffic event (never a business event: a lead created or a deal
 * moved is not something the visitor did on the site) in the 90 days up to and including the
 * moment of conversion. Ties on the time go to the lower event id (first) or the higher (last).
 * A conversion without such a touch is credited to "none (direct)". Pure, so the rules are
 * table-tested and the browser could run them too.
 */
export const ATTRIBUTION_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

export const ATTRIBUTION_MODELS = ['first', 'last'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** The go-to-market motions: the three ways across the chasm. */
export const MOTIONS = ['self-serve', 'partner-sourced', 'solution-template'] as const;
export type Motion = (typeof MOTIONS)[number];

/** What a touch is described by (motion belongs to the conversion, not the touch). */
export const TOUCH_DIMENSIONS = ['persona', 'variant', 'source', 'campaign', 'partner'] as const;
export type TouchDimension = (typeof TOUCH_DIMENSIONS)[number];
export const DIMENSIONS = ['motion', ...TOUCH_DIMENSIONS] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The key of a conversion that no touch of a visitor explains. */
export const NO_TOUCH = 'none (direct)';
/** The key of a touch that lacks the dimension (no UTM source, no persona…). */
export const NOT_SET = '(not set)';
/** The variant key of a touch with no `experience_viewed` exposure at or before it. */
export const NOT_EXPOSED = 'not exposed';

export interface TouchEvent {
  id: number;
  type: string;
  occurredAt: string;
  persona: string | null;
  variant: string | null;
  utmSource: string | null;
  utmCampaign: string | null;
  partnerRef: string | null;
  /** The visit (30 minutes of inactivity ends one); null where unknown. */
  sessionId?: string | null;
}

export type TouchKeys = Record<TouchDimension, string>;

export interface Money {
  valueCents: number;
  currency: string;
}

export interface Conversion {
  kind: 'lead' | 'deal';
  id: string;
  motion: Motion;
  /** The touch each model credits; null when the conversion has none (direct). */
  touches: Record<AttributionModel, TouchKeys | null>;
  /** A won deal's value; null for leads and deals not won. */
  won: Money | null;
}

/** Website traffic only: the visitor's own actions on the site (src/lib/events.ts). */
export function isTouch(event: Pick<TouchEvent, 'type'>): boolean {
  return isWebsiteTraffic(event.type);
}

/** Time order, then event id: the order ties are broken in. */
export function compareEvents(
  a: Pick<TouchEvent, 'occurredAt' | 'id'>,
  b: Pick<TouchEvent, 'occurredAt' | 'id'>,
): number {
  const at = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  return at !== 0 ? at : a.id - b.id;
}

/** The visitor's touches in the window: from 90 days before the conversion up to it, both inclusive. */
export function touchesInWindow<T extends TouchEvent>(
  events: readonly T[],
  conversionAt: string,
): T[] {
  const end = Date.parse(conversionAt);
  const start = end - ATTRIBUTION_WINDOW_DAYS * DAY_MS;
  return events
    .filter((e) => {
      const at = Date.parse(e.occurredAt);
      return isTouch(e) && at >= start && at <= end;
    })
    .sort(compareEvents);
}

/** The first and the last touch of one visitor before one conversion (null, null without any). */
export function selectTouches<T extends TouchEvent>(
  events: readonly T[],
  conversionAt: string,
): { first: T | null; last: T | null } {
  const touches = touchesInWindow(events, conversionAt);
  return { first: touches[0] ?? null, last: touches[touches.length - 1] ?? null };
}

/**
 * The exposure in effect at a touch: the visitor's latest `experience_viewed` at the same time
 * or earlier (the home page's exposure and its page view share one instant). Failing that, the
 * first exposure later in the same visit: the variant is the visitor's arm (a stable hash of
 * the visitor), and a visit that lands on `/` records its page view and exposure a moment
 * apart when they come from different writers. Null when the visitor saw no personalised or
 * held-out page by then (within the events given).
 */
export function exposureAt<T extends TouchEvent>(events: readonly T[], touch: T): T | null {
  let before: T | null = null;
  let laterInVisit: T | null = null;
  for (const e of events) {
    if (e.type !== 'experience_viewed') continue;
    if (Date.parse(e.occurredAt) <= Date.parse(touch.occurredAt)) {
      if (!before || compareEvents(e, before) > 0) before = e;
    } else if (touch.sessionId && e.sessionId === touch.sessionId) {
      if (!laterInVisit || compareEvents(e, laterInVisit) < 0) laterInVisit = e;
    }
  }
  return before ?? laterInVisit;
}

/**
 * What a touch is credited under. Persona: the touch's own, else the persona of the exposure in
 * effect (a held-out visitor's page view carries none, its exposure names the persona held out).
 * Variant: the exposure's (personalised or holdout), else "not exposed". Source, campaign and
 * partner referral: the touch's UTM source, UTM campaign and `?ref=` code (remembered 30 days).
 */
export function touchKeys<T extends TouchEvent>(events: readonly T[], touch: T): TouchKeys {
  const exposure = exposureAt(events, touch);
  return {
    persona: touch.persona ?? exposure?.persona ?? NOT_SET,
    variant: exposure?.variant ?? NOT_EXPOSED,
    source: touch.utmSource ?? NOT_SET,
    campaign: touch.utmCampaign ?? NOT_SET,
    partner: touch.partnerRef ?? NOT_SET,
  };
}

/** First and last touch of a visitor before a conversion, described; null where there is none. */
export function attributeTouches(
  events: readonly TouchEvent[],
  conversionAt: string,
): Record<AttributionModel, TouchKeys | null> {
  const { first, last } = selectTouches(events, conversionAt);
  return {
    first: first ? touchKeys(events, first) : null,
    last: last ? touchKeys(events, last) : null,
  };
}

/** A lead that came through a partner's referral link is partner-sourced; any other is self-serve. */
export function leadMotion(lead: { referralCode: string | null }): Motion {
  return lead.referralCode ? 'partner-sourced' : 'self-serve';
}

/**
 * Every deal is registered by a partner; one registered on a solution template is credited to
 * the template (the more specific motion), the rest to partner-sourced.
 */
export function dealMotion(deal: { templateSlug: string | null }): Motion {
  return deal.templateSlug ? 'solution-template' : 'partner-sourced';
}

export interface LeadCandidate {
  id: string;
  createdAt: string;
  email: string;
  companyDomain: string;
  visitorId: string | null;
}

/**
 * The lead whose visitor a deal is attributed to. Deals carry no visitor: a partner registers
 * them, and its `deal_registered` event carries the partner user, not the prospect. So a deal
 * meets the latest lead with a visitor, created at or before its registration, whose e-mail is
 * the deal's contact e-mail (case folded) or, failing that, whose company domain folds to the
 * deal's registrable customer domain (the conflict rules' key). Ties on the time: the higher id.
 */
export function linkDealToLead<L extends LeadCandidate>(
  deal: { registeredAt: string; contactEmail: string; domainKey: string | null },
  leads: readonly L[],
): L | null {
  const at = Date.parse(deal.registeredAt);
  const eligible = leads.filter((l) => l.visitorId && Date.parse(l.createdAt) <= at);
  const latest = (list: L[]) =>
    list.reduce<L | null>((best, l) => {
      if (!best) return l;
      const d = Date.parse(l.createdAt) - Date.parse(best.createdAt);
      return d > 0 || (d === 0 && l.id > best.id) ? l : best;
    }, null);
  const email = deal.contactEmail.trim().toLowerCase();
  const byEmail = latest(eligible.filter((l) => l.email.trim().toLowerCase() === email));
  if (byEmail) return byEmail;
  if (!deal.domainKey) return null;
  return latest(eligible.filter((l) => domainKey(l.companyDomain) === deal.domainKey));
}

export interface AttributionCell {
  key: string;
  leads: number;
  deals: number;
  wonDeals: number;
  /** Per currency, largest first; never summed across currencies. */
  won: Money[];
  /** Of these conversions, how many had no touch ("none (direct)"). */
  direct: number;
}

export interface AttributionTotals {
  leads: number;
  deals: number;
  wonDeals: number;
  won: Money[];
  /** Conversions without a touch (the same under both models). */
  directLeads: number;
  directDeals: number;
}

export interface AttributionReport {
  totals: AttributionTotals;
  /** Cells per model and dimension, most conversions first, then by key. */
  cells: Record<AttributionModel, Record<Dimension, AttributionCell[]>>;
}

function sortedMoney(totals: Map<string, number>): Money[] {
  return [...totals.entries()]
    .map(([currency, valueCents]) => ({ currency, valueCents }))
    .sort((a, b) => b.valueCents - a.valueCents || a.currency.localeCompare(b.currency));
}

function keyOf(c: Conversion, model: AttributionModel, dimension: Dimension): string {
  if (dimension === 'motion') return c.motion;
  return c.touches[model]?.[dimension] ?? NO_TOUCH;
}

function cellsFor(
  conversions: readonly Conversion[],
  model: AttributionModel,
  dimension: Dimension,
): AttributionCell[] {
  const cells = new Map<string, { cell: AttributionCell; won: Map<string, number> }>();
  for (const c of conversions) {
    const key = keyOf(c, model, dimension);
    const entry = cells.get(key) ?? {
      cell: { key, leads: 0, deals: 0, wonDeals: 0, won: [], direct: 0 },
      won: new Map<string, number>(),
    };
    if (c.kind === 'lead') entry.cell.leads += 1;
    else entry.cell.deals += 1;
    if (!c.touches[model]) entry.cell.direct += 1;
    if (c.won) {
      entry.cell.wonDeals += 1;
      entry.won.set(c.won.currency, (entry.won.get(c.won.currency) ?? 0) + c.won.valueCents);
    }
    cells.set(key, entry);
  }
  return [...cells.values()]
    .map(({ cell, won }) => ({ ...cell, won: sortedMoney(won) }))
    .sort((a, b) => b.leads + b.deals - (a.leads + a.deals) || a.key.localeCompare(b.key));
}

/** Credits every conversion exactly once per model and dimension. */
export function attribute(conversions: readonly Conversion[]): AttributionReport {
  const won = new Map<string, number>();
  for (const c of conversions)
    if (c.won) won.set(c.won.currency, (won.get(c.won.currency) ?? 0) + c.won.valueCents);
  const byModel = (model: AttributionModel) =>
    Object.fromEntries(DIMENSIONS.map((d) => [d, cellsFor(conversions, model, d)])) as Record<
      Dimension,
      AttributionCell[]
    >;
  return {
    totals: {
      leads: conversions.filter((c) => c.kind === 'lead').length,
      deals: conversions.filter((c) => c.kind === 'deal').length,
      wonDeals: conversions.filter((c) => c.won).length,
      won: sortedMoney(won),
      directLeads: conversions.filter((c) => c.kind === 'lead' && !c.touches.first).length,
      directDeals: conversions.filter((c) => c.kind === 'deal' && !c.touches.first).length,
    },
    cells: { first: byModel('first'), last: byModel('last') },
  };
}
